import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/lib/data/import/entities.ts';
import { escapeHtml } from '../../../src/lib/escape.ts';
import { htmlToText, reduceHtml } from '../../../src/lib/data/import/html.ts';

describe('decodeEntities', () => {
  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;b&gt;', '<b>'],
    ['&quot;a&quot; &apos;b&#39;', `"a" 'b'`],
    ['Hern&aacute;ndez &Eacute;', 'Hernández É'],
    ['&ldquo;x&rdquo; &mdash; &hellip;', '“x” — …'],
    ['&#8220;dec&#x201D; &#X41;', '“dec” A'],
    ['He&#146;s &#150; Word', 'He’s – Word'],
    ['&amp;lt; stays text', '&lt; stays text'],
    ['&#0; &#xD800; &#x110000;', '\uFFFD \uFFFD \uFFFD'],
    ['?a=1&copy=2 &unknown; &constructor; &__proto__;', '?a=1&copy=2 &unknown; &constructor; &__proto__;'],
  ])('%j → %j', (input, output) => expect(decodeEntities(input)).toBe(output));
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('is undone by decodeEntities', () => {
    const s = `5 < 6 & "quotes" 'too' &amp; ©`;
    expect(decodeEntities(escapeHtml(s))).toBe(s);
  });
});

describe('reduceHtml', () => {
  it('strips tags, decodes entities and collapses whitespace', () => {
    expect(htmlToText('<p>One&nbsp;<b>bold</b>\n\n  word</p><p>Two<br>three</p>')).toBe('One bold word Two three');
  });
  it('drops the content of scripts, styles, iframes and comments', () => {
    const html = 'a<script>alert("x<p>")</script>b<style>p{}</style>c<!-- hidden -->d<iframe src="x">fallback</iframe>e<!doctype html>';
    expect(htmlToText(html)).toBe('abcde');
  });
  it('finds the end of a skipped element after text that changes length when lower-cased', () => {
    expect(htmlToText(`${'İ'.repeat(20)}<SCRIPT>x</Script>after`)).toBe(`${'İ'.repeat(20)}after`);
  });
  it('keeps a lone < as text and tolerates broken markup', () => {
    expect(htmlToText('a < b and 3<4 <p')).toBe('a < b and 3<4 <p');
    expect(htmlToText('<b>unclosed <i>tags')).toBe('unclosed tags');
    expect(htmlToText('x<img src=x onerror="alert(1)">y')).toBe('xy');
  });
  it('removes control characters', () => {
    expect(htmlToText('a\u0000b\u0007c&#7;d')).toBe('abcd');
  });
  it('turns http(s) links into links and refuses other schemes', () => {
    const r = reduceHtml(`Read <a class="x" href='https://www.example.org/a?b=1&amp;c=2'>the <em>ruling</em></a>, ` +
      '<a href="javascript:alert(1)">this</a>, <a href=mailto:x@example.org>mail</a>, <a href="/relative">here</a> and <a name="top">no href</a>.');
    expect(r.text).toBe('Read the ruling, this, mail, here and no href.');
    expect(r.links).toEqual([{ url: 'https://www.example.org/a?b=1&c=2', text: 'the ruling' }]);
    expect(r.refused).toEqual(['javascript:alert(1)', 'mailto:x@example.org', '/relative']);
  });
  it('lists each URL once', () => {
    const r = reduceHtml('<a href="https://example.org/a">one</a> <a href="https://example.org/a">again</a>');
    expect(r.links).toHaveLength(1);
  });
  it('reads a "Sources:" paragraph as sources, with publisher and date, and keeps it out of the text', () => {
    const r = reduceHtml('<p>The court ruled.</p><p>Sources: <a href="https://example.org/a">Headline A</a> (Example News, 2025-03-16), ' +
      '<a href="https://example.org/b">Headline (B)</a> (NPR (Illinois)) and <a href="https://example.org/c">C</a>.</p>');
    expect(r.text).toBe('The court ruled.');
    expect(r.links).toEqual([
      { url: 'https://example.org/a', text: 'Headline A', publisher: 'Example News', date: '2025-03-16' },
      { url: 'https://example.org/b', text: 'Headline (B)', publisher: 'NPR (Illinois)' },
      { url: 'https://example.org/c', text: 'C' },
    ]);
  });
  it('reads a later paragraph of only links as sources, but not a first one or one with other words', () => {
    expect(reduceHtml('<p>Text.</p><p><a href="https://example.org/a">A</a> | <a href="https://example.org/b">B</a></p>').text).toBe('Text.');
    expect(reduceHtml('<p><a href="https://example.org/a">Judge orders return</a></p>').text).toBe('Judge orders return');
    expect(reduceHtml('<p>Text.</p><p>See <a href="https://example.org/a">the order</a> for details.</p>').text)
      .toBe('Text. See the order for details.');
  });
  it('does not read a paragraph with a non-web link as a source list', () => {
    const r = reduceHtml('<p>Text.</p><p>Sources: <a href="javascript:x">A</a></p>');
    expect(r.text).toBe('Text. Sources: A');
    expect(r.links).toEqual([]);
  });
});
