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
});
