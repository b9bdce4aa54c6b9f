/**
 * The named character references that turn up in newsroom copy: all of Latin-1 (accented names),
 * typographic punctuation, and a few symbols. An unknown name is left as written rather than
 * guessed. A Map, so a name such as `&constructor;` cannot reach Object.prototype.
 */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';

const OTHERS: [string, number][] = [
  ['amp', 0x26], ['lt', 0x3c], ['gt', 0x3e], ['quot', 0x22], ['apos', 0x27],
  ['OElig', 0x152], ['oelig', 0x153], ['Scaron', 0x160], ['scaron', 0x161], ['Yuml', 0x178], ['fnof', 0x192],
  ['circ', 0x2c6], ['tilde', 0x2dc], ['ensp', 0x2002], ['emsp', 0x2003], ['thinsp', 0x2009], ['zwnj', 0x200c],
  ['zwj', 0x200d], ['lrm', 0x200e], ['rlm', 0x200f], ['ndash', 0x2013], ['mdash', 0x2014], ['lsquo', 0x2018],
  ['rsquo', 0x2019], ['sbquo', 0x201a], ['ldquo', 0x201c], ['rdquo', 0x201d], ['bdquo', 0x201e], ['dagger', 0x2020],
  ['Dagger', 0x2021], ['bull', 0x2022], ['hellip', 0x2026], ['permil', 0x2030], ['prime', 0x2032], ['Prime', 0x2033],
  ['lsaquo', 0x2039], ['rsaquo', 0x203a], ['euro', 0x20ac], ['trade', 0x2122], ['larr', 0x2190], ['rarr', 0x2192],
];

const NAMED = new Map<string, string>([
  ...LATIN1.split(' ').map((name, i): [string, string] => [name, String.fromCodePoint(0xa0 + i)]),
  ...OTHERS.map(([name, cp]): [string, string] => [name, String.fromCodePoint(cp)]),
]);

/**
 * HTML maps numeric references 128–159 to Windows-1252, because text pasted from word processors
 * writes curly quotes as `&#146;`; decoding them as C1 controls would lose the character.
 */
const CP1252 = new Map<number, number>([
  [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020], [0x87, 0x2021],
  [0x88, 0x2c6], [0x89, 0x2030], [0x8a, 0x160], [0x8b, 0x2039], [0x8c, 0x152], [0x8e, 0x17d], [0x91, 0x2018],
  [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014], [0x98, 0x2dc],
  [0x99, 0x2122], [0x9a, 0x161], [0x9b, 0x203a], [0x9c, 0x153], [0x9e, 0x17e], [0x9f, 0x178],
]);

function fromNumber(n: number): string {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(CP1252.get(n) ?? n);
}

// One pass, so "&amp;lt;" becomes the text "&lt;", not "<". Named references need their ";"
// (so "?a=1&copy=2" in a URL stays as written); numeric ones are also read without it.
const REFERENCE = /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

export function decodeEntities(s: string): string {
  return s.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromNumber(Number(dec));
    if (hex !== undefined) return fromNumber(parseInt(hex, 16));
    return (name !== undefined && NAMED.get(name)) || whole;
  });
}
