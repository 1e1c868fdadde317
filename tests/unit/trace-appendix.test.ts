import { describe, expect, it } from 'vitest';
import type { AnswerTrace, PartScore, QuestionScore, Respondent } from '../../src/core/score-types.ts';
import { traceAppendix } from '../../src/site/trace-appendix.ts';

/**
 * The traceability appendix is written by plain concatenation (src/site/trace-appendix.ts), with
 * the labels that repeat in every trace escaped once per report: these pin its markup, that every
 * value from the workspace is escaped, and that the remembered labels never mix two respondents
 * or two files.
 */
const HOSTILE = `<script>alert("x")</script> & 'q'`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';

function trace(over: Partial<AnswerTrace>): AnswerTrace {
  return { respondent: 'r1', role: 'Agent', answer: 3, counted: 3, evidence: [], carriedOver: false, file: 'audits/acme/2026-q1/responses/r1.yaml', line: 7, col: 3, ...over };
}

function parts(answers: AnswerTrace[]): PartScore[] {
  const q = { id: 'momentum.owner', text: { en: 'Owner?', zh: '负责人？' }, score: 62.5, answers } as unknown as QuestionScore;
  return [{ id: 'momentum', name: { en: 'Momentum', zh: '动力' }, questions: [q] } as unknown as PartScore];
}

const people: Respondent[] = [
  { id: 'r1', role: 'Agent', name: 'Ann Lee' },
  { id: 'r2', role: 'Lead' },
];

const appendix = (answers: AnswerTrace[], anonymous = false, lang: 'en' | 'zh' = 'en') =>
  traceAppendix(parts(answers), { lang, anonymous, people, auditFolder: 'audits/acme/2026-q1' }).value;

/** The <li> of each trace, in order. */
const traces = (html: string): string[] => /<ul class="answers">(.*)<\/ul><\/details>/s.exec(html)![1]!.split(/(?=<li><strong>)/);

describe('traceAppendix', () => {
  it('writes each trace as before: who, the answer, what was counted, the file and line, the comment and the evidence', () => {
    const [li] = traces(appendix([trace({
      counted: 2, discounted: 'level 3 without evidence counts as 2', carriedOver: true, comment: 'We do.',
      evidence: [{ link: 'https://example.com/a', note: 'Minutes', date: '2026-01-15', 'reviewed-by': 'Bo' }, { link: 'javascript:alert(1)' }],
    })]));
    expect(li).toBe('<li><strong>Ann Lee — Agent</strong>: Answer <strong>3</strong> → Counted <strong>2</strong>'
      + '<span class="muted small"> (no evidence)</span> <span class="badge warn">carried over</span>'
      + '<span class="muted small"> · <code>responses/r1.yaml:7</code></span><p class="comment">We do.</p>'
      + '<ul class="evidence"><li><a class="print-url" href="https://example.com/a" rel="noopener noreferrer">Minutes</a>'
      + ' · <time datetime="2026-01-15">15 Jan 2026</time> · reviewed by Bo</li><li><code>javascript:alert(1)</code></li></ul></li>');
  });

  it('escapes every value from the workspace: comment, evidence, reviewer, names, roles and paths', () => {
    const out = appendix([trace({
      respondent: 'r9', role: HOSTILE, comment: HOSTILE, file: `audits/acme/2026-q1/responses/${HOSTILE}.yaml`,
      evidence: [{ link: `https://example.com/?q=${HOSTILE.replaceAll(' ', '')}`, note: HOSTILE, date: HOSTILE, 'reviewed-by': HOSTILE }, { link: `javascript:${HOSTILE}`, note: HOSTILE }],
    })]);
    expect(out).not.toContain('<script>');
    expect(out).not.toMatch(/'q'|"x"/);
    const [li] = traces(out);
    expect(li).toContain(`<strong>${ESCAPED} (r9)</strong>`);
    expect(li).toContain(`<p class="comment">${ESCAPED}</p>`);
    expect(li).toContain(`<code>responses/${ESCAPED}.yaml:7</code>`);
    // (A link with spaces in it is no link: core/check/links.ts; this one keeps the markup characters.)
    expect(li).toContain(`href="https://example.com/?q=${ESCAPED.replaceAll(' ', '')}"`);
    expect(li).toContain(`<time datetime="${ESCAPED}">${ESCAPED}</time> · reviewed by ${ESCAPED}</li>`);
    expect(li).toContain(`<li><code>javascript:${ESCAPED}</code><span> · ${ESCAPED}</span></li>`);
  });

  it('labels each respondent and file by its own values, however often they repeat', () => {
    const out = traces(appendix([
      trace({}), trace({ respondent: 'r2', role: 'Lead', file: 'audits/acme/2026-q1/responses/r2.yaml', line: 9 }),
      trace({ role: null }), trace({ role: '' }), trace({}),
    ]));
    expect(out.map((li) => /<strong>(.*?)<\/strong>/.exec(li)![1])).toEqual(['Ann Lee — Agent', 'Lead (r2)', 'Ann Lee — ', 'Ann Lee — ', 'Ann Lee — Agent']);
    expect(out.map((li) => /<code>(.*?)<\/code>/.exec(li)![1])).toEqual(['responses/r1.yaml:7', 'responses/r2.yaml:9', 'responses/r1.yaml:7', 'responses/r1.yaml:7', 'responses/r1.yaml:7']);
    const unnamed = traces(appendix([trace({ respondent: 'r2', role: null }), trace({ respondent: 'r2', role: '' }), trace({ respondent: 'r2', role: 'Lead' })]));
    expect(unnamed.map((li) => /<strong>(.*?)<\/strong>/.exec(li)![1])).toEqual(['Respondent (r2)', ' (r2)', 'Lead (r2)']);
  });

  it('shows no names and no files when the audit is anonymous, and writes its labels in Chinese', () => {
    const out = appendix([trace({}), trace({ respondent: 'r2', role: null })], true, 'zh');
    expect(out).not.toContain('Ann Lee');
    expect(out).not.toContain('.yaml');
    expect(traces(out).map((li) => /<strong>(.*?)<\/strong>/.exec(li)![1])).toEqual(['Agent #1', '答卷人 #2']);
    expect(out).toContain('<strong>Agent #1</strong>：答案 <strong>3</strong>');
  });
});
