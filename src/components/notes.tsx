// Components a consultant can use inside notes.mdx, bound to the report being rendered.
// They render on the server only (no hydration, no JavaScript shipped).
import type { ScoreResult, PartScore } from '../core/score-types.ts';
import { score as fmt } from '../site/format.ts';
import { tr, ui, type Lang } from '../site/i18n.ts';

export function notesComponents(result: ScoreResult, lang: Lang) {
  const parts: PartScore[] = [...result.drivers, result.consistency, result.benchmark, result.recovery];
  const find = (id?: string) => parts.find((p) => p.id === id);

  /** <Score driver="reliability" /> or <Score /> for the index. */
  function Score(props: { driver?: string; part?: string }) {
    const id = props.driver ?? props.part;
    if (!id) return <strong className="inline-score">{ui(lang, 'index')} {fmt(result.index, lang)}</strong>;
    const p = find(id);
    if (!p) return <span className="muted">[{id}?]</span>;
    return (
      <a className="inline-score" href={`#part-${p.id}`}>
        <strong>{tr(p.name, lang)} {fmt(p.score, lang)}</strong>
      </a>
    );
  }

  /** <DriverChart driver="reliability" />: its questions as bars against best in class. */
  function DriverChart(props: { driver: string }) {
    const p = find(props.driver);
    if (!p) return <span className="muted">[{props.driver}?]</span>;
    const W = 560, labelW = 0, rowH = 26;
    const H = p.questions.length * rowH + 10;
    return (
      <figure className="chart bars">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${tr(p.name, lang)}: ${p.questions.map((q) => `${q.id} ${fmt(q.score, lang)}`).join('; ')}`}>
          {p.questions.map((q, i) => {
            const y = 5 + i * rowH;
            const x = (v: number) => labelW + (W - 60) * (v / 100);
            return (
              <g key={q.id}>
                {q.score !== null && <rect x={labelW} y={y + 4} width={Math.max(1, x(q.score))} height={rowH - 8} fill="#1d4ed8" rx="2" />}
                {q.targetScore !== null && <line x1={x(q.targetScore)} x2={x(q.targetScore)} y1={y} y2={y + rowH} stroke="#9a3412" strokeWidth="3" />}
                <text x={W - 54} y={y + rowH / 2 + 4} fontSize="12" fill="#1a1f2b">{fmt(q.score, lang)}</text>
              </g>
            );
          })}
        </svg>
        <figcaption>{tr(p.name, lang)}: {p.questions.map((q) => tr(q.text, lang)).join(' · ')}</figcaption>
      </figure>
    );
  }

  return { Score, DriverChart };
}
