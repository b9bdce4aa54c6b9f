import en from './en.json';

/** Every user-facing string lives in a locale file, so a translation is a file, not a refactor. */
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

const messages: Record<MessageKey, string> = en;

export const locale = 'en-US';

export function t(key: MessageKey, params: Params = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? formatParam(params[name]!) : m,
  );
}

function formatParam(v: string | number): string {
  return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
}
