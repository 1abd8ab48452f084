/**
 * A plain seeded random allocation that respects only the hard constraints (no self-review, no
 * reviewer twice on an analysis, min(k, eligible) reviewers per analysis, loads floor/ceil of the
 * mean). No preferences. Used by the tests and the quality benchmark as the baseline to beat; not part
 * of the public API. Locked pairs are ignored.
 */
import { MinCostFlow } from './min-cost-flow';
import { normalizeInput } from './normalize';
import { createRandom, randomInt, shuffleInPlace, shuffledRange } from './prng';
import type { IndexPair } from './stats';
import { computeStats } from './stats';
import type { AllocationInput, AllocationStats } from './types';

export interface BaselineResult {
  readonly assignments: readonly { reviewerId: string; analysisId: string; authorId: string }[];
  readonly stats: AllocationStats;
}

export function allocateRandomBaseline(input: AllocationInput): BaselineResult {
  const n = normalizeInput({ ...input, locked: [] });
  const random = createRandom(`baseline:${String(n.seed)}`);
  const N = n.analyses.length;
  const R = n.reviewers.length;
  const need = n.analyses.map((a) => Math.min(n.k, R - (n.reviewerOfPerson[a.author] >= 0 ? 1 : 0)));
  const total = need.reduce((s, v) => s + v, 0);
  const base = R === 0 ? 0 : Math.floor(total / R);
  const extra = R === 0 ? 0 : total % R;

  let pairs: IndexPair[] | undefined;
  // Random greedy: every slot takes a uniformly random reviewer with capacity left; retry when stuck.
  for (let attempt = 0; attempt < 200 && !pairs; attempt++) {
    const capacity = new Int32Array(R).fill(base);
    for (const r of shuffledRange(R, random).slice(0, extra)) capacity[r] = base + 1;
    const slots: number[] = [];
    need.forEach((c, x) => {
      for (let i = 0; i < c; i++) slots.push(x);
    });
    shuffleInPlace(slots, random);
    const on = new Uint8Array(N * R);
    const chosen: IndexPair[] = [];
    let stuck = false;
    for (const x of slots) {
      const author = n.analyses[x]?.author;
      const options: number[] = [];
      for (let r = 0; r < R; r++) {
        if ((capacity[r] ?? 0) > 0 && n.reviewers[r]?.person !== author && on[x * R + r] !== 1)
          options.push(r);
      }
      if (options.length === 0) {
        stuck = true;
        break;
      }
      const r = options[randomInt(random, options.length)] ?? 0;
      capacity[r] = (capacity[r] ?? 0) - 1;
      on[x * R + r] = 1;
      chosen.push({ r, x });
    }
    if (!stuck) pairs = chosen;
  }
  // Fallback: a feasible flow with random tie-breaking (never needed in practice).
  if (!pairs) {
    const sink = N + R + 2;
    const extraNode = N + R + 1;
    const flow = new MinCostFlow(N + R + 3, N * R + 3 * R + N + 2);
    const edges: { e: number; r: number; x: number }[] = [];
    for (const x of shuffledRange(N, random)) {
      flow.addEdge(0, 1 + x, need[x] ?? 0, 0);
      for (const r of shuffledRange(R, random)) {
        if (n.reviewers[r]?.person === n.analyses[x]?.author) continue;
        edges.push({ e: flow.addEdge(1 + x, N + 1 + r, 1, 0), r, x });
      }
    }
    for (let r = 0; r < R; r++) {
      if (base > 0) flow.addEdge(N + 1 + r, sink, base, 0);
      if (extra > 0) flow.addEdge(N + 1 + r, extraNode, 1, 0);
    }
    if (extra > 0) flow.addEdge(extraNode, sink, extra, 0);
    flow.run(0, sink, total);
    pairs = edges.filter((s) => flow.flowOn(s.e) > 0).map(({ r, x }) => ({ r, x }));
  }

  pairs.sort((p, q) => p.x - q.x || p.r - q.r);
  return {
    assignments: pairs.map(({ r, x }) => ({
      reviewerId: n.reviewers[r]?.id ?? '',
      analysisId: n.analyses[x]?.id ?? '',
      authorId: n.analyses[x]?.authorId ?? '',
    })),
    stats: computeStats(n, pairs),
  };
}
