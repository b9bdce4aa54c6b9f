import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostileDataset, TEXT_PAYLOADS } from '../fixtures/payloads.ts';
import { useSite } from './harness.ts';

const bundled = JSON.parse(readFileSync('data/events.json', 'utf8'));
const send = (body: string | Buffer, headers: Record<string, string | number> = {}) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
};
const { open } = useSite({
  'hostile.json': send(JSON.stringify(hostileDataset())),
  'bom.json': send(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ title: 'BOM', events: bundled.events.slice(0, 3) }))])),
  // Never answers: the page must give up with a message and a Retry.
  'slow.json': () => {},
  // Starts a response, then cuts the connection.
  'cut.json': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
    res.write('{"events": [');
    setTimeout(() => res.socket?.destroy(), 50);
  },
  // Announces more than the size cap.
  'huge.json': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(160 * 1024 * 1024) });
    res.write('{"events": [');
    setTimeout(() => res.socket?.destroy(), 200);
  },
});

/** Every href on the page is http(s), and every new-tab link is cut off from its opener. */
async function assertSafeLinks(page: import('playwright-core').Page) {
  const links = await page.locator('a[href]').evaluateAll((els) => els.map((a) => ({ href: a.getAttribute('href')!, target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
  for (const l of links) {
    expect(new URL(l.href, page.url()).protocol, l.href).toMatch(/^https?:$/);
    if (l.target === '_blank') expect(l.rel).toBe('noopener noreferrer');
  }
}

describe('hostile data', () => {
  it('renders every payload as inert text in the chart, list and detail, without breaking the layout', async () => {
    for (const width of [1280, 320]) {
      const { page, assertClean } = await open('?data=hostile.json', { width });
      expect(await page.locator('.notice summary').textContent()).toMatch(/skipped/);
      await assertSafeLinks(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await assertSafeLinks(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Open the 100 kB event: cut for display, the full text one click away.
      const long = page.locator('.list li[data-event-id^="text-11-"] button.open');
      await long.click();
      const summary = page.locator('aside.detail .summary');
      expect((await summary.textContent())!.length).toBeLessThan(4000);
      await summary.getByRole('button', { name: /Show all 100,000 characters/ }).click();
      expect((await summary.textContent())!.length).toBeGreaterThan(100_000);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Markup in data is text on screen.
      await page.locator('.list li[data-event-id^="text-1-"] button.open').click();
      expect(await page.locator('aside.detail h2').textContent()).toBe(TEXT_PAYLOADS[1]);
      expect(await page.locator('aside.detail img, aside.detail script, aside.detail iframe, .list img, .list iframe').count()).toBe(0);
      await assertSafeLinks(page);
      await assertClean();
    }
  });

  it('writes a tricky https address percent-encoded', async () => {
    const { page, assertClean } = await open('?data=hostile.json&event=tricky-https');
    expect(await page.locator('aside.detail .sources a').getAttribute('href')).toBe('https://example.org/%22%3E%3Cscript%3Ewindow.__pwned=19%3C/script%3E');
    await assertClean();
  });

  it('treats hostile URL parameters as text', async () => {
    const p = new URLSearchParams({ q: TEXT_PAYLOADS[0]!, thread: TEXT_PAYLOADS[1]!, person: TEXT_PAYLOADS[2]!, event: TEXT_PAYLOADS[3]!, from: '<x>', layout: 'javascript:alert(1)' });
    const { page, assertClean } = await open(`?${p}&data=javascript:alert(1)`, { expectState: 'error' });
    expect(await page.locator('.error .message').textContent()).toMatch(/javascript:alert\(1\)/);
    await assertClean();
    const ok = await open(`?${p}`);
    expect(await ok.page.getByRole('searchbox').inputValue()).toBe(TEXT_PAYLOADS[0]);
    expect(await ok.page.locator('.link-note').textContent()).toContain(TEXT_PAYLOADS[3]);
    await assertSafeLinks(ok.page);
    await ok.assertClean();
  });
});

describe('Content Security Policy and privacy', () => {
  it('ships a strict CSP, and the listener catches what it blocks', async () => {
    const { page, assertClean } = await open('', { allowConsole: /inline script violates|Refused to execute inline script/ });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'"]) {
      expect(csp).toContain(d);
    }
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('strict-origin-when-cross-origin');
    expect(await page.locator('script:not([src])').count()).toBe(0);
    // An injected inline script is blocked and reported: proof the listener works.
    await page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__pwned = "inline"';
      document.body.append(el);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.evaluate(() => ((window as unknown as { __csp: string[] }).__csp = []));
    await assertClean();
  });

  it('sets no cookies and stores nothing', async () => {
    const { page, context, assertClean } = await open();
    await page.locator('svg .mark').first().click();
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    await assertClean();
  });

  it('gives readers without JavaScript the whole record as text', async () => {
    const { page, assertClean } = await open('', { javaScriptEnabled: false, expectState: null });
    const items = page.locator('.static-record li[data-event-id]');
    expect(await items.count()).toBe(bundled.events.length);
    expect(await page.locator('.static-record h2').first().textContent()).toBe('January 2025');
    const first = bundled.events.find((e: { id: string }) => e.id === (bundled.events as { id: string; date: string }[]).slice().sort((a, b) => (a.date < b.date ? -1 : 1))[0]!.id);
    expect(await items.first().locator('strong').textContent()).toBe(first.title);
    expect(await items.first().locator('a').first().getAttribute('href')).toBe(new URL(first.sources[0].url).href);
    await assertClean();
  });
});

describe('network faults', () => {
  it('shows a loading state for a slow file, then an error with Retry after the timeout', async () => {
    const { page, assertClean } = await open('?data=slow.json', {
      expectState: 'loading',
      beforeGoto: (p) => p.clock.install(),
    });
    expect(await page.getByText('Loading the timeline…').first().isVisible()).toBe(true);
    await page.clock.runFor(21_000);
    await page.locator('.app[data-state="error"]').waitFor();
    expect(await page.locator('.error .message').textContent()).toMatch(/did not arrive within 20 seconds/);
    expect(await page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await assertClean();
  });

  it('explains a cut-off download and a file over the size cap', async () => {
    const cut = await open('?data=cut.json', { expectState: 'error' });
    expect(await cut.page.locator('.error .message').textContent()).toMatch(/network request failed or was cut off/);
    await cut.assertClean();
    const huge = await open('?data=huge.json', { expectState: 'error' });
    expect(await huge.page.locator('.error .message').textContent()).toMatch(/too large to show \(160\.0 MB; the limit is 100\.0 MB\)/);
    await huge.assertClean();
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const { page, assertClean } = await open('?data=bom.json');
    expect(await page.locator('h1').textContent()).toBe('BOM');
    await assertClean();
  });

  it('keeps working offline once loaded', async () => {
    const { page, context, assertClean } = await open();
    await page.locator('.app[data-extras="ready"]').waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('checkbox', { name: /Policy/ }).check();
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.locator('.list button.open').first().click();
    expect(await page.locator('aside.detail').count()).toBe(1);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    expect(await page.locator('.present .progress').textContent()).toMatch(/^1 \//);
    await page.keyboard.press('Escape');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('deportation-errors-timeline.csv');
    expect(await page.locator('.app').getAttribute('data-state')).toBe('ready');
    await assertClean();
  });
});

describe('time zones', () => {
  it('shows the same calendar date in Honolulu, Kiritimati and UTC', async () => {
    const e = bundled.events.find((x: { date: string }) => x.date === '2025-01-20') ?? bundled.events.find((x: { date: string }) => x.date.length === 10);
    const seen: string[] = [];
    for (const timezoneId of ['Pacific/Honolulu', 'Pacific/Kiritimati', 'UTC']) {
      const { page, assertClean } = await open(`?event=${e.id}`, { timezoneId });
      seen.push((await page.locator('aside.detail .date').textContent())!);
      await assertClean();
    }
    expect(new Set(seen).size).toBe(1);
    const [y, m, d] = e.date.split('-').map(Number);
    expect(seen[0]).toBe(new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }));
  });
});
