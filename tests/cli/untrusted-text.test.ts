// Workspace text in Touchstone's outputs. `diff --format markdown` is posted as a pull-request
// comment: workspace text in it must show as that text, never as a link, image, HTML, mention,
// issue reference or table structure. In a terminal, it must never carry a control character.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownText } from '../../src/core/text-safety.ts';
import { removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

const PAYLOADS = [
  '![x](https://evil.example/p.png)', '[click](javascript:alert(1))', '[a][r]\n\n[r]: https://evil.example', '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>', '<details open><summary>x</summary>', '<!-- hidden -->', '<https://evil.example>',
  '@octocat please look', 'cc @org/team', 'fixes #1 and GH-2', 'https://evil.example/phish', 'www.evil.example', 'mail me: a@evil.example',
  '**bold** _it_ ~~gone~~', '`code` | a pipe | another', '&lt;b&gt; &amp; &#64;x', '\\*not escaped\\*', 'x\n| --- |\n| injected row |',
  'line\r\nbreak', '# heading', '> quote', '- item', '1. item', '$x$ :+1: ^sup^', '<u>u</u>', 'a\u0007b\u001b[2Jc',
];

/** The text a reader sees: tags removed, entities decoded, zero-width spaces dropped. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function render(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Only the elements the comment itself is made of. */
const OWN_TAGS = new Set(['h3', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'details', 'summary', 'code', 'p', 'ul', 'li']);

function checkSafe(html: string): void {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase());
  expect(tags.filter((t) => !OWN_TAGS.has(t))).toEqual([]);
  const text = visibleText(html);
  expect(text).not.toMatch(/@[A-Za-z0-9]/); // a mention or an e-mail address
  expect(text).not.toMatch(/#\d/); // an issue reference
  expect(text).not.toMatch(/https?:\/\/|www\./i); // a bare URL GitHub would link
}

describe('markdownText', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('shows %s as its text and nothing more', (_, payload) => {
    const html = render(`| a | ${markdownText(payload)} |\n|---|---|\n| b | c |\n`);
    checkSafe(html);
    expect(html.match(/<tr>/g)).toHaveLength(2); // the payload made no row of its own
    const shown = visibleText(html).replace(/\u200b/g, '');
    expect(shown).toContain(payload.replace(/[\r\n\t]+/g, ' ').replace(/\u0007/g, '[U+0007]').replace(/\u001b/g, '[U+001B]'));
  });
});

describe('touchstone diff --format markdown', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('with %s as the organisation, a driver and a question', (_, payload) => {
    const yaml = JSON.stringify(payload); // a JSON string is a YAML double-quoted scalar
    const root = workspaceFrom('minimal', {
      'audits/acme/org.yaml': { edit: (t) => t.replace('name: { en: Acme Retail,', `name: { en: ${yaml},`) },
      'questionnaires/mini/1.0.0.yaml': { edit: (t) => t.replace('name: { en: Momentum,', `name: { en: ${yaml},`).replace('text: { en: Are complaints tracked?,', `text: { en: ${yaml},`) },
      // A third respondent, moving as the other two do, so the question's move is real (bootstrap
      // interval clear of zero) and the comment lists it.
      'audits/acme/2026-q1/responses/third.yaml': 'respondent: { id: third, role: Store manager }\nanswers:\n  recovery.tracking: 1\n',
      'audits/acme/2026-q3/responses/third.yaml': 'respondent: { id: third, role: Store manager }\nanswers:\n  recovery.tracking: 3\n',
    });
    created.push(root);
    const result = touchstone(['diff', 'acme', '2026-q1', '2026-q3', '--root', root, '--format', 'markdown', '--lang', 'en']);
    expect(result.status, result.stderr).toBe(0);
    const html = render(result.stdout);
    checkSafe(html);
    const shown = visibleText(html).replace(/\u200b/g, '');
    const expected = payload.replace(/[\r\n\t]+/g, ' ').replace(/\u0007/g, '[U+0007]').replace(/\u001b/g, '[U+001B]');
    expect(shown.split(expected).length - 1).toBe(3); // heading, driver row, question row
  });
});

describe('score, diff and check in a terminal', () => {
  it('show workspace text with its escape sequences as markers, never raw', () => {
    const evil = 'Acme\u001b[2J\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u202e';
    const yaml = JSON.stringify(evil);
    const root = workspaceFrom('minimal', {
      'audits/acme/org.yaml': { edit: (t) => t.replace('name: { en: Acme Retail,', `name: { en: ${yaml},`) },
      'questionnaires/mini/1.0.0.yaml': { edit: (t) => t.replace('name: { en: Momentum,', `name: { en: ${yaml},`).replace('text: { en: Are complaints tracked?,', `text: { en: ${yaml},`) },
      // Into a message of the report model (a finding): still text, never a template or a control.
      'audits/acme/2026-q3/scenarios.yaml': { edit: (t) => t.replace('question: { en: Is water damage covered?,', () => `question: { en: ${JSON.stringify(`${evil} {pct} $&`)},`) },
      'touchstone.yaml': `assertions:\n  - { id: odd, level: warn, metric: ${yaml}, min: 1 }\n`,
      // The plan agreed in 2026-q1, which the 2026-q3 table follows up: owner and step are workspace text too.
      'audits/acme/2026-q1/actions.yaml': `actions:\n  - { question: recovery.tracking, owner: ${yaml}, step: ${yaml}, due: 2026-06-30, status: planned }\n`,
    });
    created.push(root);
    for (const args of [['score', 'acme', '--lang', 'en'], ['diff', 'acme', '2026-q1', '2026-q3', '--lang', 'en'], ['check']]) {
      const result = touchstone([...args, '--root', root]);
      expect(result.stdout, args.join(' ')).toMatch(/\[U\+001B\]/);
      if (args[0] === 'score') {
        expect(result.stdout).toMatch(/Two customers asking “Acme\[U\+001B\].* \{pct\} \$&” have a \d+% chance/);
        expect(result.stdout).toMatch(/What was agreed last time\n {2}planned {2}Acme\[U\+001B\]/);
      }
      expect(result.stdout + result.stderr, args.join(' ')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });
});
