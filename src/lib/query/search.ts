import type { TimelineEvent } from '../data/types.ts';

/**
 * Search is case- and accent-insensitive: "abrego" finds "Ábrego", "hernandez" finds
 * "Hernández". Folding works character by character so a match can be mapped back to the
 * original text for highlighting.
 */
export function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function fold(text: string): string {
  return Array.from(text, foldChar).join('');
}

/** Terms of a query: folded, split on whitespace, at most 10 (a pasted essay is not a query). */
export function queryTerms(q: string): string[] {
  return fold(q).split(/\s+/).filter(Boolean).slice(0, 10);
}

function searchableText(e: TimelineEvent): string {
  // Translations too, so a Spanish reader's words find events whichever language is shown.
  const translated = Object.values(e.translations ?? {}).flatMap((tr) => [tr.title, tr.summary]);
  return [e.title, e.summary, ...translated, e.people?.join(' '), e.place, e.case, e.quote, e.quote_by].filter(Boolean).join('\n');
}

const cache = new WeakMap<TimelineEvent, string>();
/** The event's searchable text, folded once and remembered. */
export function foldedText(e: TimelineEvent): string {
  let text = cache.get(e);
  if (text === undefined) {
    text = fold(searchableText(e));
    cache.set(e, text);
  }
  return text;
}

/** Every term must occur somewhere in the event's searchable fields. */
export function matchesQuery(e: TimelineEvent, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = foldedText(e);
  return terms.every((t) => text.includes(t));
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits `text` into runs that do and do not match any term, for <mark> highlighting. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  const chars = Array.from(text);
  // Folded string plus, for each folded code unit, the index of the original character.
  let folded = '';
  const origin: number[] = [];
  chars.forEach((ch, i) => {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at !== -1) {
      for (let k = at; k < at + term.length; k++) marked[origin[k]!] = true;
      at = folded.indexOf(term, at + Math.max(1, term.length));
    }
  }
  const out: Segment[] = [];
  chars.forEach((ch, i) => {
    const last = out.at(-1);
    if (last && last.match === marked[i]) last.text += ch;
    else out.push({ text: ch, match: marked[i]! });
  });
  return out;
}
