import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYMBOL_PATH } from '../../src/lib/time/symbols.ts';
import { contrast } from '../../src/lib/theme/contrast.ts';

/**
 * Reads the palette from src/app.css (the one source of the colours) and checks WCAG 2.2
 * contrast for every foreground/background pair the app draws, in every theme.
 */
const css = readFileSync('src/app.css', 'utf8');
const rootBlock = css.match(/:root \{([\s\S]*?)\n\}/)![1]!;
const contrastBlock = css.match(/:root\[data-theme='contrast'\] \{([\s\S]*?)\n\}/)![1]!;
const vars = (block: string) => Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
const root = vars(rootBlock);
const pick = (value: string, scheme: 0 | 1) => {
  const m = value.match(/^light-dark\((.+),\s*(.+)\)$/);
  return m ? m[scheme + 1]!.trim() : value;
};
const themes: Record<string, Record<string, string>> = {
  light: Object.fromEntries(Object.entries(root).map(([k, v]) => [k, pick(v, 0)])),
  dark: Object.fromEntries(Object.entries(root).map(([k, v]) => [k, pick(v, 1)])),
  contrast: { ...Object.fromEntries(Object.entries(root).map(([k, v]) => [k, pick(v, 0)])), ...vars(contrastBlock) },
};

const TEXT = 4.5;
const NON_TEXT = 3;
const backgrounds = ['bg', 'surface'];
/** [foreground, background, minimum]: every pairing the components draw. */
const pairs: [string, string, number][] = [
  ...backgrounds.flatMap((bg): [string, string, number][] => [
    ['text', bg, TEXT], ['muted', bg, TEXT], ['link', bg, TEXT],
    ['focus', bg, NON_TEXT], ['button-border', bg, NON_TEXT], ['rule-strong', bg, NON_TEXT],
    ['kind-error-color', bg, NON_TEXT], ['kind-ruling-color', bg, NON_TEXT], ['kind-statement-color', bg, NON_TEXT], ['kind-policy-color', bg, NON_TEXT],
    ['cluster-bg', bg, NON_TEXT],
  ]),
  ['text', 'button-bg', TEXT], ['bg', 'text', TEXT], // buttons, and pressed (inverted) buttons
  ['focus', 'button-bg', NON_TEXT],
  ['text', 'selected-bg', TEXT], ['link', 'selected-bg', TEXT],
  ['text', 'warn-bg', TEXT], ['warn-border', 'warn-bg', NON_TEXT],
  ['text', 'band-bg', TEXT], ['muted', 'band-bg', TEXT],
  ['kind-error-color', 'band-bg', NON_TEXT], ['kind-ruling-color', 'band-bg', NON_TEXT], ['kind-statement-color', 'band-bg', NON_TEXT], ['kind-policy-color', 'band-bg', NON_TEXT],
  ['cluster-text', 'cluster-bg', TEXT],
  ['text', 'mark-bg', TEXT],
];

describe('palette contrast (WCAG 2.2 AA)', () => {
  for (const [theme, colours] of Object.entries(themes)) {
    it(`meets 4.5:1 for text and 3:1 for marks, borders and focus in the ${theme} theme`, () => {
      const failures = pairs
        .map(([fg, bg, min]) => ({ fg, bg, min, ratio: contrast(colours[fg]!, colours[bg]!) }))
        .filter((p) => p.ratio < p.min)
        .map((p) => `${p.fg} on ${p.bg}: ${p.ratio.toFixed(2)} < ${p.min}`);
      expect(failures).toEqual([]);
    });
  }

  it('gives the high-contrast theme at least 7:1 for body text', () => {
    expect(contrast(themes.contrast!.text!, themes.contrast!.bg!)).toBeGreaterThanOrEqual(7);
    expect(contrast(themes.contrast!.muted!, themes.contrast!.bg!)).toBeGreaterThanOrEqual(7);
  });

  it('computes contrast the WCAG way', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('kinds stay apart without colour', () => {
  it('has a different shape for every kind', () => {
    expect(new Set(Object.values(SYMBOL_PATH)).size).toBe(Object.keys(SYMBOL_PATH).length);
  });

  it('has four distinct kind colours in every theme (the shape is what survives greyscale)', () => {
    for (const colours of Object.values(themes)) {
      const kinds = ['kind-error-color', 'kind-ruling-color', 'kind-statement-color', 'kind-policy-color'].map((k) => colours[k]!);
      expect(new Set(kinds).size).toBe(4);
    }
  });
});
