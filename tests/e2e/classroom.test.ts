import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useSite } from './harness.ts';
import { qrMatrix, qrSvgPath } from '../../src/lib/qr/qr.ts';

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8'));
const tours = JSON.parse(readFileSync('data/tours.json', 'utf8')).tours as { id: string; title: string; steps: { event: string; note?: string }[] }[];
const { open } = useSite({
  'bad-tours/data/tours.json': (_q, r) => { r.writeHead(200); r.end('{}'); },
});
const shownId = (page: Page) => page.locator('.present .card').getAttribute('data-event-id');
const step = (page: Page) => new URL(page.url()).searchParams.get('step');

describe('presentation mode', () => {
  it('steps with a clicker’s keys, shows progress and keeps the step in the URL', async () => {
    const { page, assertClean } = await open('?kind=ruling', { width: 1920, height: 1080 });
    const rulings = (bundled.events as { id: string; kind: string; date: string }[]).filter((e) => e.kind === 'ruling');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const present = page.locator('.present');
    expect(await present.locator('.progress').textContent()).toBe(`1 / ${rulings.length}`);
    const first = await shownId(page);
    for (const key of ['ArrowRight', 'PageDown', 'Space']) await page.keyboard.press(key);
    expect(await present.locator('.progress').textContent()).toBe(`4 / ${rulings.length}`);
    await page.keyboard.press('PageUp');
    expect(await present.locator('.progress').textContent()).toBe(`3 / ${rulings.length}`);
    await expect.poll(() => step(page)).toBe('3');
    await page.keyboard.press('End');
    expect(await present.locator('.progress').textContent()).toBe(`${rulings.length} / ${rulings.length}`);
    await page.keyboard.press('Home');
    expect(await shownId(page)).toBe(first);
    // Type is at least 1.5 times the page's, and the projector theme is on.
    const size = await present.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    expect(await present.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Present');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await assertClean();
  });

  it('restores a bookmarked step after a reload', async () => {
    const tour = tours[1]!;
    const { page, assertClean } = await open(`?tour=${tour.id}&step=4`);
    expect(await shownId(page)).toBe(tour.steps[3]!.event);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => step(page)).toBe('5');
    await page.reload();
    await page.locator('.app[data-state="ready"]').waitFor();
    expect(await shownId(page)).toBe(tour.steps[4]!.event);
    await assertClean();
  });
});

describe('guided tours', () => {
  it('ships the five required tours, each naming only real events', () => {
    const ids = new Set(bundled.events.map((e: { id: string }) => e.id));
    for (const id of ['ocg', 'abrego-garcia', 'alien-enemies-act', 'us-citizens-detained', 'third-country-removals']) {
      const tour = tours.find((t) => t.id === id);
      expect(tour, id).toBeDefined();
      expect(tour!.steps.length).toBeGreaterThanOrEqual(5);
      for (const s of tour!.steps) expect(ids.has(s.event), `${id}: ${s.event}`).toBe(true);
    }
  });

  it('opens from the picker and steps through the tour in order, with its notes', async () => {
    const tour = tours.find((t) => t.id === 'ocg')!;
    const { page, assertClean } = await open();
    await page.getByRole('button', { name: 'Guided tours' }).click();
    await expectNoAxeViolations(page);
    await page.locator(`button[data-tour="${tour.id}"]`).click();
    expect(await page.locator('.present .tour').textContent()).toBe(tour.title);
    for (const [i, s] of tour.steps.entries()) {
      expect(await shownId(page)).toBe(s.event);
      if (s.note) expect(await page.locator('.present .note').textContent()).toContain(s.note);
      if (i < tour.steps.length - 1) await page.keyboard.press('ArrowRight');
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('tour')).toBe('ocg');
    await assertClean();
  });

  it('opens a tour from ?tour=, in Spanish too, and reports an unknown one politely', async () => {
    const { page, assertClean } = await open('?tour=alien-enemies-act&lang=es');
    expect(await page.locator('.present .tour').textContent()).toBe(JSON.parse(readFileSync('data/tours.json', 'utf8')).tours.find((t: { id: string }) => t.id === 'alien-enemies-act').translations.es.title);
    await assertClean();
    const bad = await open('?tour=no-such-tour');
    expect(await bad.page.locator('.link-note').textContent()).toContain('“no-such-tour” is not available');
    expect(await bad.page.locator('.present').count()).toBe(0);
    await bad.assertClean();
  });
});

describe('printed handout', () => {
  it('prints the filtered events with their sources and a QR code back to the view, and no controls', async () => {
    const { page, assertClean } = await open('?kind=ruling&thread=abrego-garcia');
    const expected = (bundled.events as { id: string; kind: string; thread: string; title: string; sources: { url: string }[] }[]).filter((e) => e.kind === 'ruling' && e.thread === 'abrego-garcia');
    await page.locator('.app[data-extras="ready"]').waitFor();
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const handout = page.locator('section.print');
    expect(await handout.isVisible()).toBe(true);
    expect(await page.locator('.page').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.locator('button:visible').count()).toBe(0);
    expect((await handout.locator('ol > li h2').allTextContents()).sort()).toEqual(expected.map((e) => e.title).sort());
    const printedUrls = await handout.locator('ol .url').allTextContents();
    for (const e of expected) for (const src of e.sources) expect(printedUrls).toContain(src.url);
    expect(await handout.locator('.filters').textContent()).toMatch(/Kind: Court ruling · Case or theme: Kilmar Abrego Garcia/);
    const url = (await handout.locator('header .url').textContent())!;
    expect(new URL(url).searchParams.get('kind')).toBe('ruling');
    expect(await handout.locator('svg.qr path').getAttribute('d')).toBe(qrSvgPath(qrMatrix(url)).d);
    const pdf = await page.pdf({ format: 'Letter', margin: { top: '1.5cm', bottom: '1.5cm', left: '1.5cm', right: '1.5cm' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(1);
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await handout.count()).toBe(0);
    await assertClean();
  });

  it('breaks a long handout into pages without splitting an event', async () => {
    const { page, assertClean } = await open();
    await page.locator('.app[data-extras="ready"]').waitFor();
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('section.print ol > li').count()).toBe(bundled.events.length);
    expect(await page.locator('section.print ol > li').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'Letter' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(10);
    await assertClean();
  });
});

describe('offline copy', () => {
  it('works opened from disk with every network request blocked', async () => {
    const network: string[] = [];
    const { page, assertClean } = await open('', {
      address: pathToFileURL(resolve('dist/timeline-offline.html')).href,
      // Everything but the file itself is cut off.
      beforeGoto: async (p) => {
        await p.route('**/*', (route) => {
          if (route.request().url().startsWith('file:')) return route.continue();
          network.push(route.request().url());
          return route.abort();
        });
      },
    });
    const marks = await page.locator('svg .mark').count();
    const clustered = await page.locator('svg .cluster').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-cluster-count')), 0));
    expect(marks + clustered).toBe(bundled.events.length);
    await page.locator('svg .mark').first().click();
    expect(await page.locator('aside.detail .sources a').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Guided tours' }).click();
    await page.locator('button[data-tour="ocg"]').click();
    expect(await page.locator('.present .progress').textContent()).toMatch(/^1 \//);
    expect(network).toEqual([]);
    // No CSP violation, console error or dialog, as on every page the harness opens.
    await assertClean();
  });
});
