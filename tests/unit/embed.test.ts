import { describe, expect, it } from 'vitest';
import { pymWidth, resizeMessages } from '../../src/lib/embed/resize.ts';

describe('resize messages', () => {
  it('speaks pym, Datawrapper, AMP and Embedly, with the height only', () => {
    const m = resizeMessages(812.4, { childId: 'tl-1', src: 'https://site.example/t/?embed=1' });
    expect(m).toEqual([
      'pymxPYMxtl-1xPYMxheightxPYMx813',
      { 'datawrapper-height': { 'tl-1': 813 } },
      { sentinel: 'amp', type: 'embed-size', height: 813 },
      '{"src":"https://site.example/t/?embed=1","context":"iframe.resize","height":813}',
    ]);
  });

  it('leaves pym out without a child id', () => {
    const m = resizeMessages(500, { childId: null, src: 's' });
    expect(m.some((x) => typeof x === 'string' && x.startsWith('pym'))).toBe(false);
    expect(m[0]).toEqual({ 'datawrapper-height': { 'deportation-timeline': 500 } });
  });

  it('reads pym width messages for its own child id only', () => {
    expect(pymWidth('pymxPYMxtl-1xPYMxwidthxPYMx640', 'tl-1')).toBe(640);
    expect(pymWidth('pymxPYMxotherxPYMxwidthxPYMx640', 'tl-1')).toBeNull();
    expect(pymWidth('pymxPYMxtl-1xPYMxwidthxPYMxNaN', 'tl-1')).toBeNull();
    expect(pymWidth({ width: 1 }, 'tl-1')).toBeNull();
    expect(pymWidth('pymxPYMxtl-1xPYMxwidthxPYMx640', null)).toBeNull();
  });
});

import { parseAppearance } from '../../src/lib/embed/appearance.ts';

describe('appearance from the URL', () => {
  const p = (q: string, scheme: 'light' | 'dark' = 'light') => parseAppearance(new URLSearchParams(q), scheme);
  it('takes a readable accent, a safe font and a sane scale', () => {
    expect(p('accent=%23005a9c&font=serif&scale=1.25')).toEqual({ accent: '#005a9c', font: 'serif', scale: 1.25 });
    expect(p('accent=B00000').accent).toBe('#b00000');
  });
  it('ignores bad values and accents that would be unreadable', () => {
    expect(p('accent=red&font=Comic%20Sans&scale=9')).toEqual({ accent: null, font: null, scale: null });
    expect(p('accent=%23ffff00').accent).toBeNull(); // yellow on white
    expect(p('accent=%23ffff00', 'dark').accent).toBe('#ffff00');
    expect(p('font=__proto__&scale=abc').font).toBeNull();
    expect(p('accent=%23000000;background:url(x)').accent).toBeNull();
  });
});
