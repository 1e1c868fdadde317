import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import {
  auditYaml, EXAMPLE_RESPONDENTS, exampleAnswers, INSTALLED_SCHEMAS, latestKey, modeline, orgYaml,
  outsideWorkspace, PACKAGE_NAME, printable, responseYaml, validateWorkspace, type QuestionnaireFile,
  type QuestionnaireModel,
} from '../../core/index.ts';
import type { CommandContext } from '../context.ts';
import { UsageError, UserError } from '../output.ts';
import { exists, explainWriteError, PACKAGE_DIR, schemaRef, writeFileAtomically } from '../scaffold-files.ts';
import { wording } from '../text.ts';

/** The bundled content a new workspace starts from (paths inside this package). */
const BUNDLED = ['questionnaires/cx-core', 'benchmarks/best-in-class'];
const WORKFLOW = 'examples/github-workflow.yml';
const SCHEMAS = INSTALLED_SCHEMAS;

const EXAMPLE = { org: 'example-retail', version: '2026-h1', period: { start: '2026-01-01', end: '2026-06-30' }, label: 'H1 2026' };

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('start a workspace repository for your own audits in DIR (default: the current folder)')
    .argument('[dir]', 'the folder to set up (created when missing)', '.')
    .option('--from-checkout', 'depend on this Touchstone checkout, packed into vendor/ (commit it), instead of the published package')
    .action((dirArg: string, options: { fromCheckout?: boolean }) => {
      const dir = resolve(dirArg);
      if (exists(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dirArg} is a file, not a folder`);
      const entries = existsSync(dir) ? readdirSync(dir).filter((n) => n !== '.git') : [];
      const isWorkspace = ['questionnaires', 'audits', 'touchstone.yaml'].some((n) => entries.includes(n));
      if (entries.length > 0 && !isWorkspace) {
        throw new UserError(`${dirArg} is not empty and is not a Touchstone workspace (no questionnaires/, audits/ or touchstone.yaml); nothing was written. Run touchstone init in an empty folder.`);
      }
      const files = plan(dir, options.fromCheckout === true, isWorkspace);
      // An existing workspace is written to only where `validate` would read: never through a link out of it.
      if (existsSync(dir)) {
        for (const rel of Object.keys(files)) {
          const outside = outsideWorkspace(dir, join(dir, rel));
          if (outside) throw new UserError(`${rel}: ${outside}, where touchstone validate does not read; nothing was written`);
        }
      }
      const created: string[] = [];
      const kept: string[] = [];
      try {
        mkdirSync(dir, { recursive: true });
        if (options.fromCheckout) created.push(packCheckout(dir));
        for (const [rel, text] of Object.entries(files)) {
          const target = join(dir, rel);
          if (exists(target)) {
            kept.push(rel);
            continue;
          }
          writeFileAtomically(target, text);
          created.push(rel);
        }
      } catch (error) {
        explainWriteError(error, dirArg);
      }
      const out: string[] = [];
      for (const rel of created) out.push(`created ${rel}`);
      if (kept.length) out.push(`kept ${kept.length} existing file(s) as they are: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ' …' : ''}`);
      if (created.length === 0) out.push('nothing to add: the workspace already has every file init would create');
      const cd = relative(process.cwd(), dir);
      out.push('', 'Next:');
      const shown = cd.startsWith('..') ? dir : cd;
      if (cd !== '') out.push(`  cd ${shown.includes(' ') ? JSON.stringify(shown) : shown}`);
      out.push('  npm install', '  npx touchstone validate', '  npx touchstone build');
      process.stdout.write(`${out.join('\n')}\n`);
      context.exitCode = 0;
    });
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The tarball `npm pack` makes of this package, in vendor/ (see packCheckout). */
const vendoredTarball = () => `vendor/${PACKAGE_NAME.replace(/^@/, '').replace('/', '-')}-${packageVersion()}.tgz`;

function packageSpec(fromCheckout: boolean): string {
  if (fromCheckout) return `file:${vendoredTarball()}`;
  return process.env.TOUCHSTONE_PACKAGE_SPEC || `^${packageVersion()}`;
}

/**
 * `--from-checkout`: this checkout, packed (`npm pack`, which compiles it to JavaScript) into the
 * new workspace's vendor/ folder and referenced relatively, so that the repository's CI installs
 * it as any clone does, with the other dependencies from the registry.
 */
function packCheckout(dir: string): string {
  const vendor = join(dir, 'vendor');
  mkdirSync(vendor, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(npm, ['pack', '--json', '--pack-destination', vendor], { cwd: PACKAGE_DIR, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  const fail = (why: string) => new UserError(`--from-checkout: npm pack in ${PACKAGE_DIR} failed: ${why}`);
  if (packed.status !== 0) throw fail((packed.stderr || packed.stdout || String(packed.error)).trim().split('\n').slice(-3).join(' '));
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string }[];
  if (`vendor/${basename(filename)}` !== vendoredTarball()) throw fail(`it made ${filename}, not ${vendoredTarball()}`);
  return vendoredTarball();
}

/** Every file init would write, relative to the workspace; existing ones are skipped by the caller. */
function plan(dir: string, fromCheckout: boolean, isWorkspace: boolean): Record<string, string> {
  const files: Record<string, string> = {};
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'cx-audits';
  files['package.json'] = `${JSON.stringify({
    name,
    private: true,
    description: 'Customer-experience audits, validated, scored and published with Touchstone.',
    type: 'module',
    scripts: { validate: 'touchstone validate', check: 'touchstone check', build: 'touchstone build', dev: 'touchstone dev' },
    engines: { node: '>=22.12' },
    dependencies: { [PACKAGE_NAME]: packageSpec(fromCheckout) },
    // The npm registry's `node` package: npm scripts and npx run on Node 24 even where the
    // machine's own Node is older (as Touchstone's own repository does).
    devDependencies: { node: '^24' },
  }, null, 2)}\n`;
  files['.nvmrc'] = '24\n';
  files['.gitignore'] = 'node_modules/\ndist/\n.astro/\n';

  // A workspace with a bank of its own keeps it alone: the bundled bank would show on its site
  // beside the client's, and the bundled profile would refer to a bank it does not have.
  const ownBank = hasYaml(join(dir, 'questionnaires'));
  for (const folder of BUNDLED) {
    if (ownBank || hasYaml(join(dir, folder.split('/')[0]))) continue;
    const source = join(PACKAGE_DIR, folder);
    for (const file of readdirSync(source).filter((f) => f.endsWith('.yaml')).sort()) {
      const rel = `${folder}/${file}`;
      const schema = folder.startsWith('questionnaires') ? 'questionnaire.schema.json' : 'benchmark.schema.json';
      files[rel] = withModeline(readFileSync(join(source, file), 'utf8'), schemaRef(join(dir, rel), join(dir, SCHEMAS), schema));
    }
  }

  const hasOrgs = existsSync(join(dir, 'audits')) && readdirSync(join(dir, 'audits')).some((n) => !n.startsWith('.'));
  const bank = scoringBank(dir);
  if (!isWorkspace || !hasOrgs) Object.assign(files, exampleOrg(dir, bank) ?? {});

  files['touchstone.yaml'] = settingsYaml(bank?.q.data);

  files['.vscode/settings.json'] = `${JSON.stringify({
    'yaml.schemas': {
      [`./${SCHEMAS}/questionnaire.schema.json`]: ['questionnaires/**/*.yaml'],
      [`./${SCHEMAS}/benchmark.schema.json`]: ['benchmarks/**/*.yaml'],
      [`./${SCHEMAS}/org.schema.json`]: ['audits/*/org.yaml'],
      [`./${SCHEMAS}/audit.schema.json`]: ['audits/*/*/audit.yaml'],
      [`./${SCHEMAS}/response.schema.json`]: ['audits/*/*/responses/*.yaml'],
      [`./${SCHEMAS}/scenarios.schema.json`]: ['audits/*/*/scenarios.yaml'],
      [`./${SCHEMAS}/facts.schema.json`]: ['audits/*/*/facts.yaml'],
      [`./${SCHEMAS}/actions.schema.json`]: ['audits/*/*/actions.yaml'],
      [`./${SCHEMAS}/workspace.schema.json`]: ['touchstone.yaml'],
    },
  }, null, 2)}\n`;
  files['.github/workflows/touchstone.yml'] = readFileSync(join(PACKAGE_DIR, WORKFLOW), 'utf8');
  return files;
}

interface Bank { q: QuestionnaireModel; benchmark: string | undefined }

/**
 * The question bank the workspace will score with, read once for the example audit and the example
 * assertions: the latest version of its first questionnaire (its own, when the folder has one, else
 * the bundled one from this package, not copied in yet) and the latest profile for it. Undefined when
 * its own bank does not load: validate then says why, and only assertions that name no driver are written.
 */
function scoringBank(dir: string): Bank | undefined {
  const own = hasYaml(join(dir, 'questionnaires'));
  let ws;
  if (own) ws = validateWorkspace(dir).workspace;
  else {
    const temp = mkdtempSync(join(tmpdir(), 'touchstone-init-'));
    try {
      for (const folder of BUNDLED) cpSync(join(PACKAGE_DIR, folder), join(temp, folder), { recursive: true });
      ws = validateWorkspace(temp).workspace;
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  const ids = [...new Set([...ws.questionnaires.values()].map((x) => x.data.id))].sort();
  const qKey = ids.length ? latestKey(ws.questionnaires.keys(), ids[0]!) : undefined;
  if (!qKey) {
    if (own) return undefined;
    throw new UserError('the bundled questionnaire did not load; this Touchstone installation is damaged');
  }
  const q = ws.questionnaires.get(qKey)!;
  const profiles = [...ws.benchmarks.values()].filter((b) => b.data.questionnaire === q.data.id).map((b) => b.key).sort();
  const benchmark = profiles.length ? latestKey(profiles, profiles[0]!.split('@')[0]!) : undefined;
  if (!benchmark && !own) throw new UserError('the bundled benchmark profile did not load; this Touchstone installation is damaged');
  return { q, benchmark };
}

/** touchstone.yaml with example assertions written from the bank: its drivers, its parts, its gates. */
function settingsYaml(bank: QuestionnaireFile | undefined): string {
  const drivers = (bank?.drivers ?? []).filter((d) => typeof d?.id === 'string');
  const parts = (['recovery', 'consistency', 'benchmark'] as const).filter((p) => bank?.[p]);
  const metrics = ['index', ...(drivers.length ? [`a driver id (${drivers.slice(0, 3).map((d) => d.id).join(', ')}${drivers.length > 3 ? ', …' : ''})`] : []), ...parts, ...(bank?.gates?.length ? ['gates'] : [])];
  const driver = drivers[0];
  const name = driver && (typeof driver.name === 'string' ? driver.name : driver.name?.en);
  return [
    modeline(`./${SCHEMAS}/workspace.schema.json`),
    '# Workspace settings. `npx touchstone check` evaluates the assertions below, in the manner of',
    '# Lighthouse CI: each against the latest audit of every organisation (or only `org`), and',
    '# `max-drop` against the organisation\'s previous audit. A failed `error` fails the check',
    '# (exit 1, a red CI run); a failed `warn` is only printed.',
    `#   metric: ${metrics.join(', ')}`,
    'title: { en: Customer-experience audits, zh: 客户体验评估 }',
    'default-locale: en',
    'assertions:',
    '  # The headline number never falls below 40.',
    '  - { id: index-floor, level: error, metric: index, min: 40 }',
    '  # No audit loses more than 5 index points against the previous one.',
    '  - { id: index-no-big-drop, level: error, metric: index, max-drop: 5 }',
    ...(driver ? [
      `  # ${printable(String(name ?? driver.id)).replace(/\s+/g, ' ')}: a warning when this driver scores below 60.`,
      `  - { id: ${driver.id}-floor, level: warn, metric: ${driver.id}, min: 60 }`,
    ] : []),
    ...(bank?.gates?.length ? [
      '  # Every gate of the questionnaire passes.',
      '  - { id: all-gates-pass, level: warn, metric: gates, all-pass: true }',
    ] : []),
    '',
  ].join('\n');
}

