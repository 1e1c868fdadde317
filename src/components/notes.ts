// Components a consultant can use inside notes.mdx, bound to the report being rendered: HTML
// trees (hast) that src/site/notes-render.ts writes out escaped with the rest of the notes. They
// render at build time only (no JavaScript shipped).
import type { Element, ElementContent, Properties } from 'hast';
import type { ScoreResult, PartScore } from '../core/index.ts';
import { score as fmt } from '../site/format.ts';
import { barScale, barWidth } from '../site/charts.ts';
import { say, tr, ui, type Lang } from '../site/i18n.ts';

function h(tagName: string, properties: Record<string, string | number | string[]>, ...children: (ElementContent | string | false | null)[]): Element {
  return {
    type: 'element', tagName, properties: properties as Properties,
    children: children.filter((c) => c !== false && c !== null).map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  };
}

export function notesComponents(result: ScoreResult, lang: Lang) {
  const parts: PartScore[] = [...result.drivers, result.consistency, result.benchmark, result.recovery];
  const find = (id?: string) => parts.find((p) => p.id === id);
  const unknown = (id: string) => h('span', { className: ['muted'] }, `[${id}?]`);

  /** <Score driver="reliability" /> (or part="…") or <Score /> for the index. */
  function Score(props: { driver?: string; part?: string }): Element {
    const id = props.driver ?? props.part;
    if (!id) return h('strong', { className: ['inline-score'] }, `${ui(lang, 'index')} ${fmt(result.index, lang)}`);
    const p = find(id);
    if (!p) return unknown(id);
    return h('a', { className: ['inline-score'], href: `#part-${p.id}` }, h('strong', {}, `${say(lang, p.name)} ${fmt(p.score, lang)}`));
  }

  /** <DriverChart driver="reliability" />: its questions as bars against best in class. */
  function DriverChart(props: { driver?: string }): Element {
    const p = find(props.driver);
    if (!p) return unknown(props.driver ?? '');
    const W = 560, labelW = 0, rowH = 26;
    const H = p.questions.length * rowH + 10;
    const x = barScale(labelW, W - 60);
    const rows = p.questions.map((q, i) => {
      const y = 5 + i * rowH;
      return h('g', {},
        q.score !== null && h('rect', { x: labelW, y: y + 4, width: barWidth(x(q.score)), height: rowH - 8, fill: '#1d4ed8', rx: '2' }),
        q.targetScore !== null && h('line', { x1: x(q.targetScore), x2: x(q.targetScore), y1: y, y2: y + rowH, stroke: '#9a3412', strokeWidth: '3' }),
        h('text', { x: W - 54, y: y + rowH / 2 + 4, fontSize: '12', fill: '#1a1f2b' }, fmt(q.score, lang)));
    });
    const label = `${say(lang, p.name)}${ui(lang, 'colon')}${p.questions.map((q) => `${q.id} ${fmt(q.score, lang)}`).join(ui(lang, 'semicolon'))}`;
    return h('figure', { className: ['chart', 'bars'] },
      h('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', ariaLabel: label }, ...rows),
      h('figcaption', {}, `${say(lang, p.name)}${ui(lang, 'colon')}${p.questions.map((q) => tr(q.text, lang)).join(' · ')}`));
  }

  return { Score, DriverChart };
}
