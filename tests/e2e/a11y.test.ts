import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useSite } from './harness.ts';

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8'));
const { open } = useSite();
const active = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
    const label = a.labels?.[0]?.querySelector('span')?.textContent ?? a.labels?.[0]?.textContent;
    return a.getAttribute('data-event-id') ?? a.getAttribute('aria-label') ?? label?.trim() ?? a.textContent?.trim() ?? '';
  });
async function tabTo(page: Page, match: (label: string) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await active(page))) return;
  }
  throw new Error(`Tab never reached the element; last: ${await active(page)}`);
}
const noOverflow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

describe('keyboard alone', () => {
  it('finds and reads an event, filters by kind, zooms, and gets focus back', async () => {
    const { page, assertClean } = await open();
    // Filters.
    await tabTo(page, (l) => l === 'Filters');
    await page.keyboard.press('Enter');
    await tabTo(page, (l) => l === 'Search');
    await tabTo(page, (l) => /Court ruling/.test(l));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('ruling');
    // The chart: one Tab stop.
    await tabTo(page, (l) => bundled.events.some((e: { id: string; kind: string }) => e.id === l && e.kind === 'ruling'));
    const first = await active(page);
    await page.keyboard.press('ArrowRight');
    const second = await active(page);
    expect(second).not.toBe(first);
    expect(bundled.events.find((e: { id: string }) => e.id === second).kind).toBe('ruling');
    await page.keyboard.press('+');
    expect(await page.locator('main .status').textContent()).not.toMatch(/^Showing all/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    expect(await page.locator('aside.detail').getAttribute('data-event-id')).toBe(second);
    // Reading: Tab reaches the sources.
    await tabTo(page, (l) => /opens in a new tab/.test(l), 10);
    await page.keyboard.press('Escape');
    expect(await active(page)).toBe(second);
    // Tab leaves the chart in one press (no trap).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.plot') === null)).toBe(true);
    // Presentation: open, step, leave — and focus comes back to where it was.
    for (let i = 0; i < 40 && (await active(page)) !== 'Present'; i++) await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toBe('Present');
    await page.keyboard.press('Enter');
    const progress = page.locator('.present .progress');
    expect(await progress.textContent()).toMatch(/^1 \//);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    expect(await progress.textContent()).toMatch(/^3 \//);
    await page.keyboard.press('Escape');
    expect(await page.locator('.present').count()).toBe(0);
    expect(await active(page)).toBe('Present');
    await assertClean();
  });

  it('opens an event with Enter and Escape hands focus back to its mark, though the panel narrowed the chart', async () => {
    const { page, assertClean } = await open();
    await tabTo(page, (l) => bundled.events.some((e: { id: string }) => e.id === l));
    await page.keyboard.press('ArrowRight');
    const id = await active(page);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    // The open panel narrows the chart, which can gather this event into a cluster; closing
    // the panel widens it again, and focus must still land on the event's own mark.
    await page.keyboard.press('Escape');
    await expect.poll(() => active(page)).toBe(id);
    await assertClean();
  });

  it('keeps focus visible with at least 3:1 contrast', async () => {
    const { page, assertClean } = await open();
    await tabTo(page, (l) => l === 'Filters');
    const style = await page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement!);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
    });
    expect(style.style).toBe('solid');
    expect(style.width).toBeGreaterThanOrEqual(2);
    expect(style.color).toBe('rgb(10, 88, 184)'); // --focus, 7.0:1 on white (palette test)
    await tabTo(page, (l) => bundled.events.some((e: { id: string }) => e.id === l));
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.hit')!).stroke);
    expect(ring).toBe('rgb(10, 88, 184)');
    await assertClean();
  });
});

describe('axe-core in every state', () => {
  it.each([
    ['Spanish', '?lang=es'],
    ['dark', '?theme=dark'],
    ['high contrast', '?theme=contrast&layout=kind'],
    ['thread layout, filtered, with detail', '?layout=thread&kind=error&event=' + bundled.events[3].id],
  ])('%s', async (_name, query) => {
    const { page, assertClean } = await open(query);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^(List|Lista)$/ }).click();
    await expectNoAxeViolations(page);
    await assertClean();
  });
});

