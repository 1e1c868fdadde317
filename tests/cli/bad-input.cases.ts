import { FIXTURES, type OverlayContent } from '../helpers/cli.ts';

/**
 * Bad-input fixtures: each is the minimal sample workspace with one thing broken, and the
 * diagnostic it must produce (code, file, line, column). Every diagnostic code the
 * validator has appears here at least once; a test checks that the list is complete.
 */
export interface BadInputCase {
  name: string;
  overlay: Record<string, OverlayContent>;
  expect: { code: string; file: string; line: number; col: number; severity?: 'error' | 'warning'; message?: RegExp };
}

const Q1 = 'audits/acme/2026-q1';
const CEO = `${Q1}/responses/ceo.yaml`;
const QN = 'questionnaires/mini/1.0.0.yaml';
const BM = 'benchmarks/best-in-class/2026.1.yaml';
const NOTES = 'audits/acme/2026-q3/notes.mdx';
const FACTS = 'audits/acme/2026-q3/facts.yaml';
const PLAN = 'audits/acme/2026-q1/actions.yaml';
// An edit of a response that the worker-thread test (validate.test.ts) does not copy as a case of its own.
const CEO_Q3 = 'audits/acme/2026-q3/responses/ceo.yaml';
/** A facts.yaml of one fact (its `metric:` on line 2, `value:` on line 3, `source:` on line 4). */
const fact = (metric: string, value: number, source = 'system') =>
  `facts:\n  - metric: ${metric}\n    value: ${value}\n    source: ${source}\n    owner: Head of service\n    date: 2026-09-30\n`;
const MODELINE = '# yaml-language-server: $schema=../../../../../../../schemas/response.schema.json\n';

/** A complete, valid answer set; tests replace single lines of it. */
const ANSWERS = [
  'momentum.owner: 2', 'momentum.act-now: 1', 'reliability.same-answer: 2', 'reliability.stores: 2',
  'consistency.mystery-shop: 1', 'benchmark.caller-recognition: 1', 'recovery.tracking: 1', 'recovery.first-response-minutes: 60',
];

