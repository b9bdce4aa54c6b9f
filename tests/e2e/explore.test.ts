import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useSite } from './harness.ts';

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8'));
type Ev = { id: string; date: string; kind: string; thread: string; title: string; people?: string[]; place?: string };
const events: Ev[] = bundled.events;
const { open } = useSite();

const drawnIds = (page: Page) => page.locator('svg .mark[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
const drawnTotal = async (page: Page) =>
  (await page.locator('svg .mark').count()) +
  (await page.locator('svg .cluster').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-cluster-count')), 0)));
const listIds = (page: Page) => page.locator('.list li[data-event-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!));
const query = (page: Page) => new URL(page.url()).searchParams;

describe('filters, search and shareable state', () => {
  it('filters by kind from the panel: marks, list, counts and URL follow', async () => {
    const { page, assertClean } = await open();
    const rulings = events.filter((e) => e.kind === 'ruling');
    await page.getByRole('button', { name: 'Filters' }).click();
    const checkbox = page.getByRole('checkbox', { name: /Court ruling/ });
    expect(await checkbox.locator('xpath=..').textContent()).toContain(String(rulings.length));
    await checkbox.check();
    await expect.poll(() => drawnTotal(page)).toBe(rulings.length);
    for (const id of await drawnIds(page)) expect(rulings.some((e) => e.id === id)).toBe(true);
    await expect.poll(() => query(page).get('kind')).toBe('ruling');
    await page.getByRole('button', { name: 'List', exact: true }).click();
    expect((await listIds(page)).sort()).toEqual(rulings.map((e) => e.id).sort());
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect.poll(() => listIds(page).then((l) => l.length)).toBe(events.length);
    await expect.poll(() => query(page).get('kind')).toBe(null);
    await assertClean();
  });

  it('searches without case or accents, highlights matches, and has a way back from no results', async () => {
    const { page, assertClean } = await open('?view=list');
    const expected = events.filter((e) => JSON.stringify(e).toLowerCase().includes('hernández romero') || JSON.stringify(e).toLowerCase().includes('hernandez romero'));
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('searchbox').fill('HERNANDEZ romero');
    await expect.poll(() => listIds(page).then((l) => l.length)).toBeGreaterThan(0);
    const found = await listIds(page);
    for (const e of expected.filter((x) => x.title.toLowerCase().includes('hernández'))) expect(found).toContain(e.id);
    expect((await page.locator('.list mark').first().textContent())!.toLowerCase()).toMatch(/hern[aá]ndez|romero/);
    await expect.poll(() => query(page).get('q')).toBe('HERNANDEZ romero');

    await page.getByRole('searchbox').fill('zzzz-no-such-thing');
    await expect(page.getByRole('heading', { name: 'No events match' }).waitFor()).resolves.toBeUndefined();
    await expectNoAxeViolations(page);
    await page.locator('.empty').getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => listIds(page).then((l) => l.length)).toBe(events.length);
    expect(await page.getByRole('searchbox').inputValue()).toBe('');
    await assertClean();
  });

  it('restores every URL parameter after a reload', async () => {
    const target = events.find((e) => e.people?.length && e.place && e.date >= '2025-04' && e.date < '2025-10')!;
    const person = target.people![0]!;
    const params = new URLSearchParams({
      q: target.title.split(' ')[0]!, kind: target.kind, thread: target.thread, person, place: target.place!,
      from: '2025-03-01', to: '2025-10-31', event: target.id, layout: 'thread', view: 'list',
    });
    const { page, assertClean } = await open(`?${params}`);
    await page.reload();
    await page.locator('.app[data-state="ready"]').waitFor();
    expect(await page.getByRole('button', { name: 'List', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await listIds(page)).toContain(target.id);
    for (const id of await listIds(page)) {
      const e = events.find((x) => x.id === id)!;
      expect([e.kind, e.thread, e.place]).toEqual([target.kind, target.thread, target.place]);
      expect(e.people).toContain(person);
    }
    expect(await page.locator('aside.detail').getAttribute('data-event-id')).toBe(target.id);
    expect(await page.getByRole('searchbox').inputValue()).toBe(params.get('q'));
    expect(await page.locator('.filters select').first().inputValue()).toBe(target.thread);
    await page.getByRole('button', { name: 'Chart', exact: true }).click();
    expect(await page.getByRole('button', { name: 'By case' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.status').textContent()).toContain('March 1, 2025 – October 31, 2025');
    await assertClean();
  });

  it('writes zoom and the open event to the URL without adding history entries', async () => {
    const { page, assertClean } = await open();
    const before = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect.poll(() => query(page).get('from')).toMatch(/^2025-\d\d-\d\d$/);
    const from = query(page).get('from');
    const to = query(page).get('to');
    await page.reload();
    await page.locator('.app[data-state="ready"]').waitFor();
    await expect.poll(() => query(page).get('from')).toBe(from);
    expect(query(page).get('to')).toBe(to);
    await page.locator('svg .mark').first().click();
    await expect.poll(() => query(page).get('event')).toBeTruthy();
    expect(await page.evaluate(() => history.length)).toBe(before);
    await assertClean();
  });

  it('reaches ready from garbage URLs and reports an unknown event politely', async () => {
    for (const q of ['?kind=%E0%A4%A&from=yesterday&to=2025-02-30&layout=<svg>&event=', '?q=' + 'x'.repeat(5000) + '&thread=nope', '?&&&==&kind=,,,&view=list&view=chart']) {
      const { page, assertClean } = await open(q);
      expect(await page.locator('.app').getAttribute('data-state')).toBe('ready');
      await assertClean();
    }
    const { page, assertClean } = await open('?event=no-such-event');
    expect(await page.locator('.link-note').textContent()).toContain('“no-such-event” is not in this dataset');
    expect(await page.locator('aside.detail').count()).toBe(0);
    await assertClean();
  });
});

describe('threads, overview and clusters', () => {
  it('lays out one labelled band per case, highlights the thread and tells its story', async () => {
    const { page, assertClean } = await open('?layout=thread');
    const labels = await page.locator('svg .band-label').allTextContents();
    const used = new Set(events.map((e) => e.thread));
    expect(labels.length).toBe(used.size);
    expect(labels).toContain(bundled.threads.find((t: { id: string }) => t.id === 'ocg').title);
    await expectNoAxeViolations(page);
    const ocg = events.filter((e) => e.thread === 'ocg').sort((a, b) => (a.date < b.date ? -1 : 1));
    await page.goto(page.url().replace(/\?.*/, `?layout=thread&event=${ocg[2]!.id}`));
    await page.locator('.app[data-state="ready"]').waitFor();
    const story = page.locator('aside.detail .story li');
    expect(await story.count()).toBe(ocg.length);
    expect(await page.locator('svg .mark.related').count()).toBeGreaterThan(0);
    const unrelated = await page.locator('svg .mark:not(.related)').evaluateAll((els) => els.map((e) => getComputedStyle(e).opacity));
    for (const o of unrelated) expect(Number(o)).toBeLessThan(1);
    await story.nth(3).getByRole('button').click();
    await expect.poll(() => page.locator('aside.detail').getAttribute('data-event-id')).toBe(ocg[3]!.id);
    await assertClean();
  });

  it('pans and zooms with the overview brush', async () => {
    const { page, assertClean } = await open();
    const status = () => page.locator('.status').textContent();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const zoomed = await status();
    const brush = (await page.locator('.overview .brush').boundingBox())!;
    await page.mouse.move(brush.x + brush.width / 2, brush.y + brush.height / 2);
    await page.mouse.down();
    await page.mouse.move(brush.x + brush.width / 2 + 200, brush.y + brush.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(status).not.toBe(zoomed);
    const moved = (await page.locator('.overview .brush').boundingBox())!;
    expect(moved.x).toBeGreaterThan(brush.x + 150);
    expect(Math.abs(moved.width - brush.width)).toBeLessThan(2);
    // Dragging the right edge widens the window.
    await page.mouse.move(moved.x + moved.width, moved.y + moved.height / 2);
    await page.mouse.down();
    await page.mouse.move(moved.x + moved.width + 150, moved.y + moved.height / 2, { steps: 5 });
    await page.mouse.up();
    const wider = (await page.locator('.overview .brush').boundingBox())!;
    expect(wider.width).toBeGreaterThan(moved.width + 100);
    // A click outside the brush jumps there.
    const strip = (await page.locator('.overview').boundingBox())!;
    await page.mouse.click(strip.x + 10, strip.y + strip.height / 2);
    expect((await page.locator('.overview .brush').boundingBox())!.x).toBeLessThan(strip.x + 5);
    await assertClean();
  });

  it('opens a cluster with a click and with Enter', async () => {
    const { page, assertClean } = await open();
    const cluster = page.locator('svg .cluster').first();
    const count = Number(await cluster.getAttribute('data-cluster-count'));
    expect(count).toBeGreaterThan(1);
    const before = await page.locator('.status').textContent();
    await cluster.click();
    await expect.poll(() => page.locator('.status').textContent()).not.toBe(before);
    expect(await page.locator('svg .mark').count()).toBeGreaterThanOrEqual(Math.min(count, 4));
    await page.getByRole('button', { name: 'Show all', exact: true }).click();
    await page.locator('svg .cluster').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('mark'))).toBe(true);
    await assertClean();
  });
});
