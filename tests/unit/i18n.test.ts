import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import es from '../../src/i18n/es.json';
import { lang, locale, preferredLang, setLang, t } from '../../src/i18n/i18n.svelte.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('have the same keys in English and Spanish, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(es)) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(es[k]), k).toEqual(placeholders(en[k]));
  });

  it('are all used by the app, and the app uses no key they lack', () => {
    const files: string[] = [];
    const walk = (dir: string) => readdirSync(dir, { withFileTypes: true }).forEach((d) => (d.isDirectory() ? walk(join(dir, d.name)) : files.push(join(dir, d.name))));
    walk('src');
    const code = files.filter((f) => /\.(ts|svelte)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    // Keys built from a kind (`kind.${kind}.short`) count as used through their prefix.
    const unused = Object.keys(en).filter((k) => !code.includes(`'${k}'`) && !code.includes(`"${k}"`) && !/^(kind|layout|export)\./.test(k));
    expect(unused).toEqual([]);
    const used = [...code.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });
});

describe('t() and the language', () => {
  it('follows the language and formats numbers for it', () => {
    setLang('es');
    expect(lang()).toBe('es');
    expect(locale()).toBe('es-US');
    expect(t('status.some', { count: 1234, total: 5000, from: 'a', to: 'b' })).toBe('Se muestran 1,234 de 5,000 hechos, a – b');
    setLang('en');
    expect(t('status.some', { count: 1234, total: 5000, from: 'a', to: 'b' })).toBe('Showing 1,234 of 5,000 events, a – b');
  });

  it('picks the reader’s first language that we have', () => {
    expect(preferredLang(['es-MX', 'en-US'])).toBe('es');
    expect(preferredLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(preferredLang(['de'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });
});
