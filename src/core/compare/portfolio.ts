/** One organisation in a portfolio: its latest index (null when it has none yet). */
export interface PortfolioEntry { id: string; industry: string; index: number | null }

export interface PortfolioRank {
  /** 1 = highest latest index; ties share a rank. */
  overall: { rank: number; of: number };
  /** The same within the organisation's industry. */
  industry: { rank: number; of: number };
}

export interface Portfolio {
  /** Organisation ids by latest index, highest first (those without one last), then by id. */
  order: string[];
  /** The ranks of the organisations that have an index. */
  ranks: Record<string, PortfolioRank>;
}

/** The portfolio's order and ranks: one home for them, so that every page shows the same. */
export function rankPortfolio(entries: readonly PortfolioEntry[]): Portfolio {
  const order = [...entries]
    .sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
  const scored = entries.filter((e): e is PortfolioEntry & { index: number } => e.index !== null);
  const rankIn = (list: typeof scored, index: number) => ({ rank: 1 + list.filter((e) => e.index > index).length, of: list.length });
  const ranks: Record<string, PortfolioRank> = {};
  for (const e of scored) {
    ranks[e.id] = { overall: rankIn(scored, e.index), industry: rankIn(scored.filter((p) => p.industry === e.industry), e.index) };
  }
  return { order, ranks };
}
