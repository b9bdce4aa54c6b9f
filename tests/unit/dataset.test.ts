import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCivilDate } from '../../src/lib/data/dates.ts';
import { validateDataset } from '../../src/lib/data/validate.ts';
import type { RawDataset } from '../../src/lib/data/types.ts';

/** The checks every change to the bundled dataset must pass (see data/README.md). */
const raw: RawDataset = JSON.parse(readFileSync('data/events.json', 'utf8'));
const schema = JSON.parse(readFileSync('data/events.schema.json', 'utf8'));
const { events, threads } = raw;

const words = (s: string) => new Set(s.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N} ]/gu, ' ').split(/\s+/).filter(Boolean));
function similarity(a: string, b: string) {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared);
}

/** Sentences in a summary; abbreviations and initials ("U.S.", "Sen.", "v.", "J.G.G.") do not end one. */
const ABBREV = /(?:\b(?:U\.S|EE|Rep|Reps|Sen|Sens|Gov|Lt|Gen|Jr|Sr|St|Mr|Ms|Mrs|Dr|No|v|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|a\.m|p\.m)|\b\p{Lu})$/u;
function sentenceCount(text: string): number {
  let n = 1;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!ABBREV.test(text.slice(0, m.index))) n++;
  return n;
}

/** Words that judge rather than report. Allowed only inside quotation marks (someone's words, attributed). */
const JUDGEMENT = ['shocking', 'outrageous', 'cruel', 'egregious', 'notorious', 'brutal', 'draconian', 'heartless', 'horrific',
  'horrifying', 'appalling', 'infamous', 'shameful', 'disgraceful', 'callous', 'heinous', 'inhumane', 'unconscionable',
  'tragic', 'tragically', 'sadly', 'unfortunately', 'obviously', 'so-called', 'thugs', 'illegals', 'illegal aliens'];
const unquoted = (s: string) => s.replace(/“[^”]*”|"[^"]*"|(^|[\s(])[‘'][^’']*[’'](?=[\s.,;:)]|$)/gu, '$1');
const judgementWords = (s: string) => JUDGEMENT.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(unquoted(s)));

