import { Option, type Command } from 'commander';
import { diffScores, markdownText, movedQuestions, scoreAudit, type AuditDiff, type Change, type Lang } from '../../core/index.ts';
import { say, ui, uif } from '../../site/i18n.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { loadValidWorkspace } from '../load-valid.ts';
import { style } from '../output.ts';
import { selectVersion } from '../select-audit.ts';
import { localText, pickLang } from '../text.ts';
import { table } from './score.ts';

export function registerDiff(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .description('what changed between two versions of an audit')
    .argument('<org>')
    .argument('<from>', 'the earlier version')
    .argument('<to>', 'the later version')
    .addOption(rootOption())
    .option('--json', 'print the diff as JSON')
    .addOption(new Option('--format <format>', 'text, or markdown for a pull-request comment').choices(['text', 'markdown']).default('text'))
    .addOption(new Option('--lang <lang>', 'language of names (default: the organisation\'s locale)').choices(['en', 'zh']))
    .action(async (orgId: string, from: string, to: string, options: { root?: string; json?: boolean; format: 'text' | 'markdown'; lang?: Lang }) => {
      const ws = await loadValidWorkspace(resolveRoot(options.root));
      const a = selectVersion(ws, orgId, from, options.lang);
      const b = selectVersion(ws, orgId, to, options.lang);
      const lang = options.lang ?? a.org.org.data.locale;
      const diff = diffScores(ws, scoreAudit(a.audit, ws), scoreAudit(b.audit, ws));
      if (options.json) process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
      else if (options.format === 'markdown') process.stdout.write(renderMarkdown(diff, pickLang(a.org.org.data.name, lang), lang));
      else process.stdout.write(renderText(diff, lang));
      context.exitCode = 0;
    });
}

const num = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const plus = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(1)}`;
const signed = (c: Change) => (c.delta === null ? '—' : plus(c.delta));
/** The change's 90% interval, as the bootstrap gives it (core/score/bootstrap.ts). */
const range = (c: Change) => (c.interval ? `${plus(c.interval.low)} … ${plus(c.interval.high)}` : '');

function renderText(d: AuditDiff, lang: Lang): string {
  const mark = (c: Change) => (c.delta === null ? '' : !c.interval ? style('yellow', ui(lang, 'cliSmallSample'))
    : c.meaningful ? (c.delta > 0 ? style('green', '▲') : style('red', '▼')) : style('dim', ui(lang, 'cliWithinSpread')));
  const rows = [[`${d.from} → ${d.to}`, ui(lang, 'cliBefore'), ui(lang, 'cliAfter'), ui(lang, 'cliChange'), ui(lang, 'cliInterval'), '']];
  rows.push([ui(lang, 'index'), num(d.index.before), num(d.index.after), signed(d.index), range(d.index), mark(d.index)]);
  for (const x of d.drivers) rows.push([`  ${localText(x.name, lang)}`, num(x.before), num(x.after), signed(x), range(x), mark(x)]);
  const lines = table(rows);
  if (d.indexMethod !== 'same') lines.push(style('dim', indexMethodNote(d, lang)));
  if (d.questionnaires.from !== d.questionnaires.to) {
    lines.push('', `${ui(lang, 'cliQuestionnaire')}${d.questionnaires.from} → ${d.questionnaires.to}${d.questionnaires.mapped ? '' : ui(lang, 'cliNotMapped')}`);
    for (const [a, b] of d.mapping.renamed) lines.push(`  ${ui(lang, 'renamed')} ${a} → ${b}`);
    for (const id of d.mapping.removed) lines.push(`  ${ui(lang, 'removed')} ${id}`);
    for (const id of d.mapping.added) lines.push(`  ${ui(lang, 'added')} ${id}`);
  }
  const moved = d.questions.filter((q) => q.meaningful);
  if (moved.length) {
    lines.push('', style('bold', ui(lang, 'cliQuestionsMoved')));
    for (const q of moved) lines.push(`  ${signed(q).padStart(6)}  ${q.id}  ${localText(q.text, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Why the index's "before" is not the older report's own (version ids are slugs: safe as they are). */
function indexMethodNote(d: AuditDiff, lang: Lang): string {
  return uif(lang, d.indexMethod === 'break' ? 'indexBreak' : 'indexRecomputed', { version: d.from });
}

/** A pull-request comment: compact, with the meaningful movements first. */
function renderMarkdown(d: AuditDiff, orgName: string, lang: Lang): string {
  // Every piece of workspace text (names, question texts) goes through markdownText; ids and
  // versions are slugs, and the rest is Touchstone's own.
  const cell = markdownText;
  const arrow = (c: Change) => (c.delta === null ? '' : !c.interval ? ui(lang, 'cliSmallSample') : !c.meaningful ? ui(lang, 'cliApproxWithinSpread') : c.delta > 0 ? '🟢 ▲' : '🔴 ▼');
  const out: string[] = [];
  out.push(`### ${cell(orgName)}${ui(lang, 'colon')}${d.from} → ${d.to}`, '');
  out.push(`| | ${ui(lang, 'cliBeforeHead')} | ${ui(lang, 'cliAfterHead')} | ${ui(lang, 'change')} | ${ui(lang, 'cliInterval')} | |`, '|---|---:|---:|---:|---:|---|');
  out.push(`| **${ui(lang, 'index')}** | ${num(d.index.before)} | ${num(d.index.after)} | ${signed(d.index)} | ${range(d.index)} | ${arrow(d.index)} |`);
  for (const x of d.drivers) out.push(`| ${cell(say(lang, x.name))} | ${num(x.before)} | ${num(x.after)} | ${signed(x)} | ${range(x)} | ${arrow(x)} |`);
  if (d.indexMethod !== 'same') out.push('', `_${indexMethodNote(d, lang)}_`);
  const moved = movedQuestions(d);
  if (moved.length) {
    out.push('', `<details><summary>${say(lang, { id: 'cliQuestionsMovedCount', params: { count: moved.length } })}</summary>`, '');
    out.push(`| ${ui(lang, 'cliQuestionHead')} | ${ui(lang, 'median')} | ${ui(lang, 'change')} |`, '|---|---|---:|');
    for (const q of moved) out.push(`| \`${q.id}\` ${cell(q.text[lang])} | ${q.medianBefore ?? '—'} → ${q.medianAfter ?? '—'} | ${signed(q)} |`);
    out.push('', '</details>');
  }
  if (d.questionnaires.from !== d.questionnaires.to) {
    out.push('', `${ui(lang, 'cliQuestionnaire')}\`${d.questionnaires.from}\` → \`${d.questionnaires.to}\``);
    for (const [a, b] of d.mapping.renamed) out.push(`- ${ui(lang, 'renamed')} \`${a}\` → \`${b}\``);
    for (const id of d.mapping.removed) out.push(`- ${ui(lang, 'removed')} \`${id}\``);
    for (const id of d.mapping.added) out.push(`- ${ui(lang, 'added')} \`${id}\``);
  }
  return `${out.join('\n')}\n`;
}
