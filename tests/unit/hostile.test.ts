import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/lib/data/load.ts';
import { MAX_EVENTS, validateDataset } from '../../src/lib/data/validate.ts';
import { escapeHtml, staticListHtml } from '../../src/lib/prerender/staticList.ts';
import { hostileDataset, TEXT_PAYLOADS, URL_PAYLOADS } from '../fixtures/payloads.ts';
import { event, dataset } from '../fixtures/make.ts';

describe('hostile input to the loader', () => {
  it('never throws on any JSON value, and returns events plus problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = validateDataset(v);
        if (r.ok) expect(Array.isArray(r.dataset.events) && Array.isArray(r.problems)).toBe(true);
        else expect(typeof r.message).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on dataset-shaped values with arbitrary records', () => {
    // Values include objects whose own toString is not a function, which String() cannot print.
    const value = fc.oneof(fc.jsonValue(), fc.constant({ toString: false }), fc.constant({ valueOf: null, toString: 1 }));
    const record = fc.dictionary(fc.constantFrom('id', 'date', 'end', 'kind', 'title', 'summary', 'thread', 'sources', 'people', 'quote', '__proto__', 'constructor', 'translations', 'updated'), value);
    fc.assert(fc.property(fc.array(fc.oneof(record, fc.jsonValue())), fc.jsonValue(), (events, threads) => {
      const r = validateDataset({ events, threads });
      expect(r.ok).toBe(true);
    }), { numRuns: 500 });
  });

  it('never throws on any string body', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 500 }), async (s) => typeof (await parseDataset(s)).ok === 'boolean'), { numRuns: 500 });
  });

  it('keeps every text payload as the same text and refuses every unsafe URL', () => {
    const r = validateDataset(hostileDataset());
    if (!r.ok) throw new Error(r.message);
    const textEvents = r.dataset.events.filter((e) => e.id.startsWith('text-'));
    expect(textEvents.map((e) => e.title).sort()).toEqual([...TEXT_PAYLOADS].map((p) => p.trim()).sort());
    expect(r.dataset.events.filter((e) => e.id.startsWith('url-'))).toEqual([]);
    const urlProblems = r.problems.filter((p) => p.field === 'sources[0].url');
    expect(urlProblems).toHaveLength(URL_PAYLOADS.length);
    for (const e of r.dataset.events) for (const s of e.sources) expect(new URL(s.url).protocol).toMatch(/^https?:$/);
    const tricky = r.dataset.events.find((e) => e.id === 'tricky-https')!;
    expect(tricky.sources[0]!.url).toBe('https://example.org/%22%3E%3Cscript%3Ewindow.__pwned=19%3C/script%3E');
  });

  it('lets prototype keys change nothing', () => {
    const raw = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"events":[{"__proto__":{"kind":"error"},"id":"a","date":"2025-01-01","kind":"ruling","title":"t","summary":"s","thread":"x","sources":[{"__proto__":{"url":"javascript:1"},"publisher":"p","title":"t","url":"https://e.org"}]}]}');
    const r = validateDataset(raw);
    expect(r.ok && r.dataset.events[0]!.kind).toBe('ruling');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file with more events than the cap, with a message saying so', () => {
    const r = validateDataset({ events: new Array(MAX_EVENTS + 1).fill(0) });
    expect(!r.ok && r.message).toMatch(/too many events .*200,001.*limit is 200,000/);
  });
});

describe('the prerendered record', () => {
  it('escapes everything it writes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;&#60;/a&#62;');
    const r = validateDataset(hostileDataset());
    if (!r.ok) throw new Error(r.message);
    const html = staticListHtml(r.dataset);
    // Only the elements and attributes the template writes; every payload stayed text.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'div', 'h1', 'h2', 'li', 'ol', 'p', 'strong', 'time', 'ul']);
    const attrs = new Set([...html.matchAll(/<[a-z0-9]+((?:\s+[\w-]+="[^"]*")*)\s*>/g)].flatMap((m) => [...m[1]!.matchAll(/\s([\w-]+)="[^"]*"/g)].map((a) => a[1])));
    expect([...attrs].sort()).toEqual(['class', 'data-event-id', 'datetime', 'href', 'rel']);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/example\.org\//);
  });

  it('lists every event in time order with its sources', () => {
    const r = validateDataset(dataset([event('b', '2025-02-01'), event('a', '2025-01-05')]));
    if (!r.ok) throw new Error(r.message);
    const html = staticListHtml(r.dataset);
    expect(html.indexOf('data-event-id="a"')).toBeLessThan(html.indexOf('data-event-id="b"'));
    expect(html).toContain('<h2>January 2025</h2>');
    expect(html).toContain('<a href="https://example.org/b" rel="noopener noreferrer">Story about b</a>');
  });
});
