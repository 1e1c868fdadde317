import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, type Diagnostic } from '../../src/core/diagnostics.ts';
import { LIMITS } from '../../src/core/read/limits.ts';
import { checkNotesAgainstAudit, linkProblem, parseNotes, parseNotesText, type NotesDocument } from '../../src/core/read/notes.ts';
import { findAudit, scoreAudit, validateWorkspace } from '../../src/core/index.ts';
import { renderNotes } from '../../src/site/notes-render.ts';
import { FIXTURES } from '../helpers/cli.ts';

/**
 * notes.mdx is prose: core/read/notes.ts refuses whatever would run at build time or reach readers as
 * markup or a dangerous link, each with its line and column; site/notes-render.ts writes what is
 * left as escaped HTML. Every payload below is checked both ways: refused by the checker, and
 * absent from the HTML the renderer makes of the same text.
 */
const FILE = 'audits/acme/2026-q3/notes.mdx';

function check(text: string): { doc?: NotesDocument; diagnostics: Diagnostic[] } {
  const bag = new DiagnosticBag();
  const doc = parseNotesText(FILE, text, bag);
  return { doc, diagnostics: bag.sorted() };
}

const codes = (text: string) => check(text).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

const { workspace } = validateWorkspace(join(FIXTURES, 'minimal'));
const lookup = findAudit(workspace, 'acme', '2026-q3');
if (!lookup.ok) throw new Error('the minimal fixture has no acme/2026-q3');
const audit = lookup.audit;
const result = scoreAudit(audit, workspace);

/** The HTML the renderer makes of the text, whatever the checker said (a parse failure: none). */
function render(text: string): string {
  const { doc } = check(text);
  return doc ? renderNotes(doc, result, 'en') : '';
}