describe('Spanish', () => {
  it('switches language from the URL and the button, with <html lang>, dates and data in Spanish', async () => {
    const e = bundled.events.find((x: { date: string; translations?: unknown }) => x.date.length === 10 && x.translations);
    const { page, assertClean } = await open(`?lang=es&event=${e.id}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.locator('h1').textContent()).toBe(bundled.translations.es.title);
    expect(await page.locator('aside.detail h2').textContent()).toBe(e.translations.es.title);
    expect(await page.locator('aside.detail .summary').textContent()).toBe(e.translations.es.summary);
    const [y, m, d] = e.date.split('-').map(Number);
    expect(await page.locator('aside.detail .date').textContent()).toBe(new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('es-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }));
    expect(await page.locator('.legend').textContent()).toContain('Decisión judicial');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('aside.detail h2').textContent()).toBe(e.title);
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await assertClean();
  });

  it('follows the browser language when the URL does not say', async () => {
    const { page, assertClean } = await open('', { locale: 'es-MX' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByRole('button', { name: 'Filtros' }).isVisible()).toBe(true);
    await assertClean();
  });
});

describe('phones', () => {
  it('opens the filters as a drawer and closes it with “Show N events”', async () => {
    const { page, assertClean } = await open('', { width: 375, height: 740 });
    await page.getByRole('button', { name: 'Filters' }).click();
    const drawer = page.locator('.filters');
    expect(await drawer.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const box = (await drawer.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(740, -1);
    await page.getByRole('checkbox', { name: /Policy/ }).check();
    const done = page.getByRole('button', { name: /^Show \d+ events$/ });
    const count = Number((await done.textContent())!.match(/\d+/)![0]);
    expect(count).toBe(bundled.events.filter((e: { kind: string }) => e.kind === 'policy').length);
    await expectNoAxeViolations(page);
    await done.click();
    expect(await page.locator('.filters').count()).toBe(0);
    expect(await active(page)).toMatch(/^Filters/);
    await assertClean();
  });
});

describe('motion, forced colours, zoomed text', () => {
  it('runs no animations with reduced motion', async () => {
    const { page, assertClean } = await open('', { reducedMotion: true });
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.locator('svg .mark').first().click();
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await assertClean();
  });

  it('keeps marks, focus and selection visible in forced colours', async () => {
    const { page, assertClean } = await open(`?event=${bundled.events[5].id}`, { forcedColors: true });
    const canvasText = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    const fills = await page.locator('svg .mark .symbol').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).fill))]);
    expect(fills).toEqual([canvasText]);
    const selected = await page.locator('svg .mark.selected .symbol').evaluate((e) => getComputedStyle(e).strokeWidth);
    expect(parseFloat(selected)).toBeGreaterThanOrEqual(3);
    await page.locator('svg .mark').first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.hit')!).strokeWidth)).toBe('3px');
    await expectNoAxeViolations(page);
    await assertClean();
  });

  it('reflows at 320 px with 200% text and WCAG text spacing, clipping nothing', async () => {
    const { page, assertClean } = await open('?event=' + bundled.events[10].id, { width: 320, height: 800 });
    // CSSOM, not an inline <style>: the page's CSP forbids inline styles, as it should.
    await page.evaluate(() => {
      const sheet = document.styleSheets[0]!;
      sheet.insertRule('html { font-size: 200% !important; }', sheet.cssRules.length);
      sheet.insertRule('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }', sheet.cssRules.length);
      sheet.insertRule('p { margin-bottom: 2em !important; }', sheet.cssRules.length);
    });
    await noOverflow(page);
    const clipped = await page.locator('button:visible').evaluateAll((els) =>
      els.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).map((b) => b.textContent?.trim()),
    );
    expect(clipped).toEqual([]);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await noOverflow(page);
    await assertClean();
  });
});