/** The CEO's response with answer lines replaced: line 4 is the first answer. */
function response(replace: Record<number, string> = {}, header = 'respondent: { id: ceo, role: Chief executive }'): string {
  const lines = ANSWERS.map((a, i) => replace[i] ?? a);
  return `${MODELINE}${header}\nanswers:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

const enc = new TextEncoder();

/** The file's bytes with one text replaced by Latin-1 bytes (é as the single byte 0xe9), as an old editor would save it. */
function latin1(text: string, find: string, before: string): Uint8Array {
  const [head, tail] = text.split(find);
  return new Uint8Array([...enc.encode(head + before), 0xe9, ...enc.encode(tail)]);
}

export const CASES: BadInputCase[] = [
  // --- files and YAML syntax
  { name: 'invalid YAML (reserved character)', overlay: { [CEO]: response({ 0: 'momentum.owner: @2' }) },
    expect: { code: 'yaml/syntax', file: CEO, line: 4, col: 19, message: /cannot start with reserved character/ } },
  { name: 'invalid YAML (unclosed flow list)', overlay: { [CEO]: response({ 0: 'momentum.owner: [2' }) },
    expect: { code: 'yaml/bad-indent', file: CEO, line: 5, col: 3, message: /end with a \] \(12 more syntax errors after this one\)/ } },
  { name: 'tab used for indentation', overlay: { [CEO]: response().replace('  momentum.act-now: 1', '\tmomentum.act-now: 1') },
    expect: { code: 'yaml/tab-indent', file: CEO, line: 5, col: 1 } },
  { name: 'bad indentation', overlay: { [CEO]: response().replace('  momentum.act-now: 1', ' momentum.act-now: 1') },
    expect: { code: 'yaml/bad-indent', file: CEO, line: 5, col: 2 } },
  { name: 'unclosed quote', overlay: { [CEO]: response({ 7: 'recovery.first-response-minutes: "60' }) },
    expect: { code: 'yaml/unclosed-quote', file: CEO, line: 11, col: 36 } },
  { name: 'duplicate key', overlay: { [CEO]: response({ 1: 'momentum.owner: 3' }) },
    expect: { code: 'yaml/duplicate-key', file: CEO, line: 5, col: 3, message: /the key "momentum\.owner" is already in this map, on line 4;/ } },
  // Keys from the workspace are quoted in messages: control characters shown, not sent to the
  // terminal (an escape sequence could clear it), and a long key cut short.
  { name: 'duplicate key with an escape sequence, 200 characters long',
    overlay: { [CEO]: response({ 0: `"\\e[2J${'k'.repeat(200)}": 2`, 1: `"\\e[2J${'k'.repeat(200)}": 1` }) },
    expect: { code: 'yaml/duplicate-key', file: CEO, line: 5, col: 3, message: /^the key "\\u001b\[2Jk{76}…" is already in this map, on line 4;/ } },
  { name: 'unknown key with an escape sequence and a direction override',
    overlay: { [CEO]: `${response()}"x\\e[2J\\u202e": 1\n` },
    expect: { code: 'schema/unknown-key', file: CEO, line: 12, col: 1, message: /^unknown key "x\\u001b\[2J\[U\+202E\]"/ } },
  { name: 'alias bomb', overlay: { [CEO]: `${MODELINE}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n` },
    expect: { code: 'yaml/alias-limit', file: CEO, line: 3, col: 8 } },
  { name: 'absurd nesting', overlay: { [CEO]: `${MODELINE}respondent: ${'['.repeat(40)}${']'.repeat(40)}\n` },
    expect: { code: 'yaml/too-deep', file: CEO, line: 2, col: 36 } },
  // Nesting the parser would recurse into until its stack ran out (a different column each run):
  // refused before a tree is built, at the same place as the shallow case above.
  { name: 'nesting of 100,000 flow lists', overlay: { [CEO]: `${MODELINE}respondent: ${'['.repeat(100_000)}\n` },
    expect: { code: 'yaml/too-deep', file: CEO, line: 2, col: 36, message: /^nesting is deeper than 24 levels$/ } },
  { name: 'nesting of 100,000 block lists on one line', overlay: { [CEO]: `${MODELINE}${'- '.repeat(100_000)}x\n` },
    expect: { code: 'yaml/too-deep', file: CEO, line: 2, col: 49 } },
  { name: 'nesting of 1,400 indented maps', overlay: { [CEO]: MODELINE + Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n' },
    expect: { code: 'yaml/too-deep', file: CEO, line: 26, col: 25 } },
  { name: '__proto__ key', overlay: { [CEO]: response({ 0: '__proto__: { polluted: true }' }) },
    expect: { code: 'yaml/unsafe-key', file: CEO, line: 4, col: 3 } },
  { name: 'two documents in one file', overlay: { [CEO]: `${response()}---\nrespondent: { id: x, role: y }\nanswers: {}\n` },
    expect: { code: 'yaml/multiple-documents', file: CEO, line: 12, col: 1 } },
  { name: 'a list as a key', overlay: { [CEO]: response({ 0: '? [a, b]\n  : 2' }) },
    expect: { code: 'yaml/complex-key', file: CEO, line: 4, col: 5 } },
  { name: 'file over the size limit', overlay: { [CEO]: `${response()}${'# padding padding padding padding padding padding padding\n'.repeat(20000)}` },
    expect: { code: 'file/too-large', file: CEO, line: 1, col: 1 } },
  { name: 'not UTF-8', overlay: { [CEO]: latin1(response(), 'Chief executive', 'Chief ') },
    expect: { code: 'file/encoding', file: CEO, line: 2, col: 36 } },
  { name: 'empty file', overlay: { [CEO]: '# just a comment\n\n' },
    expect: { code: 'file/empty', file: CEO, line: 1, col: 1 } },

  // --- schema
  { name: 'wrong type', overlay: { [CEO]: response({}, 'respondent: ceo') },
    expect: { code: 'schema/type', file: CEO, line: 2, col: 13, message: /must be a map/ } },
  { name: 'missing required key', overlay: { [CEO]: response({}, 'respondent: { id: ceo }') },
    expect: { code: 'schema/required', file: CEO, line: 2, col: 13, message: /"role"/ } },
  { name: 'unknown key with a suggestion', overlay: { [CEO]: response({ 0: 'momentum.owner: { level: 2, coment: ok }' }) },
    expect: { code: 'schema/unknown-key', file: CEO, line: 4, col: 31, message: /did you mean "comment"/ } },
  { name: 'value out of range', overlay: { 'audits/acme/org.yaml': 'name: Acme\nindustry: { id: retail, name: Retail }\nlocale: en\ntargets: { momentum: 11 }\n' },
    expect: { code: 'schema/range', file: 'audits/acme/org.yaml', line: 4, col: 22 } },
  { name: 'not one of the allowed values', overlay: { [`${Q1}/audit.yaml`]: 'questionnaire: mini@1.0.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-01-01, end: 2026-03-31 }\nstatus: finished\n' },
    expect: { code: 'schema/enum', file: `${Q1}/audit.yaml`, line: 4, col: 9 } },
  { name: 'a date that is not a date', overlay: { [`${Q1}/audit.yaml`]: 'questionnaire: mini@1.0.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-01-01, end: 2026-13-45 }\nstatus: final\n' },
    expect: { code: 'schema/format', file: `${Q1}/audit.yaml`, line: 3, col: 35 } },
  { name: 'malformed reference', overlay: { [`${Q1}/audit.yaml`]: 'questionnaire: mini-1.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-01-01, end: 2026-03-31 }\nstatus: final\n' },
    expect: { code: 'schema/pattern', file: `${Q1}/audit.yaml`, line: 1, col: 16, message: /e\.g\. "service-review@1\.0\.0"/ } },
  { name: 'empty text', overlay: { [CEO]: response({}, 'respondent: { id: ceo, role: "" }') },
    expect: { code: 'schema/size', file: CEO, line: 2, col: 30 } },
  { name: 'answer key that is not a question id', overlay: { [CEO]: response({ 0: 'Momentum Owner: 2' }) },
    expect: { code: 'schema/bad-key', file: CEO, line: 4, col: 3 } },
  { name: 'both level and value', overlay: { [CEO]: response({ 0: 'momentum.owner: { level: 2, value: 3 }' }) },
    expect: { code: 'schema/conflict', file: CEO, line: 4, col: 19 } },
  { name: 'javascript: evidence link', overlay: { [CEO]: response({ 0: 'momentum.owner: { level: 2, evidence: [{ link: "javascript:alert(1)", date: 2026-01-02 }] }' }) },
    expect: { code: 'evidence/unsafe-link', file: CEO, line: 4, col: 50 } },
  // Looks like a path on this site; a browser reads the backslash as a slash and opens evil.example.
  { name: 'evidence link that a browser opens on another host', overlay: { [CEO]: response({ 0: 'momentum.owner: { level: 2, evidence: [{ link: "/\\\\evil.example/x", date: 2026-01-02 }] }' }) },
    expect: { code: 'evidence/unsafe-link', file: CEO, line: 4, col: 50, message: /no \/\/ or \/\\ at the start/ } },
  { name: 'evidence link with a control character before javascript:', overlay: { [CEO]: response({ 0: 'momentum.owner: { level: 2, evidence: [{ link: "\\x01javascript:alert(1)", date: 2026-01-02 }] }' }) },
    expect: { code: 'evidence/unsafe-link', file: CEO, line: 4, col: 50, message: /control/ } },

  { name: 'invisible direction override in a comment (warning)', overlay: { [CEO]: response({ 0: 'momentum.owner: { level: 2, comment: "refund \u202Egnp.exe" }' }) },
    expect: { code: 'text/bidi-control', file: CEO, line: 4, col: 40, severity: 'warning', message: /\[U\+202E\]/ } },

  // --- references between files
  { name: 'unknown questionnaire version', overlay: { [`${Q1}/audit.yaml`]: 'questionnaire: mini@9.0.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-01-01, end: 2026-03-31 }\nstatus: final\n' },
    expect: { code: 'ref/questionnaire', file: `${Q1}/audit.yaml`, line: 1, col: 16, message: /mini@1\.0\.0/ } },
  { name: 'unknown benchmark profile', overlay: { [`${Q1}/audit.yaml`]: 'questionnaire: mini@1.0.0\nbenchmark: best-in-class@2025.1\nperiod: { start: 2026-01-01, end: 2026-03-31 }\nstatus: final\n' },
    expect: { code: 'ref/benchmark', file: `${Q1}/audit.yaml`, line: 2, col: 12 } },
  { name: 'answer to a question that does not exist', overlay: { [CEO]: response({ 0: 'momentum.onwer: 2' }) },
    expect: { code: 'answer/unknown-question', file: CEO, line: 4, col: 3, message: /did you mean "momentum\.owner"/ } },
  { name: 'level off the scale', overlay: { [CEO]: response({ 0: 'momentum.owner: 7' }) },
    expect: { code: 'answer/off-scale', file: CEO, line: 4, col: 19 } },
  { name: 'n/a where not allowed', overlay: { [CEO]: response({ 0: 'momentum.owner: n/a' }) },
    expect: { code: 'answer/na-not-allowed', file: CEO, line: 4, col: 19 } },
  { name: 'metric out of range', overlay: { [CEO]: response({ 7: 'recovery.first-response-minutes: -5' }) },
    expect: { code: 'answer/metric-range', file: CEO, line: 11, col: 36 } },
  { name: 'metric answered with a level', overlay: { [CEO]: response({ 7: 'recovery.first-response-minutes: { level: 2 }' }) },
    expect: { code: 'answer/wrong-kind', file: CEO, line: 11, col: 38 } },
  { name: 'unanswered questions (warning)', overlay: { [CEO]: response({ 6: 'recovery.tracking:', 5: '# benchmark.caller-recognition: skipped' }) },
    expect: { code: 'answer/unanswered', file: CEO, line: 3, col: 1, severity: 'warning', message: /2 of 8 questions/ } },
  { name: 'two respondents with one id', overlay: { [`${Q1}/responses/store-ops.yaml`]: response({}, 'respondent: { id: ceo, role: Store operations }') },
    expect: { code: 'respondent/duplicate-id', file: `${Q1}/responses/store-ops.yaml`, line: 2, col: 19 } },

  // --- paths
  { name: 'organisation folder that is not a slug', overlay: { 'audits/Acme Retail/org.yaml': 'name: x\n' },
    expect: { code: 'path/unsafe-name', file: 'audits/Acme Retail', line: 1, col: 1 } },
  { name: 'organisation folder named like a page of the site', overlay: { 'audits/methodology/org.yaml': 'name: x\n' },
    expect: { code: 'path/reserved-name', file: 'audits/methodology', line: 1, col: 1, message: /page of the report site/ } },
  { name: 'symbolic link out of the workspace', overlay: { [`${Q1}/responses/intruder.yaml`]: { symlink: '/etc/passwd' } },
    expect: { code: 'path/outside-workspace', file: `${Q1}/responses/intruder.yaml`, line: 1, col: 1 } },
  // A real question bank, but outside the workspace: without this check it would be read and pass.
  { name: 'top-level folder that is a symbolic link out of the workspace', overlay: { benchmarks: { symlink: `${FIXTURES}/minimal/benchmarks` } },
    expect: { code: 'path/outside-workspace', file: 'benchmarks', line: 1, col: 1 } },
  { name: 'symbolic link to nothing', overlay: { [`${Q1}/responses/ghost.yaml`]: { symlink: '/nonexistent/touchstone' } },
    expect: { code: 'path/broken-link', file: `${Q1}/responses/ghost.yaml`, line: 1, col: 1 } },
  { name: '.yml instead of .yaml (warning)', overlay: { [`${Q1}/responses/extra.yml`]: 'respondent: { id: extra, role: x }\nanswers: {}\n' },
    expect: { code: 'path/unexpected-file', file: `${Q1}/responses/extra.yml`, line: 1, col: 1, severity: 'warning', message: /extra\.yaml/ } },
  { name: 'organisation without org.yaml', overlay: { 'audits/acme/org.yaml': null },
    expect: { code: 'org/missing-file', file: 'audits/acme', line: 1, col: 1 } },
  { name: 'audit folder without audit.yaml', overlay: { [`${Q1}/audit.yaml`]: null },
    expect: { code: 'audit/missing-file', file: Q1, line: 1, col: 1 } },
  { name: 'period ends before it starts', overlay: { [`${Q1}/audit.yaml`]: 'questionnaire: mini@1.0.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-03-31, end: 2026-01-01 }\nstatus: final\n' },
    expect: { code: 'audit/period-order', file: `${Q1}/audit.yaml`, line: 3, col: 35 } },
  { name: 'audit without responses (warning)', overlay: { [`${Q1}/responses`]: null },
    expect: { code: 'audit/no-responses', file: `${Q1}/audit.yaml`, line: 1, col: 1, severity: 'warning' } },
  { name: 'not a workspace', overlay: { questionnaires: null, benchmarks: null, audits: null },
    expect: { code: 'workspace/empty', file: '.', line: 1, col: 1 } },
  { name: 'too many files in one folder', overlay: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`questionnaires/mini/notes-${i}.txt`, ''])),
    expect: { code: 'limit/too-many-files', file: 'questionnaires/mini', line: 1, col: 1 } },
  { name: 'too many respondents', overlay: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`${Q1}/responses/r-${String(i).padStart(3, '0')}.yaml`, response({}, `respondent: { id: r-${i}, role: Staff }`)])),
    expect: { code: 'limit/too-many-respondents', file: `${Q1}/responses`, line: 1, col: 1 } },

  // --- the questionnaire and benchmark themselves
  { name: 'questionnaire id differs from its folder', overlay: { [QN]: { edit: (t) => t.replace('id: mini', 'id: maxi') } },
    expect: { code: 'questionnaire/path-mismatch', file: QN, line: 2, col: 5 } },
  { name: 'duplicate question id', overlay: { [QN]: { edit: (t) => t.replace('- id: momentum.act-now', '- id: momentum.owner') } },
    expect: { code: 'questionnaire/duplicate-id', file: QN, line: 29, col: 13 } },
  { name: 'wrong number of level descriptions', overlay: { [QN]: { edit: (t) => t.replace(/^.*Owners with budgets and deadlines.*\n/m, '') } },
    expect: { code: 'questionnaire/levels-count', file: QN, line: 19, col: 11 } },
  { name: 'wrong number of next steps', overlay: { [QN]: { edit: (t) => t.replace(/^.*Add deadlines, zh: 设定期限.*\n/m, '') } },
    expect: { code: 'questionnaire/next-count', file: QN, line: 25, col: 11 } },
  { name: 'gate on an unknown question', overlay: { [QN]: { edit: (t) => t.replace(/recovery\.tracking, at-most: 1 }\n$/, 'recovery.trackin, at-most: 1 }\n') } },
    expect: { code: 'questionnaire/unknown-question', file: QN, line: 149, col: 21, message: /recovery\.tracking/ } },
  { name: 'anonymous audit with fewer respondents than the minimum (warning)', overlay: { 'audits/acme/2026-q1/audit.yaml': { edit: (t) => `${t}anonymous: true\n` } },
    expect: { code: 'audit/too-few-respondents', file: 'audits/acme/2026-q1/audit.yaml', line: 6, col: 12, severity: 'warning', message: /2 respondents, fewer than 3: its report shows aggregates only/ } },
  { name: 'two gates with one id', overlay: { [QN]: { edit: (t) => `${t}  - id: no-tracking\n    name: { en: Again, zh: 再次 }\n    scope: recovery\n    cap: 30\n    when:\n      - { question: recovery.tracking, at-most: 0 }\n` } },
    expect: { code: 'questionnaire/duplicate-id', file: QN, line: 150, col: 9, message: /the gate id "no-tracking" is already used by gate 1 \(line 144\)/ } },
  { name: 'two consistency rules with one id', overlay: { [QN]: { edit: (t) => t.replace('benchmark:\n  questions:', '    - id: fast-but-untracked\n      message: { en: Again, zh: 再次 }\n      when:\n        - { question: recovery.tracking, at-most: 0 }\n        - { question: momentum.owner, at-most: 0 }\nbenchmark:\n  questions:') } },
    expect: { code: 'questionnaire/duplicate-id', file: QN, line: 99, col: 11, message: /the rule id "fast-but-untracked" is already used by rule 1 \(line 94\)/ } },
  { name: 'index counting a part with no questions', overlay: { [QN]: { edit: (t) => t.replace(/^benchmark:\n  questions:\n(    .*\n|      .*\n)*/m, '').replace('drivers:\n', 'index: { drivers: 3, benchmark: 1 }\ndrivers:\n') } },
    expect: { code: 'questionnaire/index-part', file: QN, line: 7, col: 33, message: /the index counts the benchmark part, but this questionnaire asks no benchmark questions/ } },
  { name: 'bands that do not start at 0', overlay: { [QN]: { edit: (t) => t.replace('drivers:\n', 'bands:\n  - { id: low, from: 10, name: { en: Low, zh: 低 }, meaning: { en: Low., zh: 低。 } }\n  - { id: high, from: 60, name: { en: High, zh: 高 }, meaning: { en: High., zh: 高。 } }\ndrivers:\n') } },
    expect: { code: 'questionnaire/bands-start', file: QN, line: 8, col: 22, message: /the first band must start at 0 \(it starts at 10\)/ } },
  { name: 'bands out of order', overlay: { [QN]: { edit: (t) => t.replace('drivers:\n', 'bands:\n  - { id: low, from: 0, name: { en: Low, zh: 低 }, meaning: { en: Low., zh: 低。 } }\n  - { id: high, from: 60, name: { en: High, zh: 高 }, meaning: { en: High., zh: 高。 } }\n  - { id: mid, from: 40, name: { en: Mid, zh: 中 }, meaning: { en: Mid., zh: 中。 } }\ndrivers:\n') } },
    expect: { code: 'questionnaire/bands-order', file: QN, line: 10, col: 22, message: /band "mid" starts at 40, not above the band before it \("high", from 60\)/ } },
  { name: 'gate on an unknown scope', overlay: { [QN]: { edit: (t) => t.replace('scope: recovery', 'scope: recover') } },
    expect: { code: 'questionnaire/unknown-scope', file: QN, line: 146, col: 12 } },
  { name: 'metric target on the wrong side of its floor', overlay: { [QN]: { edit: (t) => t.replace('target: 5\n', 'target: 500\n') } },
    expect: { code: 'questionnaire/metric-bounds', file: QN, line: 139, col: 15 } },
  { name: 'mapping from a version that does not exist', overlay: { [QN]: { edit: (t) => `${t}changes: { from: 0.9.0 }\n` } },
    expect: { code: 'questionnaire/unknown-version', file: QN, line: 150, col: 18 } },
  { name: 'scale with max below min', overlay: { [QN]: { edit: (t) => t.replace('scale: { min: 0, max: 4 }', 'scale: { min: 3, max: 2 }') } },
    expect: { code: 'questionnaire/bad-scale', file: QN, line: 5, col: 23 } },
  { name: 'benchmark target for an unknown question (warning)', overlay: { [BM]: { edit: (t) => `${t}  recovery.trakcing: { level: 4, reason: { en: x, zh: x } }\n` } },
    expect: { code: 'benchmark/unknown-question', file: BM, line: 16, col: 3, severity: 'warning' } },
  { name: 'benchmark without a target for a question (warning)', overlay: { [BM]: { edit: (t) => t.replace(/^  recovery\.first-response-minutes.*\n/m, '') } },
    expect: { code: 'benchmark/missing-target', file: BM, line: 7, col: 1, severity: 'warning' } },
  { name: 'benchmark level target for a metric', overlay: { [BM]: { edit: (t) => t.replace('{ value: 5,', '{ level: 4,') } },
    expect: { code: 'benchmark/wrong-kind', file: BM, line: 15, col: 36 } },
  { name: 'benchmark target off the scale', overlay: { [BM]: { edit: (t) => t.replace('momentum.owner: { level: 4', 'momentum.owner: { level: 9') } },
    expect: { code: 'benchmark/off-scale', file: BM, line: 8, col: 28 } },
  { name: 'benchmark version differs from its file name', overlay: { [BM]: { edit: (t) => t.replace('version: "2026.1"', 'version: "2026.2"') } },
    expect: { code: 'benchmark/path-mismatch', file: BM, line: 3, col: 10 } },
  { name: 'benchmark for a questionnaire that does not exist', overlay: { [BM]: { edit: (t) => t.replace('questionnaire: mini', 'questionnaire: maxi') } },
    expect: { code: 'ref/questionnaire', file: BM, line: 6, col: 16 } },
  { name: 'scenario with an unknown template', overlay: { 'audits/acme/2026-q3/scenarios.yaml': 'scenarios:\n  - id: s1\n    template: same-questoin\n    question: Is it covered?\n    observations:\n      - { channel: phone, outcome: yes, correct: true }\n' },
    expect: { code: 'scenarios/unknown-template', file: 'audits/acme/2026-q3/scenarios.yaml', line: 3, col: 15, message: /did you mean "same-question"/ } },
  { name: 'two scenarios with one id', overlay: { 'audits/acme/2026-q3/scenarios.yaml': 'scenarios:\n  - id: s1\n    question: A?\n    observations: [{ channel: phone, outcome: yes, correct: true }]\n  - id: s1\n    question: B?\n    observations: [{ channel: phone, outcome: yes, correct: true }]\n' },
    expect: { code: 'scenarios/duplicate-id', file: 'audits/acme/2026-q3/scenarios.yaml', line: 5, col: 9 } },
  { name: 'organisation target for an unknown driver', overlay: { 'audits/acme/org.yaml': 'name: Acme\nindustry: { id: retail, name: Retail }\nlocale: en\ntargets: { momentun: 3 }\n' },
    expect: { code: 'org/unknown-driver', file: 'audits/acme/org.yaml', line: 4, col: 12, message: /did you mean "momentum"/ } },
  { name: 'organisation target beyond the questionnaire scale', overlay: { 'audits/acme/org.yaml': 'name: Acme\nindustry: { id: retail, name: Retail }\nlocale: en\ntargets: { momentum: 4.5 }\n' },
    expect: { code: 'org/off-scale', file: 'audits/acme/org.yaml', line: 4, col: 22, message: /a level from 0 to 4/ } },
  { name: 'scenario quality beyond the questionnaire scale', overlay: { 'audits/acme/2026-q3/scenarios.yaml': 'scenarios:\n  - id: s1\n    question: A?\n    observations:\n      - { channel: phone, outcome: yes, correct: true, quality: 7 }\n' },
    expect: { code: 'scenarios/off-scale', file: 'audits/acme/2026-q3/scenarios.yaml', line: 5, col: 65, message: /from 0 to 4/ } },
  // --- facts (facts.yaml): measured metrics, one per metric
  { name: 'fact for an unknown metric', overlay: { [FACTS]: fact('recovery.first-response-minute', 90) },
    expect: { code: 'facts/unknown-metric', file: FACTS, line: 2, col: 13, message: /did you mean "recovery.first-response-minutes"/ } },
  { name: 'fact for a level question', overlay: { [FACTS]: fact('recovery.tracking', 2) },
    expect: { code: 'facts/not-a-metric', file: FACTS, line: 2, col: 13, message: /only a metric can have one \(this questionnaire's metrics: recovery.first-response-minutes\)/ } },
  { name: 'the same fact from two sources', overlay: { [FACTS]: `${fact('recovery.first-response-minutes', 90)}${fact('recovery.first-response-minutes', 40, 'report').replace('facts:\n', '')}` },
    expect: { code: 'facts/duplicate', file: FACTS, line: 7, col: 13, message: /already stated at line 2 \(90 from system\); this one says 40 from report/ } },
  { name: 'fact outside the metric\'s plausible range', overlay: { [FACTS]: fact('recovery.first-response-minutes', 200000) },
    expect: { code: 'facts/metric-range', file: FACTS, line: 3, col: 12 } },
  { name: 'fact with an unknown source kind', overlay: { [FACTS]: fact('recovery.first-response-minutes', 90, 'hearsay') },
    expect: { code: 'schema/enum', file: FACTS, line: 4, col: 13, message: /must be one of "system", "report"/ } },
  // --- the agreed action plan (actions.yaml) and effort sizes
  { name: 'action for an unknown question', overlay: { [PLAN]: 'actions:\n  - { question: momentum.ownr, owner: PMO, due: 2026-06-30, status: planned }\n' },
    expect: { code: 'actions/unknown-question', file: PLAN, line: 2, col: 17, message: /did you mean "momentum.owner"/ } },
  { name: 'two actions for one question', overlay: { [PLAN]: 'actions:\n  - { question: momentum.owner, owner: PMO, due: 2026-06-30, status: planned }\n  - { question: momentum.owner, owner: CEO, due: 2026-09-30, status: planned }\n' },
    expect: { code: 'actions/duplicate', file: PLAN, line: 3, col: 17, message: /already has an action at line 2/ } },
  { name: 'action with an empty owner (one text, or en + zh)', overlay: { [PLAN]: 'actions:\n  - { question: momentum.owner, owner: "", due: 2026-06-30, status: planned }\n' },
    expect: { code: 'schema/size', file: PLAN, line: 2, col: 40, message: /^"owner" must not be empty$/ } },
  { name: 'more facts than an audit takes', overlay: { [FACTS]: `facts:\n${'  - { metric: recovery.first-response-minutes, value: 1, source: system, owner: x, date: 2026-09-30 }\n'.repeat(501)}` },
    expect: { code: 'schema/size', file: FACTS, line: 2, col: 3, message: /at most 500 entries/ } },
  { name: 'action with an unknown status', overlay: { [PLAN]: 'actions:\n  - { question: momentum.owner, owner: PMO, due: 2026-06-30, status: started }\n' },
    expect: { code: 'schema/enum', file: PLAN, line: 2, col: 70 } },
  { name: 'efforts for more steps than a question has', overlay: { [QN]: { edit: (t) => t.replace('drivers:\n', 'effort: { S: 2, M: 10, L: 40 }\ndrivers:\n').replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        effort: [S, L]\n') } },
    expect: { code: 'questionnaire/effort-count', file: QN, line: 15, col: 17, message: /sizes 2 next steps; one size per level below the top is 4/ } },
  { name: 'efforts without the questionnaire\'s sizes', overlay: { [QN]: { edit: (t) => t.replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        effort: M\n') } },
    expect: { code: 'questionnaire/effort-without-sizes', file: QN, line: 14, col: 17, message: /declares no sizes/ } },
  // --- questions routed to groups of respondents
  { name: 'question routed to an undeclared group', overlay: { [QN]: { edit: (t) => t.replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        groups: [leadership]\n') } },
    expect: { code: 'questionnaire/unknown-group', file: QN, line: 14, col: 18, message: /declare it under "groups:"/ } },
  { name: 'respondent in a group the questionnaire does not have', overlay: { [CEO_Q3]: { edit: (t) => t.replace('name: Ada Chen }', 'name: Ada Chen, group: board }') } },
    expect: { code: 'respondent/unknown-group', file: CEO_Q3, line: 2, col: 70, message: /routes no questions to groups/ } },
  { name: 'answer to a question not asked of the respondent\'s group (warning)', overlay: {
    [QN]: { edit: (t) => t.replace('drivers:\n', 'groups:\n  - { id: leadership, name: { en: Leadership, zh: 管理层 } }\n  - { id: frontline, name: { en: Frontline, zh: 一线 } }\ndrivers:\n').replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        groups: [leadership]\n') },
    [CEO]: { edit: (t) => t.replace('name: Ada Chen }', 'name: Ada Chen, group: frontline }') } },
    expect: { code: 'answer/not-asked', file: CEO, line: 4, col: 3, severity: 'warning', message: /not counted/ } },
  // --- conditions of rules and gates
  { name: 'condition on both a question and an observation', overlay: { [QN]: { edit: (t) => t.replace('- { question: recovery.tracking, at-most: 1 }\n', '- { question: recovery.tracking, observed: luck, at-most: 1 }\n') } },
    expect: { code: 'questionnaire/condition-target', file: QN, line: 98, col: 11, message: /not both/ } },
  { name: 'condition without a test', overlay: { [QN]: { edit: (t) => t.replace('- { question: recovery.tracking, at-most: 1 }\n', '- { observed: luck }\n') } },
    expect: { code: 'questionnaire/condition-test', file: QN, line: 98, col: 11, message: /needs a test/ } },
  { name: 'rule that tests no answer', overlay: { [QN]: { edit: (t) => t.replace('        - { question: recovery.first-response-minutes, at-most: 10 }\n        - { question: recovery.tracking, at-most: 1 }\n', '        - { observed: correct, below: 90 }\n        - { observed: luck, above: 50 }\n') } },
    expect: { code: 'questionnaire/rule-without-answer', file: QN, line: 96, col: 7, message: /a test of the observations alone is a gate/ } },

  // --- consultant notes (notes.mdx): prose, never code (src/core/read/notes.ts)
  { name: 'notes that are not valid notes syntax', overlay: { [NOTES]: '# Notes\n\nHello {broken\n' },
    expect: { code: 'notes/syntax', file: NOTES, line: 3, col: 7, message: /^Unexpected end of file in expression/ } },
  { name: 'notes with an expression', overlay: { [NOTES]: '# Notes\n\nThe token is {process.env.GITHUB_TOKEN}.\n' },
    expect: { code: 'notes/expression', file: NOTES, line: 3, col: 14, message: /would run when the site is built/ } },
  { name: 'notes with an export', overlay: { [NOTES]: '# Notes\n\nexport const x = process.exit(1)\n' },
    expect: { code: 'notes/import-export', file: NOTES, line: 3, col: 1 } },
  { name: 'notes with raw HTML', overlay: { [NOTES]: 'Hello\n\n<script>alert(1)</script>\n' },
    expect: { code: 'notes/raw-html', file: NOTES, line: 3, col: 1, message: /<script>/ } },
  { name: 'notes with a javascript: link', overlay: { [NOTES]: 'See [the playbook](JaVaScRiPt:alert(1)).\n' },
    expect: { code: 'notes/unsafe-link', file: NOTES, line: 1, col: 5, message: /"javascript:"/ } },
  { name: 'notes with a component they cannot use', overlay: { [NOTES]: 'Text\n\n<DriverCharts driver="momentum" />\n' },
    expect: { code: 'notes/unknown-component', file: NOTES, line: 3, col: 1, message: /did you mean "DriverChart"/ } },
  { name: 'notes with an attribute a component does not take', overlay: { [NOTES]: 'Text <Score driver="momentum" onClick="alert(1)" /> here\n' },
    expect: { code: 'notes/bad-attribute', file: NOTES, line: 1, col: 6, message: /"onClick"/ } },
  { name: 'notes with a component naming an unknown driver', overlay: { [NOTES]: 'Text\n\n<DriverChart driver="momentun" />\n' },
    expect: { code: 'notes/unknown-driver', file: NOTES, line: 3, col: 1, message: /did you mean "momentum"/ } },
  { name: 'notes nested too deep to read', overlay: { [NOTES]: `# Notes\n\n${'> '.repeat(100)}deep\n` },
    expect: { code: 'notes/too-complex', file: NOTES, line: 3, col: 1, message: /more than 16 quote or list markers/ } },
  { name: 'notes of an anonymous audit naming a role one person holds (warning)',
    overlay: { [`${Q1}/audit.yaml`]: { edit: (t) => `${t}anonymous: true\n` }, [`${Q1}/notes.mdx`]: '## Q1\n\nThe chief executive scored reliability 4.\n' },
    expect: { code: 'notes/names-small-role', file: `${Q1}/notes.mdx`, line: 3, col: 5, severity: 'warning', message: /"Chief executive"/ } },
];

