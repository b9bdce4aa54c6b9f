import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../src/lib/data/import/importDataset.ts';
import { useSite } from './harness.ts';

const { open } = useSite();
const drawnTotal = async (page: Page) =>
  (await page.locator('svg .mark').count()) +
  (await page.locator('svg .cluster').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-cluster-count')), 0)));

describe('bring your own data', () => {
  it.each([
    ['a TimelineJS file', 'import/timelinejs-odd.json'],
    ['a TimelineJS spreadsheet saved as CSV', 'import/timelinejs-sheet.csv'],
    ['a CSV with our column names', 'import/native.csv'],
  ])('draws the events of %s given with ?data=', async (_name, file) => {
    const expected = importDataset(readFileSync(`tests/fixtures/${file}`, 'utf8'), file);
    if (!expected.ok) throw new Error(expected.message);
    expect(expected.dataset.events.length).toBeGreaterThan(1);
    const { page, assertClean } = await open(`?data=${file}`);
    expect(await drawnTotal(page)).toBe(expected.dataset.events.length);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const titles = await page.locator('.list li[data-event-id] button.open').allTextContents();
    expect(titles.sort()).toEqual(expected.dataset.events.map((e) => e.title).sort());
    if (expected.problems.some((p) => p.skipped)) expect(await page.locator('.notice summary').textContent()).toMatch(/skipped/);
    await assertClean();
  });

  it('downloads the current view as JSON, CSV and TimelineJS that load back the same events', async () => {
    const { page, assertClean } = await open('?kind=policy');
    const shown = await drawnTotal(page);
    const bodies: Record<string, string> = {};
    for (const name of ['JSON', 'CSV', 'TimelineJS JSON']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      bodies[name] = Buffer.concat(chunks).toString('utf8');
      expect(download.suggestedFilename()).toMatch(/^deportation-errors-timeline\.(json|csv|timelinejs\.json)$/);
    }
    for (const [name, body] of Object.entries(bodies)) {
      const back = importDataset(body, name === 'CSV' ? 'x.csv' : 'x.json');
      if (!back.ok) throw new Error(`${name}: ${back.message}`);
      expect(back.dataset.events.length, name).toBe(shown);
      expect(back.dataset.events.every((e) => e.kind === 'policy'), name).toBe(true);
    }
    await assertClean();
  });
});
