import { describe, expect, it, vi } from 'vitest';
import { loadDataset, parseDataset, resolveDataUrl } from '../../src/lib/data/load.ts';
import { dataset, event } from '../fixtures/make.ts';

const page = 'https://news.example/graphics/2025/timeline/index.html?x=1';

describe('resolveDataUrl', () => {
  it('defaults to data/events.json next to the page, under any sub-path', () => {
    expect(resolveDataUrl(null, page)).toEqual({ url: 'https://news.example/graphics/2025/timeline/data/events.json' });
  });
  it('resolves same-origin paths', () => {
    expect(resolveDataUrl('other.json', page)).toEqual({ url: 'https://news.example/graphics/2025/timeline/other.json' });
    expect(resolveDataUrl('/data/x.json', page)).toEqual({ url: 'https://news.example/data/x.json' });
  });
  it.each(['https://evil.example/x.json', '//evil.example/x.json', 'http://news.example/x.json', 'javascript:alert(1)'])(
    'refuses %j with a message',
    (param) => {
      const r = resolveDataUrl(param, page);
      expect('error' in r && r.error).toMatch(/only be loaded from this site|not a valid address/);
    },
  );
});

describe('loadDataset', () => {
  const ok = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));

  it('loads and validates', async () => {
    const r = await loadDataset('u', ok(JSON.stringify(dataset([event('a', '2025-01-02')]))));
    expect(r.ok && r.dataset.events.length).toBe(1);
  });
  it('accepts a UTF-8 byte-order mark', async () => {
    expect((await parseDataset('\uFEFF' + JSON.stringify(dataset([])))).ok).toBe(true);
  });

  it('hands TimelineJS JSON and CSV to the importers', async () => {
    const tl = await parseDataset(JSON.stringify({ events: [{ start_date: { year: 2025, month: 3 }, text: { headline: 'H', text: '<p>T <a href="https://e.org/x">src</a></p>' } }] }));
    expect(tl.ok && tl.dataset.events.map((e) => [e.date, e.title, e.sources[0]!.url])).toEqual([['2025-03', 'H', 'https://e.org/x']]);
    const csv = await parseDataset('id,date,kind,title,summary,thread,source_publisher,source_title,source_url\na,2025-04-02,ruling,T,S,x,P,PT,https://e.org/a\n', 'events.csv');
    expect(csv.ok && csv.dataset.events.map((e) => e.id)).toEqual(['a']);
  });
  it.each([
    ['', /empty/],
    ['{"events": [', /not valid JSON/],
    ['<!doctype html><h1>Not found</h1>', /web page/],
    ['[1,2]', /not a timeline dataset/],
  ])('explains a bad body %j', async (body, message) => {
    const r = await loadDataset('u', ok(body));
    expect(!r.ok && r.message).toMatch(message);
  });
  it('reports HTTP errors and network failures', async () => {
    const r404 = await loadDataset('u', ok('nope', 404));
    expect(!r404.ok && r404.message).toMatch(/HTTP 404/);
    const down = await loadDataset('u', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(!down.ok && down.message).toMatch(/network/);
  });
});
