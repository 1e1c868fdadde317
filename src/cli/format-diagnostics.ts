import type { Diagnostic } from '../core/index.ts';
import { style } from './output.ts';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** `path:line:col: error CODE: message`, the format editors and CI logs link to. */
export function formatText(d: Diagnostic, color = true): string {
  const severity = color ? style(d.severity === 'error' ? 'red' : 'yellow', d.severity) : d.severity;
  return `${d.file}:${d.line}:${d.col}: ${severity} ${d.code}: ${d.message}`;
}

/** GitHub Actions workflow commands: each becomes an annotation on the pull request's diff. */
export function formatGithub(d: Diagnostic): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = d.severity === 'error' ? 'error' : 'warning';
  return `::${command} file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(d.code)}::${escapeData(d.message)}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') return `${JSON.stringify(diagnostics, null, 2)}\n`;
  const lines = diagnostics.map((d) => (format === 'github' ? formatGithub(d) : formatText(d)));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (diagnostics.length === 0) return style('green', 'The workspace is valid.');
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}
