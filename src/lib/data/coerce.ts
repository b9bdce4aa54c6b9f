import type { Thread, Translations } from './types.ts';

/** Small coercions shared by the validators: they accept `unknown` and never throw. */
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own properties only, so "__proto__" or "constructor" in a file can never reach a prototype. */
export const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** A non-blank string, trimmed; anything else is absent. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Any value as a problem message quotes it, cut short. Never String() on an object from a file:
 * `{"toString": false}` is valid JSON and would make String() throw.
 */
export function describe(v: unknown, max = 60): string {
  if (typeof v === 'string') return `"${v.slice(0, max)}"`;
  if (v === null || typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v).slice(0, max);
  } catch {
    return 'a value';
  }
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Keeps only language codes that look like language codes, and only the named text fields. */
export function translations<K extends string>(v: unknown, fields: readonly K[]): Translations<K> | undefined {
  if (!isObj(v)) return undefined;
  const out: Translations<K> = {};
  for (const [lang, entry] of Object.entries(v)) {
    if (!LANG.test(lang) || !isObj(entry)) continue;
    const picked: Partial<Record<K, string>> = {};
    for (const f of fields) {
      const value = text(own(entry, f));
      if (value) picked[f] = value;
    }
    // LANG admits no "__proto__", so plain assignment is safe here.
    if (Object.keys(picked).length) out[lang] = picked;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * A titled record (a thread, or a tour's head): id, title, description and their translations.
 * When it cannot be read, says which part is missing ('(record)' when it is not an object).
 */
export function readTitled(v: unknown): Thread | { missing: '(record)' | 'id' | 'title'; id?: string } {
  if (!isObj(v)) return { missing: '(record)' };
  const id = text(own(v, 'id'));
  if (!id) return { missing: 'id' };
  const title = text(own(v, 'title'));
  if (!title) return { missing: 'title', id };
  const out: Thread = { id, title, description: text(own(v, 'description')) ?? '' };
  const tr = translations(own(v, 'translations'), ['title', 'description'] as const);
  if (tr) out.translations = tr;
  return out;
}
