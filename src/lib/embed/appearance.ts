import { contrast, parseHex } from '../theme/contrast.ts';

/**
 * Appearance from the URL, so an embed can match its host: an accent colour for links and
 * focus, a font from a safe list, and a text-size scale. Bad values are ignored; an accent that
 * would not reach 4.5:1 on the page background is ignored too (accessibility wins).
 */
export const FONTS = {
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif",
  sans: "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif",
  serif: "Georgia, 'Times New Roman', 'Liberation Serif', serif",
  mono: "ui-monospace, 'SFMono-Regular', Menlo, 'Liberation Mono', monospace",
} as const;
export type FontName = keyof typeof FONTS;

export interface Appearance {
  accent: string | null;
  font: FontName | null;
  /** Text size relative to the default, 0.75–1.75. */
  scale: number | null;
}

const BACKGROUNDS = { light: '#ffffff', dark: '#111418' };

export function parseAppearance(params: URLSearchParams, scheme: 'light' | 'dark'): Appearance {
  const rawAccent = params.get('accent');
  const hex = rawAccent === null ? null : (rawAccent.startsWith('#') ? rawAccent : `#${rawAccent}`).toLowerCase();
  const accent = hex && parseHex(hex) ? hex : null;
  const font = params.get('font');
  const scale = Number(params.get('scale'));
  return {
    accent: accent && contrast(accent, BACKGROUNDS[scheme]) >= 4.5 ? accent : null,
    font: font && Object.hasOwn(FONTS, font) ? (font as FontName) : null,
    scale: params.has('scale') && Number.isFinite(scale) && scale >= 0.75 && scale <= 1.75 ? scale : null,
  };
}

/** Applies through the CSSOM (allowed by the page's CSP, unlike an inline style attribute). */
export function applyAppearance(root: HTMLElement, a: Appearance) {
  if (a.accent) {
    root.style.setProperty('--link', a.accent);
    root.style.setProperty('--focus', a.accent);
  }
  if (a.font) root.style.setProperty('font-family', FONTS[a.font]);
  if (a.scale) root.style.setProperty('font-size', `${a.scale * 100}%`);
}
