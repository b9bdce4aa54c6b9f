import en from './en.json';
import es from './es.json';

/**
 * Every user-facing string lives in a locale file, so a translation is a file, not a refactor.
 * The language is reactive state: anything that calls t() or locale() inside a $derived or a
 * template follows a language switch.
 */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, es };
const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };
/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

const current = $state({ lang: 'en' as Lang });

export const lang = (): Lang => current.lang;
/** The BCP 47 locale for Intl date and number formatting. */
export const locale = (): string => LOCALES[current.lang];

export function setLang(next: Lang) {
  current.lang = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export const isLang = (v: unknown): v is Lang => LANGS.includes(v as Lang);

/** The reader's first preferred language that we have, else English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export function t(key: MessageKey, params: Params = {}): string {
  const template = catalogs[current.lang][key] ?? catalogs.en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? formatParam(params[name]!) : m));
}

/** One number format per locale: t() formats counts on every render of the filters and lists. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function formatParam(v: string | number): string {
  if (typeof v !== 'number') return v;
  const loc = locale();
  let f = numberFormats.get(loc);
  if (!f) numberFormats.set(loc, (f = new Intl.NumberFormat(loc)));
  return f.format(v);
}
