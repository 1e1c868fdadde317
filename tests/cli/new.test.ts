import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { hasStackTrace, removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';
import { treeHash } from './tree-hash.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

function minimal(): string {
  const root = workspaceFrom('minimal');
  created.push(root);
  return root;
}

const PERIOD = ['--period', '2026-10-01..2026-12-31'];
const Q4 = 'audits/acme/2026-q4';

/** Fills every blank answer of a scaffolded response: level 2, or 30 for the metric. */
function answerAll(file: string): void {
  const text = readFileSync(file, 'utf8').replace(/^ {2}([a-z0-9.-]+):$/gm, (_, id: string) => `  ${id}: ${id === 'recovery.first-response-minutes' ? 30 : 2}`);
  writeFileSync(file, text);
}

describe('touchstone new', () => {
  it('writes a hostile role as text: quotes, a colon, a hash, a line break and U+2028 cannot add a key', () => {
    const root = minimal();
    const role = 'Head "of" ops: #1\nrole: evil \u2028 — 总经理';
    const made = touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', `gm=${role}`]);
    expect(made.status).toBe(0);
    const gm = parse(readFileSync(join(root, Q4, 'responses/gm.yaml'), 'utf8'));
    expect(gm.respondent).toEqual({ id: 'gm', role });
    expect(Object.keys(gm)).toEqual(['respondent', 'answers']);
    expect(touchstone(['validate', '--root', root]).status).toBe(0);
  });

  it('scaffolds an audit whose blank answers validate as "unanswered", then cleanly once answered', () => {
    const root = minimal();
    const made = touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', 'ceo', '--respondent', 'cfo=Finance director']);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain(`created ${Q4}/audit.yaml`);
    expect(readdirSync(join(root, Q4, 'responses')).sort()).toEqual(['ceo.yaml', 'cfo.yaml']);

    const audit = parse(readFileSync(join(root, Q4, 'audit.yaml'), 'utf8'));
    expect(audit).toEqual({ questionnaire: 'mini@1.0.0', benchmark: 'best-in-class@2026.1', period: { start: '2026-10-01', end: '2026-12-31' }, status: 'draft' });
    const cfo = parse(readFileSync(join(root, Q4, 'responses/cfo.yaml'), 'utf8'));
    expect(cfo.respondent).toEqual({ id: 'cfo', role: 'Finance director' });
    expect(Object.keys(cfo.answers)).toHaveLength(8);
    expect(Object.values(cfo.answers).every((v) => v === null)).toBe(true);

    const blank = touchstone(['validate', '--root', root]);
    expect(blank.status).toBe(0);
    expect(blank.stdout).not.toContain(': error ');
    for (const who of ['ceo', 'cfo']) {
      expect(blank.stdout).toMatch(new RegExp(`^${Q4}/responses/${who}\\.yaml:\\d+:\\d+: warning answer/unanswered: 8 of 8 questions not answered yet`, 'm'));
    }

    for (const who of ['ceo', 'cfo']) answerAll(join(root, Q4, 'responses', `${who}.yaml`));
    const answered = touchstone(['validate', '--root', root]);
    expect(answered.stdout).toBe('');
    expect(answered.status).toBe(0);
    const score = touchstone(['score', 'acme/2026-q4', '--root', root, '--json']);
    expect(score.status).toBe(0);
    expect(JSON.parse(score.stdout).respondents).toBe(2);
  });

  it('writes the schema modeline first, pointing at a schema that exists', () => {
    const root = minimal();
    expect(touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', 'ceo']).status).toBe(0);
    for (const [file, schema] of [[`${Q4}/audit.yaml`, 'audit.schema.json'], [`${Q4}/responses/ceo.yaml`, 'response.schema.json']]) {
      const first = readFileSync(join(root, file), 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, first).not.toBeNull();
      expect(m![1].endsWith(`schemas/${schema}`)).toBe(true);
      expect(existsSync(resolve(dirname(join(root, file)), m![1])), m![1]).toBe(true);
    }
  });

  it('gives files an editor (yaml-language-server, through the modeline) finds no problem in, blank or carried over', async () => {
    const root = minimal();
    expect(touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--from', '2026-q3', '--respondent', 'ceo', '--respondent', 'cfo=Finance']).status).toBe(0);
    const ls = getLanguageService({
      schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
      workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
    });
    ls.configure({ validate: true, yamlVersion: '1.2' });
    let n = 0;
    for (const file of ['audit.yaml', 'responses/ceo.yaml', 'responses/cfo.yaml']) {
      const path = join(root, Q4, file);
      const doc = TextDocument.create(pathToFileURL(path).href, 'yaml', ++n, readFileSync(path, 'utf8'));
      const diagnostics = await ls.doValidation(doc, false);
      expect(diagnostics.map((d) => d.message), file).toEqual([]);
    }
  });

  it('points the modeline at node_modules/@touchstone-cx/touchstone/schemas when the workspace installs touchstone', () => {
    const root = workspaceFrom('minimal', { 'node_modules/@touchstone-cx/touchstone/schemas/response.schema.json': '{}' });
    created.push(root);
    expect(touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', 'ceo']).status).toBe(0);
    const first = readFileSync(join(root, Q4, 'responses/ceo.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../../../node_modules/@touchstone-cx/touchstone/schemas/response.schema.json');
  });

  it('writes every question with its text and level descriptions as comments (English by default for an en org)', () => {
    const root = minimal();
    touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', 'ceo']);
    const text = readFileSync(join(root, Q4, 'responses/ceo.yaml'), 'utf8');
    expect(text).toContain('# momentum.owner: Does every change have a named owner?');
    expect(text).toContain('#   4 = Owners with budgets and deadlines');
    expect(text).toMatch(/# reliability\.stores:[^\n]*\n(?:\s+#[^\n]*\n)*\s+#\s+n\/a allowed\./);
    expect(text).toMatch(/Metric in minutes: lower is better; 5 scores 100, 125 scores 0/);
    expect(text).toMatch(/^ {2}momentum\.owner:$/m);
    expect(text).not.toContain('每项改进');
  });

  it('writes the comments in Chinese with --lang zh', () => {
    const root = minimal();
    expect(touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', 'ceo', '--lang', 'zh']).status).toBe(0);
    const text = readFileSync(join(root, Q4, 'responses/ceo.yaml'), 'utf8');
    expect(text).toContain('# momentum.owner: 每项改进都有明确的负责人吗？');
    expect(text).toContain('#   4 = 负责人有预算和期限');
    expect(text).toContain('可以填 n/a。');
    expect(text).toContain('越低越好');
    // The questionnaire names no part: the heading is the catalogue's word for it.
    expect(text).toContain('  # === 一致性 ===');
    expect(text).not.toContain('Does every change have a named owner?');
    expect(touchstone(['validate', '--root', root]).status).toBe(0);
  });

  it('carries over from a version named like a number (2026), and validate accepts the file it wrote', () => {
    const root = minimal();
    expect(touchstone(['new', 'acme/2026', '--root', root, ...PERIOD, '--from', '2026-q3']).status).toBe(0);
    expect(touchstone(['new', 'acme/2027', '--root', root, ...PERIOD, '--from', '2026']).status).toBe(0);
    const ceo = parse(readFileSync(join(root, 'audits/acme/2027/responses/ceo.yaml'), 'utf8'));
    expect(ceo['carried-over-from']).toBe('2026');
    const validate = touchstone(['validate', '--root', root]);
    expect(validate.status, validate.stdout).toBe(0);
  });

  it('carries answers over with --from, marked carried-over, keeping comments and evidence', () => {
    const root = minimal();
    const made = touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--from', '2026-q3']);
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('carried over 16 answer(s) from acme/2026-q3');
    expect(readdirSync(join(root, Q4, 'responses')).sort()).toEqual(['ceo.yaml', 'store-ops.yaml']);
    const ceo = parse(readFileSync(join(root, Q4, 'responses/ceo.yaml'), 'utf8'));
    expect(ceo['carried-over-from']).toBe('2026-q3');
    expect(ceo.respondent).toEqual({ id: 'ceo', role: 'Chief executive', name: 'Ada Chen' });
    expect(ceo.answers['momentum.owner']).toEqual({
      level: 4, 'carried-over': true, comment: 'Every project now has an owner / 每个项目都有负责人',
      evidence: [{ link: 'https://intranet.example/owners', date: '2026-08-01', 'reviewed-by': 'pmo' }],
    });
    expect(ceo.answers['momentum.act-now']).toEqual({ level: 3, 'carried-over': true });
    expect(ceo.answers['reliability.stores']).toEqual({ level: 'n/a', 'carried-over': true });
    expect(ceo.answers['recovery.first-response-minutes']).toEqual({ value: 20, 'carried-over': true, comment: 'measured in August' });
    expect(readFileSync(join(root, Q4, 'audit.yaml'), 'utf8')).toContain('pre-filled from 2026-q3');

    const validate = touchstone(['validate', '--root', root]);
    expect(validate.stdout).toBe('');
    expect(validate.status).toBe(0);
    const score = JSON.parse(touchstone(['score', 'acme/2026-q4', '--root', root, '--json']).stdout);
    const trace = score.drivers[0].questions[0].answers.find((a: { respondent: string }) => a.respondent === 'ceo');
    expect(trace.carriedOver).toBe(true);
  });

  it('scaffolds each respondent only the questions routed to their group (--group), and keeps it with --from', () => {
    const root = minimal();
    const bank = join(root, 'questionnaires/mini/1.0.0.yaml');
    writeFileSync(bank, readFileSync(bank, 'utf8')
      .replace('drivers:\n', 'groups:\n  - { id: leadership, name: { en: Leadership, zh: 管理层 } }\n  - { id: frontline, name: { en: Frontline, zh: 一线 } }\ndrivers:\n')
      .replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        groups: [leadership]\n'));
    const made = touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--respondent', 'ceo=Chief executive', '--respondent', 'clerk=Store clerk',
      '--group', 'ceo=leadership', '--group', 'clerk=frontline']);
    expect(made.status, made.stderr).toBe(0);
    const ceo = readFileSync(join(root, Q4, 'responses/ceo.yaml'), 'utf8');
    const clerk = readFileSync(join(root, Q4, 'responses/clerk.yaml'), 'utf8');
    expect(parse(ceo).respondent).toEqual({ id: 'ceo', role: 'Chief executive', group: 'leadership' });
    expect(Object.keys(parse(ceo).answers)).toContain('momentum.owner');
    expect(Object.keys(parse(clerk).answers)).not.toContain('momentum.owner');
    expect(Object.keys(parse(clerk).answers)).toContain('momentum.act-now');
    expect(clerk).toContain('# You answer as Frontline: only the questions asked of that group are listed here.');
    // The blank files validate, each counting only what it is asked.
    const validate = touchstone(['validate', '--root', root, '--format', 'json']);
    const unanswered = (JSON.parse(validate.stdout) as { file: string; code: string; message: string }[]).filter((d) => d.code === 'answer/unanswered');
    expect(unanswered.find((d) => d.file.endsWith('2026-q4/responses/clerk.yaml'))!.message).toMatch(/^7 of 7 questions not answered yet/);
    expect(unanswered.find((d) => d.file.endsWith('2026-q4/responses/ceo.yaml'))!.message).toMatch(/^8 of 8 questions/);
    // A group the questionnaire does not have is a usage error, and nothing is written.
    const bad = touchstone(['new', 'acme/2026-q9', '--root', root, ...PERIOD, '--respondent', 'ceo', '--group', 'ceo=board']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"board" is not one of them');
    expect(existsSync(join(root, 'audits/acme/2026-q9'))).toBe(false);
    const twice = touchstone(['new', 'acme/2026-q9', '--root', root, ...PERIOD, '--respondent', 'ceo', '--group', 'ceo=leadership', '--group', 'ceo=frontline']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('--group: "ceo" is given twice');
    expect(hasStackTrace(twice.stdout + twice.stderr)).toBe(false);
    expect(existsSync(join(root, 'audits/acme/2026-q9'))).toBe(false);
  });

  it('carries the actions still open with --from, for the workshop to update', () => {
    const root = minimal();
    writeFileSync(join(root, 'audits/acme/2026-q3/actions.yaml'), 'actions:\n'
      + '  - { question: momentum.owner, owner: PMO lead, due: 2026-09-30, status: done }\n'
      + '  - { question: reliability.same-answer, owner: { en: "Head of service: ops", zh: 服务负责人 }, due: 2026-12-31, status: in-progress, step: "Write answers down", note: "two of ten done" }\n'
      + '  - { question: recovery.tracking, owner: "IT \\"desk\\"", due: 2027-03-31, status: planned }\n'
      + '  - { question: benchmark.caller-recognition, owner: CX lead, due: 2026-12-31, status: dropped }\n');
    const made = touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--from', '2026-q3']);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain(`created ${Q4}/actions.yaml (the actions still open in 2026-q3: update their status)`);
    const text = readFileSync(join(root, Q4, 'actions.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*actions\.schema\.json$/);
    expect(parse(text)).toEqual({ actions: [
      { question: 'reliability.same-answer', owner: { en: 'Head of service: ops', zh: '服务负责人' }, due: '2026-12-31', status: 'in-progress', step: 'Write answers down', note: 'two of ten done' },
      { question: 'recovery.tracking', owner: 'IT "desk"', due: '2027-03-31', status: 'planned' },
    ] });
    const validate = touchstone(['validate', '--root', root]);
    expect(validate.stdout).toBe('');
    expect(validate.status).toBe(0);
    // Nothing open: no file.
    const none = minimal();
    writeFileSync(join(none, 'audits/acme/2026-q3/actions.yaml'), 'actions:\n  - { question: momentum.owner, owner: PMO lead, due: 2026-09-30, status: done }\n');
    expect(touchstone(['new', 'acme/2026-q4', '--root', none, ...PERIOD, '--from', '2026-q3']).status).toBe(0);
    expect(existsSync(join(none, Q4, 'actions.yaml'))).toBe(false);
  });

  it('leaves a respondent who is new since --from blank, and adds to the previous respondents only those named', () => {
    const root = minimal();
    expect(touchstone(['new', 'acme/2026-q4', '--root', root, ...PERIOD, '--from', '2026-q3', '--respondent', 'ceo', '--respondent', 'cfo=Finance']).status).toBe(0);
    expect(readdirSync(join(root, Q4, 'responses')).sort()).toEqual(['ceo.yaml', 'cfo.yaml']);
    const cfo = parse(readFileSync(join(root, Q4, 'responses/cfo.yaml'), 'utf8'));
    expect(cfo['carried-over-from']).toBeUndefined();
    expect(Object.values(cfo.answers).every((v) => v === null)).toBe(true);
  });

  it('never overwrites: an existing audit folder stops it with exit 1, naming the path, and no byte changes', () => {
    const root = minimal();
    const before = treeHash(root);
    const result = touchstone(['new', 'acme/2026-q3', '--root', root, ...PERIOD, '--respondent', 'ceo']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('audits/acme/2026-q3 already exists');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(treeHash(root)).toBe(before);
  });

  it('creates org.yaml for a new organisation, and the result validates', () => {
    const root = minimal();
    const result = touchstone(['new', 'beta-bank/2026-h2', '--root', root, '--period', '2026-07-01..2026-12-31', '--respondent', 'ops',
      '--name', 'Beta Bank', '--industry', 'banking', '--locale', 'zh']);
    expect(result.status).toBe(0);
    const org = parse(readFileSync(join(root, 'audits/beta-bank/org.yaml'), 'utf8'));
    expect(org).toEqual({ name: 'Beta Bank', industry: { id: 'banking', name: 'banking' }, locale: 'zh' });
    // A new zh organisation gets Chinese comments by default.
    expect(readFileSync(join(root, 'audits/beta-bank/2026-h2/responses/ops.yaml'), 'utf8')).toContain('每项改进都有明确的负责人吗？');
    const validate = touchstone(['validate', '--root', root]);
    expect(validate.status).toBe(0);
    expect(validate.stdout).not.toContain(': error ');
    // No temporary folder is left behind.
    expect(readdirSync(join(root, 'audits')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('carries answers across questionnaire versions through the declared renames', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'touchstone-new-')), 'ws');
    created.push(dirname(dir));
    expect(touchstone(['init', dir]).status).toBe(0);
    const old = touchstone(['new', 'example-retail/2025-h2', '--root', dir, '--period', '2025-07-01..2025-12-31',
      '--respondent', 'ceo', '--questionnaire', 'cx-core@1.0.0']);
    expect(old.status).toBe(0);
    const file = join(dir, 'audits/example-retail/2025-h2/responses/ceo.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}insight\.iceberg-probing:$/m, '  insight.iceberg-probing: 3'));
    const next = touchstone(['new', 'example-retail/2026-h2', '--root', dir, '--period', '2026-07-01..2026-12-31', '--from', '2025-h2']);
    expect(next.status).toBe(0);
    const audit = parse(readFileSync(join(dir, 'audits/example-retail/2026-h2/audit.yaml'), 'utf8'));
    expect(audit.questionnaire).toBe('cx-core@1.2.0');
    const ceo = parse(readFileSync(join(dir, 'audits/example-retail/2026-h2/responses/ceo.yaml'), 'utf8'));
    expect(ceo.answers['insight.unspoken-needs']).toEqual({ level: 3, 'carried-over': true });
    expect('insight.iceberg-probing' in ceo.answers).toBe(false);
    expect(touchstone(['validate', '--root', dir]).status).toBe(0);
  });

  it('explains a write failure (here: a file where the organisation folder should be) without a stack trace', () => {
    const root = workspaceFrom('minimal', { 'audits/newco': 'not a folder' });
    created.push(root);
    const before = treeHash(root);
    const result = touchstone(['new', 'newco/2026-q4', '--root', root, ...PERIOD, '--respondent', 'a']);
    expect(result.stderr).toMatch(/could not write audits\/newco\/2026-q4: E[A-Z]+/);
    expect(result.status).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(treeHash(root)).toBe(before);
  });

  describe('bad input', () => {
    const cases: [string, string[], number, RegExp][] = [
      ['upper-case org', ['new', 'Acme/2026-q4', ...PERIOD, '--respondent', 'a'], 2, /organisation "Acme" must use only lower-case/],
      ['underscore version', ['new', 'acme/2026_q4', ...PERIOD, '--respondent', 'a'], 2, /version "2026_q4" must use only lower-case/],
      ['no version', ['new', 'acme', ...PERIOD, '--respondent', 'a'], 2, /expected <org>\/<version>/],
      ['path traversal', ['new', '../acme/x', ...PERIOD, '--respondent', 'a'], 2, /expected <org>\/<version>/],
      ['missing period', ['new', 'acme/2026-q4', '--respondent', 'a'], 2, /--period START\.\.END/],
      ['bad date', ['new', 'acme/2026-q4', '--period', '2026-02-30..2026-03-31', '--respondent', 'a'], 2, /"2026-02-30" is not a date/],
      ['period backwards', ['new', 'acme/2026-q4', '--period', '2026-12-31..2026-10-01', '--respondent', 'a'], 2, /ends \(2026-10-01\) before it starts/],
      ['no respondent', ['new', 'acme/2026-q4', ...PERIOD], 2, /name at least one respondent/],
      ['bad respondent id', ['new', 'acme/2026-q4', ...PERIOD, '--respondent', 'Store Ops'], 2, /--respondent: "Store Ops" must use only/],
      ['duplicate respondent', ['new', 'acme/2026-q4', ...PERIOD, '--respondent', 'a', '--respondent', 'a'], 2, /"a" is given twice/],
      ['unknown org with --from', ['new', 'acmee/2026-q4', ...PERIOD, '--from', '2026-q3'], 2, /no organisation "acmee".*acme/],
      ['unknown --from version', ['new', 'acme/2026-q4', ...PERIOD, '--from', '2025-q9'], 2, /"acme" has no audit version "2025-q9"; it has: 2026-q1, 2026-q3/],
      ['unknown questionnaire', ['new', 'acme/2026-q4', ...PERIOD, '--respondent', 'a', '--questionnaire', 'mini@9.0.0'], 2, /no questionnaire "mini@9\.0\.0"; the workspace has: mini@1\.0\.0/],
    ];
    for (const [name, args, code, message] of cases) {
      it(`${name}: exit ${code}, a clear message, nothing written`, () => {
        const root = minimal();
        const before = treeHash(root);
        const result = touchstone([...args, '--root', root]);
        expect(result.stderr).toMatch(message);
        expect(result.status).toBe(code);
        expect(hasStackTrace(result.stderr)).toBe(false);
        expect(treeHash(root)).toBe(before);
      });
    }
  });
});
