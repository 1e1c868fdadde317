import { describe, expect, it } from 'vitest';
import { html, Html } from '../../src/site/html.ts';

describe('html`…`', () => {
  it('escapes every interpolated value, in text and in quoted attributes', () => {
    const name = '<script>alert(1)</script> & "quotes" \'too\'';
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;</a>',
    );
  });

  it('keeps markup it built itself, joins lists, and writes nothing for null, undefined and booleans', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    // A string is never trusted as markup, only an Html value is.
    expect(html`${'<b>x</b>'}`.value).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(html`${new Html('<b>x</b>')}`.value).toBe('<b>x</b>');
  });

  it('escapes each special character on its own, in strings, in other values and in nested lists', () => {
    // Values without any of & < > " ' are passed through unescaped (html.ts): each one alone must still be caught.
    for (const [char, entity] of [['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']]) {
      expect(html`${`a${char}b`}`.value).toBe(`a${entity}b`);
      expect(html`${{ toString: () => `x${char}` }}`.value).toBe(`x${entity}`);
      expect(html`${[['p', [`q${char}`]], 'r']}`.value).toBe(`pq${entity}r`);
    }
    expect(html`${'plain text, 3:14 · 中文'}`.value).toBe('plain text, 3:14 · 中文');
  });
});
