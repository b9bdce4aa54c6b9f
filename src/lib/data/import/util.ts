/**
 * Small readers for untrusted input. Every import reads fields through `own`, so keys such as
 * `__proto__` or `constructor` inherited from Object.prototype are never mistaken for data, and
 * builds its output field by field.
 */
export { isObj, own, type Obj } from '../coerce.ts';

/** Strips control characters (which no reader can see) and collapses runs of whitespace. */
export function collapse(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim();
}

/** A non-empty string; spreadsheets and hand-written JSON often give numbers where text is meant. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
}

/** "www.example.org" → "example.org": the name a reader knows a site by. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
