/**
 * Finding a label among a dataset's categories as a person types (the label picker): by id
 * and by name, ranked, and bounded — a dataset may have a million categories, so a search
 * is one pass over precomputed lower-case names that keeps at most `limit` results.
 */
import type { CategoryIndex } from './categoryIndex';

type Table = Pick<CategoryIndex, 'ids' | 'lowerNames'>;

/** Better matches first: the id typed exactly, the whole name, its start, a word's start, anywhere. */
const Rank = { id: 0, name: 1, prefix: 2, word: 3, inside: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];
const RANKS = 5;
const WORD_START = /[\s_\-/.(]/;

/** `id` is the query as typed (ids are case-sensitive), `query` in lower case. */
function rankOf(table: Table, i: number, id: string, query: string): Rank | null {
  if (table.ids[i] === id) return Rank.id;
  const name = table.lowerNames[i]!;
  const at = name.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return name.length === query.length ? Rank.name : Rank.prefix;
  // A word starts after a space, '_', '-', '/', '.' or '(' ("traffic light" for "li").
  return WORD_START.test(name.charAt(at - 1)) ? Rank.word : Rank.inside;
}

export type LabelMatches = {
  /** Positions in the table, best first, at most `limit`. */
  positions: number[];
  /** How many categories match in all. */
  total: number;
};

/**
 * The categories matching `query` (case-insensitive; an empty query matches all), best
 * first: by rank, then the recently used ones (most recent first), then file order.
 * `recent` holds positions, most recent first.
 */
export function searchLabels(
  table: Table,
  query: string,
  recent: readonly number[],
  limit: number,
): LabelMatches {
  const id = query.trim();
  const q = id.toLowerCase();
  const recentRank = new Map(recent.map((p, k) => [p, k]));
  const buckets: number[][] = Array.from({ length: RANKS }, () => []);
  const recentHits: { position: number; rank: number }[] = [];
  let total = 0;
  const n = table.ids.length;
  for (let i = 0; i < n; i++) {
    const rank = q === '' ? Rank.prefix : rankOf(table, i, id, q);
    if (rank === null) continue;
    total++;
    if (recentRank.size > 0 && recentRank.has(i)) recentHits.push({ position: i, rank });
    else if (buckets[rank]!.length < limit) buckets[rank]!.push(i);
  }
  recentHits.sort(
    (a, b) => a.rank - b.rank || recentRank.get(a.position)! - recentRank.get(b.position)!,
  );
  const positions: number[] = [];
  for (let rank = 0; rank < RANKS && positions.length < limit; rank++) {
    for (const hit of recentHits) if (hit.rank === rank) positions.push(hit.position);
    positions.push(...buckets[rank]!);
  }
  return { positions: positions.slice(0, limit), total };
}

/** Puts `id` first among the recently used labels, keeping at most `keep`. */
export function withRecent(recent: readonly string[], id: string, keep = 8): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, keep);
}
