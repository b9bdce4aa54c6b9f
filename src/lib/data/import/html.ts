import { parseCivilDate } from '../dates.ts';
import { safeHttpUrl } from '../validate.ts';
import { decodeEntities } from './entities.ts';
import { collapse } from './util.ts';

/**
 * TimelineJS text is HTML. We never render it: this reduces it to plain text plus the links it
 * held, with a small scanner instead of a DOM parser, so it runs the same in Node and the
 * browser and no markup from a file ever reaches a live document.
 */
export interface Link {
  url: string;
  /** The link's text, as a reader saw it. */
  text: string;
  /** From "<a>Title</a> (Publisher, 2025-03-31)" in a list of sources. */
  publisher?: string;
  date?: string;
}

export interface Reduced {
  text: string;
  /** http(s) links only, each URL once. */
  links: Link[];
  /** hrefs that were not http(s) (javascript:, mailto:, relative): not sources. */
  refused: string[];
}

// Elements whose content is not reading text.
const SKIP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'hr', 'table', 'tr', 'td', 'th', 'section', 'article', 'header', 'footer', 'figure', 'figcaption']);

type Piece = { text: string; href?: string };
interface Tag { name: string; closing: boolean; attrs: Map<string, string>; end: number }

const NAME = /[A-Za-z][A-Za-z0-9:-]*/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

// No real tag is longer; stopping there keeps a file of "<a <a <a …" from taking quadratic time.
const MAX_TAG = 4096;

/** Reads a tag starting at `<`; null when it is not one, so "a < b" stays text. */
function readTag(s: string, start: number): Tag | null {
  const limit = Math.min(s.length, start + MAX_TAG);
  let i = start + 1;
  const closing = s[i] === '/';
  if (closing) i++;
  NAME.lastIndex = i;
  const name = NAME.exec(s)?.[0];
  if (!name) return null;
  i = NAME.lastIndex;
  const attrs = new Map<string, string>();
  while (i < limit) {
    const c = s[i]!;
    if (c === '>') return { name: name.toLowerCase(), closing, attrs, end: i + 1 };
    if (/[\s/]/.test(c)) { i++; continue; }
    ATTR.lastIndex = i;
    const m = ATTR.exec(s);
    if (!m) { i++; continue; }
    const key = m[1]!.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
    i = ATTR.lastIndex;
  }
  return null;
}

/** Splits HTML into blocks (paragraphs, list items, lines) of text and link pieces. */
function toBlocks(html: string): Piece[][] {
  const lastGt = html.lastIndexOf('>');
  const blocks: Piece[][] = [[]];
  let link: Piece | null = null;
  const block = () => blocks[blocks.length - 1]!;
  const endLink = () => {
    if (link) block().push(link);
    link = null;
  };
  let i = 0;
  while (i < html.length) {
    // After the last ">" no tag can close, so the rest is text.
    const next = html.indexOf('<', i);
    const lt = next > lastGt ? -1 : next;
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      const text = decodeEntities(html.slice(i, textEnd));
      if (link) link.text += text;
      else block().push({ text });
    }
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const close = html.indexOf('>', lt);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      if (link) link.text += '<';
      else block().push({ text: '<' });
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && SKIP_CONTENT.has(tag.name)) {
      // Searched in the original string: lower-casing can change its length ("İ" → "i̇").
      const end = new RegExp(`</${tag.name}`, 'ig');
      end.lastIndex = i;
      const close = end.exec(html)?.index ?? -1;
      const gt = close === -1 ? -1 : html.indexOf('>', close);
      i = gt === -1 ? html.length : gt + 1;
    } else if (BLOCK.has(tag.name)) {
      endLink();
      if (block().length) blocks.push([]);
    } else if (tag.name === 'a') {
      endLink();
      const href = tag.attrs.get('href');
      if (!tag.closing && href !== undefined) link = { text: '', href };
    }
  }
  endLink();
  return blocks;
}

const LABEL = /^\s*(?:(?:sources?|read more|more|via|see(?: also)?|links?|further reading)\s*:\s*)?$/i;
const SEPARATOR = /(?:[,;.|/\u00b7\u2022\u2013\u2014-]|(?:^|\s)(?:and|&))$/i;

/**
 * The words between two links in a list of sources: nothing, a separator, or "(Publisher)" and
 * a separator. Returns the parenthesis' content ('' when none), or null when it is prose.
 * Written without a regular expression over the whole gap, whose backtracking on long runs of
 * spaces would be slow enough to freeze a page.
 */
function afterLink(gap: string): string | null {
  const s = gap.trim().replace(SEPARATOR, '').trim();
  if (s === '') return '';
  return s.startsWith('(') && s.endsWith(')') ? s.slice(1, -1) : null;
}

/**
 * A paragraph such as "Sources: <a>Headline</a> (Publisher), <a>…</a>" lists sources rather than
 * saying anything: its links become sources and its words stay out of the summary. A paragraph
 * of nothing but links counts too, unless it is the first (then it is the text itself).
 */
function sourceList(pieces: Piece[], first: boolean): Link[] | null {
  const links: Link[] = [];
  const gaps: string[] = [''];
  for (const p of pieces) {
    if (p.href === undefined) gaps[gaps.length - 1] += p.text;
    else {
      const url = safeHttpUrl(p.href);
      if (!url) return null;
      links.push({ url, text: collapse(p.text) });
      gaps.push('');
    }
  }
  if (!links.length || !LABEL.test(gaps[0]!)) return null;
  if (first && gaps[0]!.trim() === '') return null;
  for (const [n, link] of links.entries()) {
    const after = afterLink(gaps[n + 1]!);
    if (after === null) return null;
    const note = collapse(after);
    const dated = /^(.*?),\s*(\d{4}(?:-\d{2}){0,2})$/.exec(note);
    const date = dated && parseCivilDate(dated[2]) ? dated[2] : undefined;
    const publisher = date ? dated![1]!.trim() : note;
    if (publisher) link.publisher = publisher;
    if (date) link.date = date;
  }
  return links;
}

export function reduceHtml(html: string): Reduced {
  const blocks = toBlocks(html).filter((b) => collapse(b.map((p) => p.text).join('')) !== '');
  const texts: string[] = [];
  const links: Link[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  const add = (link: Link) => {
    if (!seen.has(link.url)) links.push(link);
    seen.add(link.url);
  };
  blocks.forEach((pieces, n) => {
    const listed = sourceList(pieces, n === 0);
    if (listed) return listed.forEach(add);
    texts.push(pieces.map((p) => p.text).join(''));
    for (const p of pieces) {
      if (p.href === undefined) continue;
      const url = safeHttpUrl(p.href);
      if (url) add({ url, text: collapse(p.text) });
      else if (p.href.trim()) refused.push(p.href.trim());
    }
  });
  return { text: collapse(texts.join(' ')), links, refused };
}

/** Text only: for headlines, captions and display dates. */
export const htmlToText = (html: string): string => reduceHtml(html).text;
