import { Option, type Command } from 'commander';
import stringWidth from 'string-width';
import { MIN_RESPONDENTS, previousAudit, printable, reportOf, type Interval, type Lang, type PartScore, type ReportModel } from '../../core/index.ts';
import { say, ui, uif } from '../../site/i18n.ts';
import { agreedText, indexMadeOf, statusWord } from '../../site/format.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { loadValidWorkspace } from '../load-valid.ts';
import { style } from '../output.ts';
import { selectAudit } from '../select-audit.ts';
import { localText } from '../text.ts';

export function registerScore(program: Command, context: CommandContext): void {
  program
    .command('score')
    .description('score one audit (default: the latest version of the organisation)')
    .argument('<audit>', '<org> or <org>/<version>')
    .addOption(rootOption())
    .option('--json', 'print the report model (the documented contract: schemas/report.schema.json)')
    .addOption(new Option('--lang <lang>', 'language of the table and its messages (default: the organisation\'s locale)').choices(['en', 'zh']))
    .action(async (spec: string, options: { root?: string; json?: boolean; lang?: Lang }) => {
      const ws = await loadValidWorkspace(resolveRoot(options.root));
      const { org, audit } = selectAudit(ws, spec, options.lang);
      const lang = options.lang ?? org.org.data.locale;
      // The same object as the site's /data/<org>/<version>.json, in no language.
      const result = reportOf(audit, ws, previousAudit(org, audit));
      if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(renderTable(result, localText(org.org.data.name, lang), lang));
      context.exitCode = 0;
    });
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '—' : n.toFixed(digits));
const range = (i: Interval | null) => (i ? `${fmt(i.low)}–${fmt(i.high)}` : '—');

function renderTable(r: ReportModel, orgName: string, lang: Lang): string {
  // Words and punctuation from the site's catalogues (src/site/messages/): full-width in Chinese.
  const colon = ui(lang, 'colon');
  const label = r.period.label ? localText(r.period.label, lang) : `${r.period.start} – ${r.period.end}`;
  const lines: string[] = [];
  const facts = [`${r.org}/${r.version}`, ui(lang, r.status === 'final' ? 'cliFinal' : 'cliDraft'),
    say(lang, { id: 'cliRespondents', params: { count: r.respondents } })];
  lines.push(style('bold', `${orgName} — ${label}`) + `  ${ui(lang, 'openParen').trim()}${facts.join(ui(lang, 'comma'))}${ui(lang, 'closeParen')}`);
  lines.push(style('dim', `${r.questionnaire} vs ${r.profile}`));
  lines.push('');
  const head = ['', ui(lang, 'cliScore'), ui(lang, 'cliInterval'), ui(lang, 'cliTarget'), ui(lang, 'cliGap'), ui(lang, 'cliAgreement')];
  const rows: string[][] = [];
  rows.push([ui(lang, 'index'), fmt(r.index), range(r.interval), fmt(r.target), fmt(r.gap), fmt(r.agreement, 2)]);
  const partRow = (p: PartScore) => [
    `  ${localText(p.name, lang)}`, fmt(p.score), range(p.interval), fmt(p.target), fmt(p.gap), fmt(p.agreement, 2),
    [p.insufficient ? ui(lang, 'cliUnanswered') : '', p.cap ? `${uif(lang, 'cliCappedAt', { cap: p.cap.cap })}${colon}${localText(p.cap.name, lang)}` : ''].filter(Boolean).join(ui(lang, 'semicolon')),
  ];
  for (const d of r.drivers) rows.push(partRow(d));
  rows.push(['']);
  for (const p of [r.consistency, r.benchmark, r.recovery]) if (p.total > 0) rows.push(partRow(p).map((c, i) => (i === 0 ? c.trim() : c)));
  lines.push(...table([head, ...rows]));
  if (r.smallSample) lines.push(style('yellow', uif(lang, 'smallSample', { min: MIN_RESPONDENTS })));
  if (r.composition.length > 1) lines.push('', `${ui(lang, 'indexMadeOf')}${colon}${printable(indexMadeOf(r.composition, (p) => say(lang, r[p].name), lang))}`);
  if (r.consistency.luck !== null) {
    lines.push('', `${ui(lang, 'cliLuck')}${colon}${fmt(r.consistency.luck, 2)}   ${ui(lang, 'cliCorrect')}${colon}${fmt(r.consistency.correct === null ? null : r.consistency.correct * 100, 0)}%`);
  }
  if (r.consistency.findings.length) {
    lines.push('', style('bold', ui(lang, 'findings')));
    for (const f of r.consistency.findings) lines.push(`  ${f.severity === 'warning' ? style('yellow', '!') : '·'} ${printable(say(lang, f.message))}`);
  }
  if (r.knowledgeGaps.length) {
    lines.push('', style('bold', ui(lang, 'knowledgeGaps')));
    for (const g of r.knowledgeGaps) lines.push(`  ${uif(lang, 'nOfM', { count: g.count, of: g.of })}  ${printable(localText(g.text, lang))}`);
  }
  const closed = r.recovery.gates.filter((g) => !g.passed);
  if (closed.length) {
    lines.push('', style('bold', ui(lang, 'cliGatesNotPassed')));
    for (const g of closed) lines.push(`  ${localText(g.name, lang)} → ${g.scope} ≤ ${g.cap}${g.applied ? ui(lang, 'cliApplied') : ''}`);
  }
  if (r.followUp.length) {
    lines.push('', style('bold', ui(lang, 'followUpH')));
    for (const f of r.followUp) {
      const moved = f.change === null ? ui(lang, 'notComparable')
        : `${uif(lang, 'followUpMoved', { before: fmt(f.change.before), after: fmt(f.change.after) })}${f.change.meaningful ? '' : ` ${ui(lang, 'cliWithinSpread').trim()}`}`;
      lines.push(`  ${statusWord(f.status, lang)}  ${printable(localText(f.text, lang))}\n     ${style('dim', printable(agreedText(f, lang)))}  ${moved}`);
    }
  }
  if (r.actions.length) {
    lines.push('', style('bold', ui(lang, r.actions.some((a) => a.days !== null) ? 'cliNextStepsPerDay' : 'cliNextSteps')));
    for (const a of r.actions.slice(0, 5)) {
      const effort = a.effort ? `  ${style('dim', uif(lang, 'effortSize', { size: a.effort, days: String(a.days) }))}` : '';
      lines.push(`  ${a.priority}. ${localText(a.text, lang)}\n     ${style('dim', printable(say(lang, a.why)))}\n     → ${printable(say(lang, a.next))}${effort}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Left-aligned first column, right-aligned numbers, aligned in terminal columns (string-width). */
export function table(rows: string[][]): string[] {
  const width = (s: string) => stringWidth(s); // colours left out, a CJK character as two columns
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => (r[i] === undefined ? 0 : width(r[i])))));
  return rows.map((r) => r.map((cell, i) => {
    const pad = ' '.repeat(Math.max(0, widths[i] - width(cell)));
    return i === 0 || i === cols - 1 ? cell + pad : pad + cell;
  }).join('  ').trimEnd());
}
