/**
 * The response format's one emitter: the respondent block and the answers of a response file, as
 * `touchstone new` scaffolds them and the answer form downloads them. It runs in the browser too
 * (the answer form), so it uses no YAML library: every string a person typed is written
 * double-quoted (JSON's escapes are YAML's, plus the characters YAML forbids or reads as breaks),
 * so that no text can change the document's structure; ids and numbers are written plain.
 */
import type { Detail, ResponseFile } from '../schema-types.ts';

type Answer = ResponseFile['answers'][string];

const QUESTION_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A double-quoted YAML scalar. */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A level, value or flag as YAML: numbers, booleans, null, n/a and dont-know plain; any other text double-quoted. */
export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === 'n/a' || value === 'dont-know') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  return yamlString(String(value));
}

/** An id (a slug) plain, anything else quoted: a key or id typed by hand is written as typed, safely. */
function idText(id: string, pattern: RegExp): string {
  return pattern.test(id) ? id : yamlString(id);
}

/** `respondent:` and its fields; `roleComment` is a comment after the role (the scaffold's hint). */
export function respondentLines(r: ResponseFile['respondent'], roleComment?: string): string[] {
  const lines = ['respondent:', `  id: ${idText(r.id, SLUG)}`, `  role: ${yamlString(r.role)}${roleComment ? `  # ${oneLine(roleComment)}` : ''}`];
  if (r.name !== undefined) lines.push(`  name: ${yamlString(r.name)}`);
  if (r.segment !== undefined) lines.push(`  segment: ${idText(r.segment, SLUG)}`);
  if (r.group !== undefined) lines.push(`  group: ${idText(r.group, SLUG)}`);
  return lines;
}

/**
 * One answer under `answers:`: blank (unanswered), a level or value, a short detail on one line
 * (`{ level: 3, carried-over: true }`), or a block with its comment and evidence.
 */
export function answerLines(id: string, answer: Answer | undefined): string[] {
  const key = idText(id, QUESTION_ID);
  // Blank reads as null: an unanswered question is written as the scaffold leaves it.
  if (answer === undefined || answer === null) return [`  ${key}:`];
  if (typeof answer !== 'object') return [`  ${key}: ${yamlScalar(answer)}`];
  const d: Detail = answer;
  const short = Object.keys(d).every((k) => k === 'level' || k === 'value' || k === 'carried-over');
  const fields: [string, unknown][] = [['level', d.level], ['value', d.value], ['carried-over', d['carried-over']]];
  const present = fields.filter(([k]) => k in d);
  if (short) return [`  ${key}: { ${present.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ')} }`];
  const lines = [`  ${key}:`, ...present.map(([k, v]) => `    ${k}: ${yamlScalar(v)}`)];
  if (d.comment !== undefined) lines.push(`    comment: ${yamlString(d.comment)}`);
  if (d.evidence?.length) {
    lines.push('    evidence:');
    for (const e of d.evidence) {
      const items = ([['link', e.link], ['note', e.note], ['date', e.date], ['reviewed-by', e['reviewed-by']]] as const)
        .filter(([, v]) => v !== undefined);
      items.forEach(([k, v], i) => lines.push(`${i === 0 ? '      - ' : '        '}${k}: ${yamlString(String(v))}`));
    }
  }
  return lines;
}

/** A comment's text on one line (a line break would end the comment and start YAML). */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