/** Whether a folder holds any YAML file, at any depth. */
function hasYaml(folder: string): boolean {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return false;
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.yaml'));
}

function withModeline(text: string, schemaPath: string): string {
  const line = modeline(schemaPath);
  return /^# yaml-language-server: \$schema=.*$/m.test(text.split('\n')[0]) ? text.replace(/^.*$/m, line) : `${line}\n${text}`;
}

/** The example organisation: one complete, answered audit on the bank the workspace scores with. */
function exampleOrg(dir: string, bank: Bank | undefined): Record<string, string> | undefined {
  // Without a profile for its own bank there is no audit to write: validate says what is missing.
  if (!bank?.benchmark) return undefined;
  const { q, benchmark: bKey } = bank;
  const qKey = q.key;
  const { org, version } = EXAMPLE;
  const base = `audits/${org}`;
  const at = (rel: string) => join(dir, rel);
  const files: Record<string, string> = {};
  files[`${base}/org.yaml`] = orgYaml({
    schemaPath: schemaRef(at(`${base}/org.yaml`), join(dir, SCHEMAS), 'org.schema.json'),
    name: 'Example Retail', industry: { id: 'retail', name: 'Retail' }, locale: 'en', words: wording('en'),
  }).replace('name: Example Retail', 'name: { en: Example Retail, zh: 示例零售 }')
    .replace('name: Retail }', 'name: { en: Retail, zh: 零售 } }');
  files[`${base}/${version}/audit.yaml`] = auditYaml({
    schemaPath: schemaRef(at(`${base}/${version}/audit.yaml`), join(dir, SCHEMAS), 'audit.schema.json'),
    org, version, questionnaire: qKey, benchmark: bKey, period: EXAMPLE.period, label: EXAMPLE.label, words: wording('en'),
  });
  EXAMPLE_RESPONDENTS.forEach((r, i) => {
    const rel = `${base}/${version}/responses/${r.id}.yaml`;
    files[rel] = responseYaml({
      schemaPath: schemaRef(at(rel), join(dir, SCHEMAS), 'response.schema.json'),
      org, version, questionnaire: q, respondent: { id: r.id, role: r.role }, roleGiven: true, words: wording('en'),
      answers: exampleAnswers(q, i, '2026-06-15'),
    });
  });
  const template = (q.data.consistency?.scenarios ?? []).find((s) => s.id === 'refund-channels');
  if (template) {
    const rel = `${base}/${version}/scenarios.yaml`;
    files[rel] = [
      modeline(schemaRef(at(rel), join(dir, SCHEMAS), 'scenarios.schema.json')),
      '# "Ask twice": the same customer question put to several staff and channels; one line per contact.',
      'scenarios:',
      '  - id: refund-opened-item',
      '    template: refund-channels',
      '    question: { en: "Can I return an opened item after 20 days?", zh: 拆封 20 天的商品还能退吗？ }',
      '    expected: Yes, within 30 days, refund to the original payment method',
      '    observations:',
      '      - { channel: store, staff: store-1, outcome: "Yes, within 30 days, refund to card", correct: true, minutes: 4, quality: 4 }',
      '      - { channel: store, staff: store-2, outcome: "Store credit only", correct: false, minutes: 6, quality: 2 }',
      '      - { channel: chat, staff: chat-1, outcome: "Yes, within 30 days, refund to card", correct: true, minutes: 9, quality: 3 }',
      '      - { channel: phone, staff: phone-1, outcome: "Yes, within 30 days, refund to card", correct: true, minutes: 7, quality: 3 }',
      '',
    ].join('\n');
  }
  files[`${base}/${version}/notes.mdx`] = [
    '{/* Consultant commentary, shown in the report: Markdown, with the Score and DriverChart components (see the README). */}',
    '',
    'This is an example audit that `touchstone init` created so that `validate`, `score` and `build`',
    'have something to work on. Replace it with your first real audit:',
    '`npx touchstone new <org>/<version> --period START..END --respondent ID`.',
    '',
  ].join('\n');
  return files;
}