/** Each payload, where the checker must report it, and a text the rendered HTML must never hold. */
const PAYLOADS: { name: string; text: string; expect: string; never: RegExp }[] = [
  { name: 'an expression', text: 'Intro\n\n{process.exit()}\n', expect: '3:1 notes/expression', never: /process|exit/ },
  { name: 'an inline expression', text: 'Score: {globalThis.x = 1} points', expect: '1:8 notes/expression', never: /globalThis/ },
  { name: 'an expression that is not even valid code', text: 'It costs {about 5}.', expect: '1:10 notes/expression', never: /about/ },
  { name: 'an export', text: '# Notes\n\nexport const x = require("fs").readFileSync("/etc/passwd")\n', expect: '3:1 notes/import-export', never: /export|passwd/ },
  { name: 'an import', text: 'import { execSync } from "node:child_process"\n\nText', expect: '1:1 notes/import-export', never: /import|child_process/ },
  { name: 'a script element', text: 'Hi\n\n<script>alert(1)</script>\n', expect: '3:1 notes/raw-html', never: /<script|alert/ },
  { name: 'an inline script element', text: 'Hi <script>alert(1)</script> there', expect: '1:4 notes/raw-html', never: /<script|alert/ },
  { name: 'an img with onerror (unquoted)', text: 'Look:\n\n<img src=x onerror=alert(1)>\n', expect: '3:1 notes/raw-html', never: /<img|onerror/ },
  { name: 'an img with onerror (quoted)', text: '<img src="x" onerror="alert(1)" />', expect: '1:1 notes/raw-html', never: /<img|onerror/ },
  { name: 'an iframe', text: 'x <iframe src="https://evil.example"></iframe>', expect: '1:3 notes/raw-html', never: /<iframe/ },
  { name: 'an HTML comment', text: 'Text\n\n<!-- <script>alert(1)</script> -->\n', expect: '3:1 notes/raw-html', never: /<!--|<script/ },
  { name: 'a javascript: link', text: '[a](javascript:alert(1))', expect: '1:1 notes/unsafe-link', never: /javascript|href/ },
  { name: 'a JaVaScRiPt: link', text: 'See [a](JaVaScRiPt:alert(1)).', expect: '1:5 notes/unsafe-link', never: /javascript|href/i },
  { name: 'a javascript: link after spaces', text: '[a](  javascript:alert(1))', expect: '1:1 notes/unsafe-link', never: /javascript|href/ },
  { name: 'a javascript: link with a tab inside', text: '[a](<java\tscript:alert(1)>)', expect: '1:1 notes/unsafe-link', never: /script|href/ },
  { name: 'an entity-encoded javascript: link', text: '[a](javascript&#58;alert(1))', expect: '1:1 notes/unsafe-link', never: /javascript|href/ },
  { name: 'a vbscript: link', text: '[a](vbscript:msgbox(1))', expect: '1:1 notes/unsafe-link', never: /vbscript|href/ },
  { name: 'a data: image', text: '![x](data:image/svg+xml;base64,PHN2Zz4=)', expect: '1:1 notes/unsafe-link', never: /data:|<img/ },
  { name: 'a data: link', text: '[x](data:text/html,<script>alert(1)</script>)', expect: '1:1 notes/unsafe-link', never: /data:|<script/ },
  { name: 'a file: link', text: '[x](file:///etc/passwd)', expect: '1:1 notes/unsafe-link', never: /file:|href/ },
  { name: 'a /\\ link to another host', text: '[a](/\\evil.example)', expect: '1:1 notes/unsafe-link', never: /evil|href/ },
  { name: 'a // link to another host', text: '[a](//evil.example/x)', expect: '1:1 notes/unsafe-link', never: /evil|href/ },
  { name: 'a \\\\ link to another host', text: '[a](\\\\\\\\evil.example)', expect: '1:1 notes/unsafe-link', never: /evil|href/ },
  { name: 'a javascript: autolink', text: 'Go <javascript:alert(1)>', expect: '1:4 notes/syntax', never: /javascript/ },
  { name: 'a reference-style javascript: definition', text: 'See [the doc][d].\n\n[d]: javascript:alert(1)\n', expect: '3:1 notes/unsafe-link', never: /javascript|href/ },
  { name: 'a reference-style data: image', text: '![pic][p]\n\n[p]: data:image/png;base64,AAAA\n', expect: '3:1 notes/unsafe-link', never: /data:|<img/ },
  { name: 'an unknown component', text: 'x\n\n<Exec cmd="rm -rf /" />\n', expect: '3:1 notes/unknown-component', never: /Exec|rm -rf/ },
  { name: 'a member component', text: '<Score.constructor />', expect: '1:1 notes/unknown-component', never: /constructor/ },
  { name: 'a fragment', text: '<>hi</>', expect: '1:1 notes/unknown-component', never: /hi/ },
  { name: 'an expression attribute', text: '<Score driver={process.env.GITHUB_TOKEN} />', expect: '1:1 notes/expression', never: /GITHUB_TOKEN|inline-score/ },
  { name: 'a spread attribute', text: '<Score {...process.env} />', expect: '1:1 notes/expression', never: /process|inline-score/ },
  { name: 'an event attribute', text: '<Score driver="momentum" onClick="alert(1)" />', expect: '1:1 notes/bad-attribute', never: /onclick|alert/i },
  { name: 'a boolean attribute', text: '<DriverChart driver />', expect: '1:1 notes/bad-attribute', never: /<figure/ },
  { name: 'a component with content', text: '<Score driver="momentum"><script>alert(1)</script></Score>', expect: '1:1 notes/bad-attribute', never: /<script|alert/ },
];

