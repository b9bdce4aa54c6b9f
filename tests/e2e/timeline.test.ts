import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, syntheticDataset, useSite } from './harness.ts';

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8'));
const json = (body: unknown) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};
let flakyCalls = 0;
const { open } = useSite({
  'synthetic-60.json': json(syntheticDataset(60)),
  // Fails the first time, then serves data: for Retry.
  'flaky.json': (_req, res) => {
    flakyCalls++;
    if (flakyCalls === 1) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('boom');
    } else json(syntheticDataset(5))(_req, res);
  },
});

const windowText = (page: import('playwright-core').Page) => page.locator('main .status').textContent();
/** The number of events the status line says are shown. */
const shown = async (page: import('playwright-core').Page) => Number((await windowText(page))!.match(/Showing (?:all )?(\d+)/)![1]);

describe('the built site, served from a sub-path', () => {
  it('loads the bundled dataset and draws every event, as a mark or inside a cluster', async () => {
    const { page, assertClean } = await open();
    await expect(page.title()).resolves.toBe(bundled.title);
    const marks = await page.locator('svg .mark[data-event-id]').count();
    const clustered = await page.locator('svg .cluster').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-cluster-count')), 0));
    expect(marks + clustered).toBe(bundled.events.length);
    expect(marks).toBeGreaterThan(20);
    expect(await page.locator('link[rel=icon]').count()).toBe(1);
    await expectNoAxeViolations(page);
    await assertClean();
  });

  it('draws N marks for an N-event file given with ?data=', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json');
    expect(await page.locator('svg .mark[data-event-id]').count()).toBe(60);
    expect(await page.locator('.legend').textContent()).toMatch(/Court ruling\s*15/);
    await assertClean();
  });

  it('zooms with the wheel and with the buttons, and shows all again', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json');
    const all = await windowText(page);
    expect(all).toMatch(/^Showing all 60 events/);
    const box = (await page.locator('.plot svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
    await expect.poll(() => windowText(page)).not.toBe(all);
    const afterWheel = await shown(page);
    expect(afterWheel).toBeLessThan(60);

    await page.getByRole('button', { name: 'Show all', exact: true }).click();
    await expect.poll(() => windowText(page)).toBe(all);
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const zoomed = await shown(page);
    expect(zoomed).toBeGreaterThan(5);
    expect(zoomed).toBeLessThan(25);
    expect(await page.locator('svg .mark').count()).toBe(zoomed);
    await page.getByRole('button', { name: 'Later' }).click();
    await expect.poll(() => windowText(page)).not.toMatch(/January/);
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await expect.poll(() => windowText(page)).toBe(all);
    await assertClean();
  });

  it('pans by dragging', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json');
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const before = await windowText(page);
    const box = (await page.locator('.plot svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 300, box.y + 20, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => windowText(page)).not.toBe(before);
    await assertClean();
  });

  it('zooms with a two-finger pinch and pans with one finger on a touch screen', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json', { hasTouch: true, width: 800 });
    const all = await windowText(page);
    const box = (await page.locator('.plot svg').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + 20;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: number[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((x, id) => ({ x: box.x + x, y, id })) });
    await touch('touchStart', [350, 450]);
    for (const d of [60, 120, 180, 240]) await touch('touchMove', [350 - d, 450 + d]);
    await touch('touchEnd', []);
    await expect.poll(() => shown(page)).toBeLessThan(60);
    const pinched = await windowText(page);
    expect(pinched).not.toBe(all);
    await touch('touchStart', [400]);
    for (const d of [20, 60, 120]) await touch('touchMove', [400 - d]);
    await touch('touchEnd', []);
    await expect.poll(() => windowText(page)).not.toBe(pinched);
    await assertClean();
  });

  it('opens an event on click with its summary and safe source links', async () => {
    const { page, assertClean } = await open();
    const first = bundled.events[0];
    const id = [...bundled.events].sort((a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : 1))[0].id;
    await page.locator(`svg .mark[data-event-id="${id}"]`).click();
    const detail = page.locator('aside.detail');
    await expect(detail.getAttribute('data-event-id')).resolves.toBe(id);
    const ev = bundled.events.find((e: { id: string }) => e.id === id);
    expect(await detail.locator('.summary').textContent()).toBe(ev.summary);
    const links = detail.locator('.sources a');
    expect(await links.count()).toBe(ev.sources.length);
    for (let i = 0; i < ev.sources.length; i++) {
      await expect(links.nth(i).getAttribute('href')).resolves.toBe(new URL(ev.sources[i].url).href);
      await expect(links.nth(i).getAttribute('target')).resolves.toBe('_blank');
      await expect(links.nth(i).getAttribute('rel')).resolves.toBe('noopener noreferrer');
    }
    void first;
    await expectNoAxeViolations(page);
    // Next steps forward in time.
    await detail.getByRole('button', { name: /Next event/ }).click();
    await expect.poll(() => detail.getAttribute('data-event-id')).not.toBe(id);
    await assertClean();
  });

  it('reaches and opens an event with the keyboard alone, and gives focus back on Escape', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? document.activeElement?.className ?? '');
    for (let i = 0; i < 20 && !(await focused()).startsWith('syn-'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('syn-0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('syn-2');
    await page.keyboard.press('Enter');
    await expect(page.locator('aside.detail h2').textContent()).resolves.toBe('Synthetic event 2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    await page.keyboard.press('Escape');
    expect(await page.locator('aside.detail').count()).toBe(0);
    expect(await focused()).toBe('syn-2');
    await page.keyboard.press('End');
    expect(await focused()).toBe('syn-59');
    await assertClean();
  });

  it('zooms and moves with keys while the chart has focus', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json');
    const all = await windowText(page);
    await page.locator('svg .mark[data-event-id="syn-30"]').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const zoomed = await windowText(page);
    expect(zoomed).not.toBe(all);
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'))).toBe('syn-42');
    await expect.poll(() => windowText(page)).not.toBe(zoomed);
    await page.keyboard.press('0');
    await expect.poll(() => windowText(page)).toBe(all);
    // The page itself never listens for these keys.
    await page.locator('h1').click();
    await page.keyboard.press('+');
    expect(await windowText(page)).toBe(all);
    await assertClean();
  });

  it('lists the events in view under month headings', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json');
    await page.getByRole('button', { name: 'List' }).click();
    expect(await page.locator('.list [data-event-id]').count()).toBe(60);
    expect(await page.locator('.list h3').allTextContents()).toContain('March 2025');
    await expectNoAxeViolations(page);
    await page.locator('.list [data-event-id="syn-7"] button.open').click();
    await expect(page.locator('aside.detail h2').textContent()).resolves.toBe('Synthetic event 7');
    await assertClean();
  });

  it('opens an event from its permalink, and the About panel gives counts, licence and citation', async () => {
    const id = bundled.events[7].id;
    const { page, assertClean } = await open(`?event=${id}`);
    await expect(page.locator('aside.detail').getAttribute('data-event-id')).resolves.toBe(id);
    const permalink = await page.getByRole('link', { name: 'Link to this event' }).getAttribute('href');
    expect(permalink).toMatch(new RegExp(`/graphics/2025/timeline/\\?event=${id}$`));
    await page.getByRole('button', { name: 'About this data' }).click();
    const dialog = page.getByRole('dialog', { name: 'About this data' });
    const sources = bundled.events.reduce((n: number, e: { sources: unknown[] }) => n + e.sources.length, 0);
    expect(await dialog.textContent()).toContain(`${bundled.events.length} events`);
    expect(await dialog.textContent()).toContain(`${sources.toLocaleString('en-US')} sources`);
    expect(await dialog.textContent()).toContain('CC BY 4.0');
    await expectNoAxeViolations(page);
    const href = (await dialog.getByRole('link', { name: 'Corrections log' }).getAttribute('href'))!;
    const log = await page.request.get(new URL(href, page.url()).href);
    expect(log.status()).toBe(200);
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await assertClean();
  });

  it('turns vertical below 600 px: time runs down, labels read across, still zoomable', async () => {
    const { page, assertClean } = await open('?data=synthetic-60.json', { width: 400, height: 900, hasTouch: true });
    expect(await page.locator('.timeline.vertical').count()).toBe(1);
    const marks = await page.locator('svg .mark').evaluateAll((els) => els.map((el) => {
      const r = el.querySelector('.symbol')!.getBoundingClientRect();
      return { id: el.getAttribute('data-event-id')!, x: r.x, y: r.y };
    }));
    expect(marks.length).toBeGreaterThan(10);
    // Later events sit lower down.
    const byId = new Map(marks.map((m) => [Number(m.id.slice(4)), m.y]));
    const ids = [...byId.keys()].sort((a, b) => a - b);
    expect(byId.get(ids.at(-1)!)!).toBeGreaterThan(byId.get(ids[0]!)! + 200);
    expect(await page.locator('svg .mark text').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    // Two fingers apart, vertically, zoom; one finger is left to the page.
    const all = await windowText(page);
    const box = (await page.locator('.plot svg').boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', ys: number[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: ys.map((y, id) => ({ x: box.x + 200, y: box.y + y, id })) });
    await touch('touchStart', [250]);
    for (const d of [30, 60, 90]) await touch('touchMove', [250 + d]);
    await touch('touchEnd', []);
    expect(await windowText(page)).toBe(all);
    await touch('touchStart', [260, 320]);
    for (const d of [40, 80, 120]) await touch('touchMove', [260 - d, 320 + d]);
    await touch('touchEnd', []);
    await expect.poll(() => shown(page)).toBeLessThan(60);
    await expectNoAxeViolations(page);
    await assertClean();
  });

  it('fits a 320 px phone without horizontal scrolling', async () => {
    const { page, assertClean } = await open('', { width: 320, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);
    await assertClean();
  });
});

describe('bad data', () => {
  it('skips invalid events and says which, where and why', async () => {
    const { page, assertClean } = await open('?data=fixtures/partly-bad.json');
    expect(await page.locator('svg .mark').count()).toBe(5);
    const notice = page.locator('.notice');
    expect(await notice.locator('summary').textContent()).toMatch(/5 events shown, 4 skipped/);
    await notice.locator('summary').click();
    const text = await notice.textContent();
    expect(text).toContain('events[5]');
    expect(text).toContain('"2025-02-30" is not a real date');
    expect(text).toContain('"rumour" is not a kind');
    expect(text).toContain('sources[0].url');
    expect(text).toContain('duplicates');
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.notice').count()).toBe(0);
    await assertClean();
  });

  it.each([
    ['fixtures/not-json.json', /not valid JSON/],
    ['fixtures/empty.json', /empty/],
    ['fixtures/wrong-shape.json', /no "events" list/],
    ['fixtures/missing.json', /HTTP 404/],
  ])('shows an error panel with Retry for %s', async (file, message) => {
    const { page, assertClean } = await open(`?data=${file}`, { expectState: 'error' });
    expect(await page.locator('.error .message').textContent()).toMatch(message);
    await expect(page.getByRole('button', { name: 'Retry' }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await assertClean();
  });

  it('recovers with Retry', async () => {
    const { page, assertClean } = await open('?data=flaky.json', { expectState: 'error' });
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.app[data-state="ready"]').waitFor();
    expect(await page.locator('svg .mark').count()).toBe(5);
    await assertClean();
  });

  it('refuses a dataset on another origin without requesting it', async () => {
    const { page, assertClean } = await open('?data=https://evil.example/events.json', { expectState: 'error' });
    expect(await page.locator('.error .message').textContent()).toMatch(/only be loaded from this site/);
    await assertClean(); // asserts no request left the origin
  });
});
