import { Option, type Command } from 'commander';
import { diffScores, markdownText, scoreAudit, type AuditDiff, type Change, type Lang } from '../../core/index.ts';
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
const signed = (c: Change) => (c.delta === null ? '—' : `${c.delta > 0 ? '+' : ''}${c.delta.toFixed(1)}`);

function renderText(d: AuditDiff, lang: Lang): string {
  const zh = lang === 'zh';
  const mark = (c: Change) => (c.delta === null ? '' : c.meaningful ? (c.delta > 0 ? style('green', '▲') : style('red', '▼')) : style('dim', zh ? '（在分歧范围内）' : '(within spread)'));
  const rows = [[`${d.from} → ${d.to}`, zh ? '之前' : 'before', zh ? '之后' : 'after', zh ? '变化' : 'change', '']];
  rows.push([zh ? '指数' : 'Index', num(d.index.before), num(d.index.after), signed(d.index), mark(d.index)]);
  for (const x of d.drivers) rows.push([`  ${localText(x.name, lang)}`, num(x.before), num(x.after), signed(x), mark(x)]);
  const lines = table(rows);
  if (d.questionnaires.from !== d.questionnaires.to) {
    lines.push('', `${zh ? '问卷版本：' : 'Questionnaire: '}${d.questionnaires.from} → ${d.questionnaires.to}${d.questionnaires.mapped ? '' : zh ? '（无映射，题目不可比）' : ' (no declared mapping: questions not compared)'}`);
    for (const [a, b] of d.mapping.renamed) lines.push(`  ${zh ? '改名' : 'renamed'} ${a} → ${b}`);
    for (const id of d.mapping.removed) lines.push(`  ${zh ? '删除' : 'removed'} ${id}`);
    for (const id of d.mapping.added) lines.push(`  ${zh ? '新增' : 'added'} ${id}`);
  }
  const moved = d.questions.filter((q) => q.meaningful);
  if (moved.length) {
    lines.push('', style('bold', zh ? '有意义的题目变化' : 'Questions that moved'));
    for (const q of moved) lines.push(`  ${signed(q).padStart(6)}  ${q.id}  ${localText(q.text, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A pull-request comment: compact, with the meaningful movements first. */
function renderMarkdown(d: AuditDiff, orgName: string, lang: Lang): string {
  const zh = lang === 'zh';
  // Every piece of workspace text (names, question texts) goes through markdownText; ids and
  // versions are slugs, and the rest is Touchstone's own.
  const cell = markdownText;
  const arrow = (c: Change) => (c.delta === null ? '' : !c.meaningful ? (zh ? '≈ 在分歧范围内' : '≈ within spread') : c.delta > 0 ? '🟢 ▲' : '🔴 ▼');
  const out: string[] = [];
  out.push(`### ${cell(orgName)}${zh ? '：' : ': '}${d.from} → ${d.to}`, '');
  out.push(`| | ${zh ? '之前' : 'Before'} | ${zh ? '之后' : 'After'} | ${zh ? '变化' : 'Change'} | |`, '|---|---:|---:|---:|---|');
  out.push(`| **${zh ? '指数' : 'Index'}** | ${num(d.index.before)} | ${num(d.index.after)} | ${signed(d.index)} | ${arrow(d.index)} |`);
  for (const x of d.drivers) out.push(`| ${cell(x.name[lang])} | ${num(x.before)} | ${num(x.after)} | ${signed(x)} | ${arrow(x)} |`);
  const moved = d.questions.filter((q) => q.meaningful).sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
  if (moved.length) {
    out.push('', `<details><summary>${zh ? `${moved.length} 道题有意义的变化` : `${moved.length} question(s) moved beyond the respondents' spread`}</summary>`, '');
    out.push(`| ${zh ? '题目' : 'Question'} | ${zh ? '中位数' : 'Median'} | ${zh ? '变化' : 'Change'} |`, '|---|---|---:|');
    for (const q of moved) out.push(`| \`${q.id}\` ${cell(q.text[lang])} | ${q.medianBefore ?? '—'} → ${q.medianAfter ?? '—'} | ${signed(q)} |`);
    out.push('', '</details>');
  }
  if (d.questionnaires.from !== d.questionnaires.to) {
    out.push('', `${zh ? '问卷版本：' : 'Questionnaire: '}\`${d.questionnaires.from}\` → \`${d.questionnaires.to}\``);
    for (const [a, b] of d.mapping.renamed) out.push(`- ${zh ? '改名' : 'renamed'} \`${a}\` → \`${b}\``);
    for (const id of d.mapping.removed) out.push(`- ${zh ? '删除' : 'removed'} \`${id}\``);
    for (const id of d.mapping.added) out.push(`- ${zh ? '新增' : 'added'} \`${id}\``);
  }
  return `${out.join('\n')}\n`;
}