describe('notes checker and renderer', () => {
  it.each(PAYLOADS.map((p) => [p.name, p] as const))('refuses and never renders %s', (_, p) => {
    const { diagnostics } = check(p.text);
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toContain(p.expect);
    expect(diagnostics.every((d) => d.severity === 'error' && d.file === FILE)).toBe(true);
    const html = render(p.text);
    expect(html).not.toMatch(p.never);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
  });

  it('accepts prose, safe links and the two components, and renders them', () => {
    const text = [
      '## Findings', '',
      'The index is <Score />; <Score driver="momentum" /> moved most, and <Score part="recovery" /> not at all.', '',
      '- [the playbook](https://intranet.example/playbook "Playbook"), [mail](mailto:cx@example.com)',
      '- [evidence](responses/ceo.yaml), [up](../2026-q1/), [query](?x=1), [part](#part-momentum)',
      '- a bare address: https://example.com/a, and [a reference][r]', '',
      '[r]: https://example.com/ref', '',
      '![chart](https://example.com/chart.png) ![local](chart.png)', '',
      '{/* a comment for the consultant only */}', '',
      '<DriverChart driver="reliability" />', '',
      '| a | b |', '|---|---|', '| 1 | 2 |', '',
      'Escaped: \\{not an expression\\} and 1 \\< 2, &lt;b&gt;, `<script>`', '',
    ].join('\n');
    const { diagnostics } = check(text);
    expect(diagnostics).toEqual([]);
    const html = render(text);
    expect(html).toContain('<h2>Findings</h2>');
    expect(html).toMatch(/<strong class="inline-score">Index \d+\.\d<\/strong>/);
    expect(html).toMatch(/<a class="inline-score" href="#part-momentum"><strong>Momentum \d+\.\d<\/strong><\/a>/);
    expect(html).toMatch(/<a class="inline-score" href="#part-recovery"><strong>Recovery \d+\.\d<\/strong><\/a>/);
    expect(html).toContain('<a href="https://intranet.example/playbook" title="Playbook">the playbook</a>');
    expect(html).toContain('<a href="mailto:cx@example.com">mail</a>');
    expect(html).toContain('<a href="responses/ceo.yaml">evidence</a>');
    expect(html).toContain('<a href="../2026-q1/">up</a>');
    expect(html).toContain('<a href="#part-momentum">part</a>');
    expect(html).toContain('<a href="https://example.com/a">https://example.com/a</a>');
    expect(html).toContain('<a href="https://example.com/ref">a reference</a>');
    expect(html).toContain('<img src="https://example.com/chart.png" alt="chart">');
    expect(html).toContain('<figure class="chart bars"><svg viewBox="0 0 560 62" role="img" aria-label="Reliability: reliability.same-answer');
    expect(html).toContain('<line x1=');
    expect(html).toContain('stroke-width="3"');
    expect(html).toContain('<table>');
    expect(html).toContain('Escaped: {not an expression} and 1 &#x3C; 2, &#x3C;b>, <code>&#x3C;script></code>');
    expect(html).not.toContain('comment for the consultant');
  });

  it('renders the components in Chinese on the Chinese page', () => {
    const { doc } = check('<Score driver="momentum" />');
    const zh = scoreAudit(audit, workspace);
    expect(renderNotes(doc!, zh, 'zh')).toMatch(/<a class="inline-score" href="#part-momentum"><strong>[^<a-zA-Z]+ \d+\.\d<\/strong><\/a>/);
  });

  it('labels footnotes in the page\'s language, for screen readers, with ids of their own', () => {
    const { doc } = check('Claim[^1].\n\n[^1]: Source.\n');
    const en = renderNotes(doc!, result, 'en');
    expect(en).toContain('<h2 class="visually-hidden" id="footnote-label">Footnotes</h2>');
    expect(en).toContain('id="notes-fn-1"');
    expect(en).toContain('aria-label="Back to reference 1"');
    expect(renderNotes(doc!, scoreAudit(audit, workspace), 'zh')).toContain('>脚注</h2>');
  });

  it('writes typographic quotes and dashes, as the notes had under Astro\'s MDX', () => {
    expect(render('Anbao\'s "ask twice" test... -- done')).toBe('<p>Anbao’s “ask twice” test… – done</p>');
  });

  it('says where a syntax error is, counting characters (not UTF-16 units) in the column', () => {
    expect(codes('# Notes\n\nHello {broken\n')).toEqual(['3:7 notes/syntax']);
    expect(codes('𝒳𝒳 中 {')).toEqual(['1:6 notes/syntax']);
    // CommonMark's <…> links are not MDX: the message says what to write instead.
    expect(check('Mail <cx@example.com> or see <https://example.com>').diagnostics.map((d) => [`${d.line}:${d.col} ${d.code}`, d.message]))
      .toEqual([['1:6 notes/syntax', '"<cx@example.com>": notes do not take <…> links; write [text](https://…) or [text](mailto:…), or the bare address']]);
    expect(check('# Notes\n\nHello {broken\n').diagnostics[0]!.message).toMatch(/^Unexpected end of file in expression.*"\\\{"/);
  });

  it('shows invisible direction controls as markers, with a warning, as in the YAML files', () => {
    const { diagnostics } = check('Intro\n\nRefund slip \u202egnp.exe\u202c attached, `code\u2066` ![a\u202e](x.png)\n');
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`)).toEqual([
      '3:1 warning text/bidi-control', '3:33 warning text/bidi-control', '3:41 warning text/bidi-control',
    ]);
    const html = render('Refund slip \u202egnp.exe\u202c attached, `code\u2066` ![a\u202e](x.png)');
    expect(html).toBe('<p>Refund slip [U+202E]gnp.exe[U+202C] attached, <code>code[U+2066]</code> <img src="x.png" alt="a[U+202E]"></p>');
  });

  it('reports every problem of a file, not only the first', () => {
    expect(codes('{a}\n\n[x](javascript:1)\n\n<Foo />\n\n<b>bold</b>\n')).toEqual([
      '1:1 notes/expression', '3:1 notes/unsafe-link', '5:1 notes/unknown-component', '7:1 notes/raw-html',
    ]);
  });

  it('suggests the component or attribute meant', () => {
    const [chart] = check('<DriverCharts driver="momentum" />').diagnostics;
    expect(chart!.message).toContain('did you mean "DriverChart"');
    const [attr] = check('<DriverChart drivers="momentum" />').diagnostics;
    expect(attr!.code).toBe('notes/bad-attribute');
    expect(attr!.message).toContain('did you mean "driver"');
  });

  it('refuses a file over the size limit, and one that is not UTF-8, before parsing', () => {
    const bag = new DiagnosticBag();
    expect(parseNotes(FILE, new Uint8Array(LIMITS.fileBytes + 1).fill(0x61), bag)).toBeUndefined();
    expect(parseNotes(FILE, new Uint8Array([0x61, 0x0a, 0x62, 0xe9, 0x0a]), bag)).toBeUndefined();
    expect(bag.sorted().map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['1:1 file/too-large', '2:2 file/encoding']);
  });

  it('knows a file with nothing to show', () => {
    expect(check('').doc!.empty).toBe(true);
    expect(check('\n\n{/* later */}\n').doc!.empty).toBe(true);
    expect(render('{/* later */}')).toBe('');
    expect(check('<Score />').doc!.empty).toBe(false);
  });

  it('decides links by where a browser resolves them', () => {
    for (const ok of ['https://a.example/x', 'http://a.example', 'mailto:a@b.example', 'HTTPS://A.EXAMPLE', 'x.html', './x', '../x', '/x', '#a', '?q', ''])
      expect(linkProblem(ok), ok).toBeUndefined();
    for (const bad of ['javascript:x', 'JAVASCRIPT:x', ' javascript:x', 'java\nscript:x', 'data:,x', 'vbscript:x', 'file:///x', 'ftp://a.example',
      '//evil.example', '/\\evil.example', '\\\\evil.example', '\\/evil.example', '\t//evil.example', 'https://[x'])
      expect(linkProblem(bad), bad).toBeDefined();
    expect(linkProblem('mailto:a@b.example', 'image')).toBeDefined();
  });
});

describe('notes of hostile shapes', () => {
  /**
   * The parser takes time that grows faster than the text for some shapes (see NOTES_LIMITS), and
   * deep nesting would exhaust the stack: such notes are refused, at a place, before they are
   * parsed. No timing is asserted: each shape is read at 1× and 8× its size, and linear work grows
   * about 8×, quadratic work 64× (before the limits, 8× these took from 30× to over 200× the time).
   */
  const SHAPES: Record<string, (n: number) => string> = {
    'nested quotes on one line': (n) => `${'> '.repeat(n)}x`,
    'nested lists on one line': (n) => `${'- '.repeat(n)}x`,
    'ever deeper indented lists': (n) => Array.from({ length: n / 50 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'),
    'straight quotes': (n) => '"a" \'b\' '.repeat(n / 4),
    'straight quotes, a few per paragraph': (n) => '"a" \'b\'\n\n'.repeat(n / 4),
    'entities': (n) => '&#58; '.repeat(n / 2),
    'entities, a few per paragraph': (n) => '&#58;\n\n'.repeat(n / 2),
    'closed braces': (n) => '{1} '.repeat(n / 4),
    'open braces': (n) => '{'.repeat(n),
    'open tags': (n) => '<Score driver="x">'.repeat(n / 10),
    'emphasis within emphasis': (n) => `${'*'.repeat(n / 2)}x${'*'.repeat(n / 2)}`,
    'one long paragraph of ordinary markup': (n) => 'Anbao’s **recovery** is [solid](https://x.example), `code`. '.repeat(n / 20),
    'paragraphs of ordinary markup': (n) => ('Anbao’s **recovery** is [solid](https://x.example), `code`. '.repeat(100) + '\n\n').repeat(n / 2000),
  };
  const readingTime = (text: string) => {
    const started = performance.now();
    for (let i = 0; i < 3; i++) parseNotesText(FILE, text, new DiagnosticBag());
    return performance.now() - started;
  };

  it.each(Object.keys(SHAPES))('%s: 8× the input costs far less than 64× the time', (shape) => {
    const make = SHAPES[shape]!;
    readingTime(make(4_000)); // warm-up
    const small = Math.max(readingTime(make(20_000)), 1);
    const large = readingTime(make(160_000));
    expect(large / small, `${small.toFixed(1)} ms → ${large.toFixed(1)} ms`).toBeLessThan(24);
  });

  it('refuses them with notes/too-complex at the block, the line or the node', () => {
    expect(codes(`Intro\n\n${'> '.repeat(40)}x`)).toEqual(['3:1 notes/too-complex']);
    expect(codes(`Intro\n\n${'x'.repeat(20_000)}`)).toEqual(['3:1 notes/too-complex']);
    expect(codes(`Intro\n\nsay ${'"a" '.repeat(150)}`)).toEqual(['3:1 notes/too-complex']);
    // Too deep a tree: at its first node below the limit.
    expect(codes(`Intro\n\n${'*'.repeat(200)}x${'*'.repeat(200)}`)).toEqual(['3:127 notes/too-complex']);
    expect(check(`Intro\n\n${'x'.repeat(20_000)}`).diagnostics[0]!.message).toMatch(/^the block that starts here .* longer than 16000 characters/);
  });
});

describe('notes against their audit', () => {
  const parts = ['momentum', 'reliability', 'consistency', 'benchmark', 'recovery'];

  it('reports a component naming a part the questionnaire does not have', () => {
    const bag = new DiagnosticBag();
    const { doc } = check('Text\n\nSee <Score driver="momentun" /> and\n\n<DriverChart driver="loyalty" />\n');
    checkNotesAgainstAudit(doc!, { parts }, bag);
    expect(bag.sorted().map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(['3:5 notes/unknown-driver', '5:1 notes/unknown-driver']);
    expect(bag.sorted()[0]!.message).toContain('did you mean "momentum"');
  });

  it('warns when the notes of an anonymous audit mention a role too few respondents hold', () => {
    const roles = new Map([['Chief executive', 1], ['Store operations', 3], ['IT', 1], ['总经理', 1]]);
    const run = (text: string, minRoleSize = 3) => {
      const bag = new DiagnosticBag();
      checkNotesAgainstAudit(check(text).doc!, { parts, anonymous: { roles, minRoleSize } }, bag);
      return bag.sorted().map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`);
    };
    expect(run('Intro.\n\nThe **chief executive** scored 4; store operations scored 1.')).toEqual(['3:7 warning notes/names-small-role']);
    // A word that only contains the role is not a mention of it; Chinese text has no spaces to go by.
    expect(run('It itself is fine, edit it.')).toEqual([]);
    expect(run('The IT team.')).toEqual(['1:5 warning notes/names-small-role']);
    expect(run('总经理打 3 分')).toEqual(['1:1 warning notes/names-small-role']);
    // What readers see counts: code and image descriptions too; a comment, shown to no one, does not.
    expect(run('Asked `IT` and ![the IT desk](x.png)')).toEqual(['1:7 warning notes/names-small-role']);
    expect(run('{/* ask the chief executive */} Fine.')).toEqual([]);
    expect(run('Per the [chief executive](https://x.example/chief-executive), "fine" -- ok')).toEqual(['1:10 warning notes/names-small-role']);
    // A role as many as the minimum hold is shown in the report anyway.
    expect(run('The chief executive scored 4.', 1)).toEqual([]);
    // Named audits may name roles.
    const bag = new DiagnosticBag();
    checkNotesAgainstAudit(check('The chief executive scored 4.').doc!, { parts }, bag);
    expect(bag.items).toEqual([]);
  });
});