describe('data/events.json', () => {
  it('validates against data/events.schema.json', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    validate(raw);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('loads in the app with no problems at all', () => {
    const r = validateDataset(raw);
    expect(r.ok && r.problems).toEqual([]);
    expect(r.ok && r.dataset.events.length).toBe(events.length);
  });

  it('has unique, kebab-case ids', () => {
    const ids = events.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('has only real dates, and every range ends after it starts', () => {
    const bad: string[] = [];
    for (const e of events) {
      for (const d of [e.date, e.end, e.updated, ...e.sources.map((s) => s.date)]) if (d !== undefined && !parseCivilDate(d)) bad.push(`${e.id}: ${d}`);
      if (e.end && parseCivilDate(e.end)!.end <= parseCivilDate(e.date)!.start) bad.push(`${e.id}: end ${e.end}`);
      if (!e.updated) bad.push(`${e.id}: no updated`);
    }
    expect(bad).toEqual([]);
  });

  it('links every source over https', () => {
    const bad = events.flatMap((e) => e.sources.filter((s) => new URL(s.url).protocol !== 'https:').map((s) => `${e.id}: ${s.url}`));
    expect(bad).toEqual([]);
  });

  it('gives every source a publisher, a headline and a publication date no later than the dataset', () => {
    const bad = events.flatMap((e) => e.sources.filter((s) => !s.publisher?.trim() || !s.title?.trim() || !s.date || s.date < '2024-01-01' || s.date > raw.updated)
      .map((s) => `${e.id}: ${s.publisher} ${s.date ?? 'no date'}`));
    expect(bad).toEqual([]);
  });

  it('explains in its notes any source published before the event it supports', () => {
    // Compared at the coarser of the two precisions: a source dated only "2025-09" is not before 8 September.
    const before = (a: string, b: string) => { const n = Math.min(a.length, b.length); return a.slice(0, n) < b.slice(0, n); };
    expect(before('2025-09', '2025-09-08')).toBe(false);
    expect(before('2025-08-30', '2025-09')).toBe(true);
    // A source older than its event is either a wrong date or a deliberate background source;
    // the second kind must be named in the notes (e.g. "Fox News covers the earlier stay").
    const early = events.flatMap((e) => e.sources
      .filter((s) => s.date && before(s.date, e.date) && !(e.notes ?? '').includes(s.publisher))
      .map((s) => `${e.id}: ${s.publisher} ${s.date} < ${e.date}`));
    expect(early).toEqual([]);
  });

  it('links no proxy mirrors, mail or staging hosts, or explicit ports', () => {
    const proxy = /:\d+$|\.oszar\.com$|aidemsrv\.com$|arc-cdn\.net$|binge-education\.com$|arcamaxmails\.com$|^test\.|^new-origin\.|^digital-release\.|amplifyapp\.com$/;
    const bad = events.flatMap((e) => e.sources.filter((s) => proxy.test(new URL(s.url).host)).map((s) => `${e.id}: ${new URL(s.url).host}`));
    expect(bad).toEqual([]);
  });

  it('keeps no research placeholders', () => {
    const text = JSON.stringify(raw);
    for (const p of ['[from URL]', 'headline not captured', 'title_verified', 'TODO', 'TBD']) expect(text).not.toContain(p);
  });

  it('has no duplicate events (same date and thread, near-identical titles)', () => {
    const dupes: string[] = [];
    events.forEach((a, i) => events.slice(i + 1).forEach((b) => {
      if (a.date === b.date && a.thread === b.thread && similarity(a.title, b.title) > 0.6) dupes.push(`${a.id} ~ ${b.id}`);
    }));
    expect(dupes).toEqual([]);
  });

  it('describes every thread, and every thread is used', () => {
    const ids = new Set(threads.map((t) => t.id));
    expect(events.filter((e) => !ids.has(e.thread)).map((e) => e.id)).toEqual([]);
    expect(threads.filter((t) => !t.description || t.description.length < 20).map((t) => t.id)).toEqual([]);
    const used = new Set(events.map((e) => e.thread));
    expect(threads.filter((t) => !used.has(t.id)).map((t) => t.id)).toEqual([]);
  });

  it('keeps summaries to one to three sentences', () => {
    expect(sentenceCount('Judge A. B. Smith ruled in J.G.G. v. Trump on Jan. 5. The U.S. appealed.')).toBe(2);
    expect(sentenceCount('One. Two? Three! “Four.” Five.')).toBe(5);
    const summaries = events.flatMap((e) => [{ id: e.id, text: e.summary }, { id: `${e.id} (es)`, text: e.translations?.es?.summary ?? '' }]);
    expect(summaries.filter((s) => sentenceCount(s.text) > 3).map((s) => `${s.id}: ${sentenceCount(s.text)}`)).toEqual([]);
  });

  it('uses no words of judgement outside quotation marks', () => {
    expect(judgementWords('A cruel policy, critics said it was “cruel”.')).toEqual(['cruel']);
    expect(judgementWords('The judge called it \'shocking\' in court.')).toEqual([]);
    // Notes are shown to readers too (the event panel), so they are held to the same rule.
    const bad = events.flatMap((e) => [e.title, e.summary, e.notes ?? ''].flatMap((t) => judgementWords(t).map((w) => `${e.id}: ${w}`)));
    expect(bad).toEqual([]);
  });

  it('attributes every quote', () => {
    expect(events.filter((e) => (e.quote === undefined) !== (e.quote_by === undefined)).map((e) => e.id)).toEqual([]);
  });

  it('meets the coverage targets: 150+ events, every month of 2025, 70% with two or more sources', () => {
    expect(events.length).toBeGreaterThanOrEqual(150);
    const months = new Set(events.filter((e) => e.date.startsWith('2025-')).map((e) => e.date.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(events.filter((e) => e.sources.length >= 2).length / events.length).toBeGreaterThanOrEqual(0.7);
  });
});
