import type { NormalizedInput } from './normalize';
import type { AllocationStats } from './types';

/** A pair by index: reviewer index r, analysis index x. */
export interface IndexPair {
  readonly r: number;
  readonly x: number;
}

/** Directed person → person counts of this round's pairs (reviewer person → author person). */
export function directedCounts(n: NormalizedInput, pairs: readonly IndexPair[]): Map<number, number> {
  const dir = new Map<number, number>();
  for (const { r, x } of pairs) {
    const key = n.pairKey(n.reviewers[r]?.person ?? -1, n.analyses[x]?.author ?? -1);
    dir.set(key, (dir.get(key) ?? 0) + 1);
  }
  return dir;
}

/** Unordered pairs of people who review each other in this round. */
export function countReciprocal(n: NormalizedInput, dir: ReadonlyMap<number, number>): number {
  const P = n.persons.length;
  let count = 0;
  for (const [key, c] of dir) {
    if (c <= 0) continue;
    const a = Math.floor(key / P);
    const b = key % P;
    if (a < b && (dir.get(n.pairKey(b, a)) ?? 0) > 0) count++;
  }
  return count;
}

export function computeStats(n: NormalizedInput, pairs: readonly IndexPair[]): AllocationStats {
  const load = new Array<number>(n.reviewers.length).fill(0);
  let cross = 0;
  let preferred = 0;
  let repeated = 0;
  for (const { r, x } of pairs) {
    const reviewer = n.reviewers[r];
    const analysis = n.analyses[x];
    if (!reviewer || !analysis) continue;
    load[r] = (load[r] ?? 0) + 1;
    const same = reviewer.schoolId === analysis.schoolId;
    if (!same) cross++;
    if (same === analysis.preferSame) preferred++;
    if (n.history.has(n.pairKey(reviewer.person, analysis.author))) repeated++;
  }
  const total = pairs.length;
  return {
    assignmentCount: total,
    reviewerCount: n.reviewers.length,
    crossSchoolShare: total === 0 ? 0 : cross / total,
    preferredSchoolShare: total === 0 ? 1 : preferred / total,
    repeatedPairs: repeated,
    reciprocalPairs: countReciprocal(n, directedCounts(n, pairs)),
    loadMin: load.length === 0 ? 0 : load.reduce((m, v) => Math.min(m, v), Infinity),
    loadMax: load.reduce((m, v) => Math.max(m, v), 0),
  };
}
