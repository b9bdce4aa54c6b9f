import type { Translations } from '../lib/data/types.ts';
import { lang } from './i18n.svelte.ts';

/** A record's text in the reader's language when the data has it, else as written. */
export function localized<K extends string>(item: { translations?: Translations<K> } & { [F in K]: string }, field: K): string {
  return item.translations?.[lang()]?.[field] ?? item[field];
}
