/**
 * Helpers for the allocation specs: a cohort generator and checks written independently of the
 * implementation (plain loops, a textbook augmenting-path max-flow). Not exported from the lib.
 */
import { createRandom, randomInt, shuffleInPlace } from './prng';
import type {
  AllocationAnalysis,
  AllocationHistoryPair,
  AllocationInput,
  AllocationResult,
  AllocationReviewer,
} from './types';

export interface CohortParams {
  /** Participants (2–200). */
  readonly size: number;
  /** Number of schools (1–12). */
  readonly schools: number;
  /** 0 = even school sizes; larger = more skewed towards the first schools. */
  readonly skew: number;
  /** Percentage of participants who did not publish (but still review). */
  readonly nonSubmitterPct: number;
  readonly k: number;
  /** Earlier rounds of random history. */
  readonly historyRounds: number;
  /** Percentage of authors asking for same-school support. */
  readonly sameSchoolPct: number;
  readonly cohortSameSchool: boolean;
  readonly seed: string | number;
  /** Seed for the cohort generator. */
  readonly shape: number;
}

/** A deterministic random cohort for the given parameters. */
export function makeCohort(p: CohortParams): AllocationInput {
  const random = createRandom(`cohort:${p.shape}`);
  const weights = Array.from({ length: p.schools }, (_, i) => 1 / (1 + i) ** p.skew);
  const sum = weights.reduce((a, b) => a + b, 0);
  const pickSchool = (): number => {
    let u = random() * sum;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u <= 0) return i;
    }
    return weights.length - 1;
  };
  const people = Array.from({ length: p.size }, (_, i) => ({
    id: `p${String(i).padStart(3, '0')}`,
    schoolId: `s${pickSchool()}`,
  }));
  const reviewers: AllocationReviewer[] = people.map((x) => ({ reviewerId: x.id, schoolId: x.schoolId }));
  const nonSubmitters = Math.min(p.size - 1, Math.floor((p.size * p.nonSubmitterPct) / 100));
  const submitters = shuffleInPlace([...people], random).slice(nonSubmitters);
  const analyses: AllocationAnalysis[] = submitters.map((x) => ({
    analysisId: `a-${x.id}`,
    authorId: x.id,
    schoolId: x.schoolId,
    ...(random() * 100 < p.sameSchoolPct ? { wantsSameSchool: true } : {}),
  }));
  const history: AllocationHistoryPair[] = [];
  for (let round = 1; round <= p.historyRounds; round++) {
    for (const a of people) {
      for (let j = 0; j < p.k; j++) {
        const r = people[randomInt(random, people.length)];
        if (r && r.id !== a.id) history.push({ reviewerId: r.id, authorId: a.id, roundNumber: round });
      }
    }
  }
  return {
    analyses,
    ...(nonSubmitters > 0 ? { reviewers } : {}),
    history,
    k: p.k,
    seed: p.seed,
    cohortSameSchool: p.cohortSameSchool,
  };
}

/** The reviewers of an input, as the allocation defines them (default: the authors). */
export function reviewersOf(input: AllocationInput): AllocationReviewer[] {
  if (input.reviewers) return [...input.reviewers];
  const seen = new Map<string, string>();
  for (const a of [...input.analyses].sort((x, y) => (x.analysisId < y.analysisId ? -1 : 1))) {
    if (!seen.has(a.authorId)) seen.set(a.authorId, a.schoolId);
  }
  return [...seen].map(([reviewerId, schoolId]) => ({ reviewerId, schoolId }));
}

export function expectedReviewers(
  input: AllocationInput,
  a: AllocationAnalysis,
  reviewers: readonly AllocationReviewer[] = reviewersOf(input),
): number {
  const eligible = reviewers.filter((r) => r.reviewerId !== a.authorId).length;
  return Math.min(input.k ?? 2, eligible);
}

/**
 * Every hard-constraint violation of a result without locked pairs (empty when all is well):
 * known ids, no self-review, no duplicates, min(k, eligible) reviewers per analysis, loads
 * floor/ceil of the mean, unmet consistent with the counts.
 */
export function hardConstraintProblems(
  input: AllocationInput,
  result: AllocationResult,
  balance = true,
): string[] {
  const problems: string[] = [];
  const reviewers = reviewersOf(input);
  const reviewerIds = new Set(reviewers.map((r) => r.reviewerId));
  const analyses = new Map(input.analyses.map((a) => [a.analysisId, a]));
  const seen = new Set<string>();
  const count = new Map<string, number>();
  const load = new Map<string, number>(reviewers.map((r) => [r.reviewerId, 0]));
  for (const s of result.assignments) {
    const a = analyses.get(s.analysisId);
    if (!a) problems.push(`unknown analysis ${s.analysisId}`);
    if (!reviewerIds.has(s.reviewerId)) problems.push(`unknown reviewer ${s.reviewerId}`);
    if (a && a.authorId !== s.authorId) problems.push(`wrong author on ${s.analysisId}`);
    if (a && a.authorId === s.reviewerId) problems.push(`self review ${s.reviewerId}`);
    const key = `${s.reviewerId}|${s.analysisId}`;
    if (seen.has(key)) problems.push(`duplicate ${key}`);
    seen.add(key);
    count.set(s.analysisId, (count.get(s.analysisId) ?? 0) + 1);
    load.set(s.reviewerId, (load.get(s.reviewerId) ?? 0) + 1);
  }
  const k = input.k ?? 2;
  const unmetOf = new Map(result.unmet.map((u) => [u.analysisId, u]));
  for (const a of input.analyses) {
    const expected = expectedReviewers(input, a, reviewers);
    const got = count.get(a.analysisId) ?? 0;
    if (got !== expected) problems.push(`${a.analysisId} has ${got} reviewers, expected ${expected}`);
    const unmet = unmetOf.get(a.analysisId);
    if (got < k && unmet?.missing !== k - got) problems.push(`${a.analysisId} missing not reported`);
    if (got >= k && unmet) problems.push(`${a.analysisId} reported unmet`);
  }
  if (balance && reviewers.length > 0) {
    const total = result.assignments.length;
    const lo = Math.floor(total / reviewers.length);
    const hi = Math.ceil(total / reviewers.length);
    for (const [id, l] of load)
      if (l < lo || l > hi) problems.push(`load of ${id} is ${l}, not in ${lo}–${hi}`);
  }
  return problems;
}

/** Independent statistics of a list of pairs. */
export function measure(
  input: AllocationInput,
  pairs: readonly { reviewerId: string; analysisId: string; authorId: string }[],
): { preferred: number; cross: number; repeated: number; reciprocal: number } {
  const reviewerSchool = new Map(reviewersOf(input).map((r) => [r.reviewerId, r.schoolId]));
  const analyses = new Map(input.analyses.map((a) => [a.analysisId, a]));
  const history = new Set((input.history ?? []).map((h) => `${h.reviewerId}>${h.authorId}`));
  const directed = new Set(pairs.map((p) => `${p.reviewerId}>${p.authorId}`));
  let preferred = 0;
  let cross = 0;
  let repeated = 0;
  let reciprocal = 0;
  for (const p of pairs) {
    const a = analyses.get(p.analysisId);
    const same = reviewerSchool.get(p.reviewerId) === a?.schoolId;
    const wantsSame = input.cohortSameSchool === true || a?.wantsSameSchool === true;
    if (same === wantsSame) preferred++;
    if (!same) cross++;
    if (history.has(`${p.reviewerId}>${p.authorId}`)) repeated++;
  }
  for (const d of directed) {
    const [r, a] = d.split('>') as [string, string];
    if (r < a && directed.has(`${a}>${r}`)) reciprocal++;
  }
  return { preferred, cross, repeated, reciprocal };
}

/** A residual graph as the oracles build it: edges in pairs (e, e ^ 1), capacities in `cap`. */
interface ResidualGraph {
  adj: number[][];
  to: number[];
  cap: number[];
}

/** Maximum flow by repeated augmenting paths of one unit (Ford–Fulkerson); mutates `cap`. */
function unitMaxFlow(g: ResidualGraph, source: number, sink: number): number {
  let flow = 0;
  for (;;) {
    const visited = new Uint8Array(g.adj.length);
    const dfs = (u: number): boolean => {
      if (u === sink) return true;
      visited[u] = 1;
      for (const e of g.adj[u] ?? []) {
        const v = g.to[e] ?? 0;
        if (!visited[v] && (g.cap[e] ?? 0) > 0 && dfs(v)) {
          g.cap[e] = (g.cap[e] ?? 0) - 1;
          g.cap[e ^ 1] = (g.cap[e ^ 1] ?? 0) + 1;
          return true;
        }
      }
      return false;
    };
    if (!dfs(source)) return flow;
    flow++;
  }
}

/**
 * Oracle: does a complete, balanced allocation exist that uses only reviewers meeting the school
 * preference? Textbook Ford–Fulkerson (DFS augmenting paths) on analyses → reviewers → sink, with
 * floor(total/R) per reviewer plus total mod R extra units shared through one node.
 */
export function fullyPreferredAllocationExists(input: AllocationInput): boolean {
  const reviewers = reviewersOf(input);
  const analyses = input.analyses;
  const R = reviewers.length;
  if (R === 0) return true;
  const needs = analyses.map((a) => expectedReviewers(input, a, reviewers));
  const total = needs.reduce((s, v) => s + v, 0);
  const base = Math.floor(total / R);
  const extra = total % R;
  // nodes: 0 source, 1..A analyses, A+1..A+R reviewers, A+R+1 extra, A+R+2 sink
  const A = analyses.length;
  const sink = A + R + 2;
  const to: number[] = [];
  const cap: number[] = [];
  const adj: number[][] = Array.from({ length: A + R + 3 }, () => []);
  const add = (u: number, v: number, c: number) => {
    adj[u]?.push(to.length);
    to.push(v);
    cap.push(c);
    adj[v]?.push(to.length);
    to.push(u);
    cap.push(0);
  };
  analyses.forEach((a, i) => {
    add(0, 1 + i, needs[i] ?? 0);
    const wantsSame = input.cohortSameSchool === true || a.wantsSameSchool === true;
    reviewers.forEach((r, j) => {
      if (r.reviewerId !== a.authorId && (r.schoolId === a.schoolId) === wantsSame) add(1 + i, A + 1 + j, 1);
    });
  });
  reviewers.forEach((_, j) => {
    if (base > 0) add(A + 1 + j, sink, base);
    if (extra > 0) add(A + 1 + j, A + R + 1, 1);
  });
  if (extra > 0) add(A + R + 1, sink, extra);
  return unitMaxFlow({ adj, to, cap }, 0, sink) === total;
}

/**
 * Rule 4's load band, computed on its own: every load L with |L − total/R| ≤ 1, in integers
 * (L·R ≥ total − R and L·R ≤ total + R).
 */
export function meanBand(total: number, reviewerCount: number): { lo: number; hi: number } {
  if (reviewerCount === 0) return { lo: 0, hi: 0 };
  let lo = 0;
  while (lo * reviewerCount < total - reviewerCount) lo++;
  let hi = lo;
  while ((hi + 1) * reviewerCount <= total + reviewerCount) hi++;
  return { lo, hi };
}

/**
 * Oracle: can the round be allocated so that every reviewer's load is within ±1 of the mean, keeping
 * the `fixed` pairs and giving each analysis exactly `pairsOn(analysisId)` peer reviewers in all?
 * Feasibility of a flow with lower bounds (every reviewer owes at least lo − fixed load), by the
 * textbook reduction to a max-flow from a super source, with DFS augmenting paths.
 */
export function bandAllocationExists(
  input: AllocationInput,
  fixed: readonly { reviewerId: string; analysisId: string }[],
  pairsOn: (analysisId: string) => number,
): boolean {
  const reviewers = reviewersOf(input);
  const analyses = input.analyses;
  const R = reviewers.length;
  const A = analyses.length;
  const total = analyses.reduce((s, a) => s + pairsOn(a.analysisId), 0);
  const { lo, hi } = meanBand(total, R);
  const fixedOn = new Map<string, number>();
  const fixedLoad = new Map<string, number>();
  const fixedKeys = new Set<string>();
  for (const f of fixed) {
    fixedOn.set(f.analysisId, (fixedOn.get(f.analysisId) ?? 0) + 1);
    fixedLoad.set(f.reviewerId, (fixedLoad.get(f.reviewerId) ?? 0) + 1);
    fixedKeys.add(`${f.reviewerId}|${f.analysisId}`);
  }
  // nodes: 0 s, 1..A analyses, A+1..A+R reviewers, A+R+1 t, A+R+2 super source, A+R+3 super sink
  const s = 0;
  const t = A + R + 1;
  const ss = A + R + 2;
  const tt = A + R + 3;
  const to: number[] = [];
  const cap: number[] = [];
  const adj: number[][] = Array.from({ length: A + R + 4 }, () => []);
  const add = (u: number, v: number, c: number) => {
    adj[u]?.push(to.length);
    to.push(v);
    cap.push(c);
    adj[v]?.push(to.length);
    to.push(u);
    cap.push(0);
  };
  const excess = new Array<number>(A + R + 4).fill(0);
  /** An edge carrying between `low` and `high` units. */
  const bounded = (u: number, v: number, low: number, high: number) => {
    if (high > low) add(u, v, high - low);
    excess[v] = (excess[v] ?? 0) + low;
    excess[u] = (excess[u] ?? 0) - low;
  };
  for (const [i, a] of analyses.entries()) {
    const slots = pairsOn(a.analysisId) - (fixedOn.get(a.analysisId) ?? 0);
    if (slots < 0) return false;
    bounded(s, 1 + i, slots, slots);
    reviewers.forEach((r, j) => {
      if (r.reviewerId !== a.authorId && !fixedKeys.has(`${r.reviewerId}|${a.analysisId}`))
        add(1 + i, A + 1 + j, 1);
    });
  }
  for (const [j, r] of reviewers.entries()) {
    const l = fixedLoad.get(r.reviewerId) ?? 0;
    if (l > hi) return false;
    bounded(A + 1 + j, t, Math.max(0, lo - l), hi - l);
  }
  add(t, s, total + 1);
  let needed = 0;
  excess.forEach((e, v) => {
    if (e > 0) {
      add(ss, v, e);
      needed += e;
    } else if (e < 0) add(v, tt, -e);
  });
  return unitMaxFlow({ adj, to, cap }, ss, tt) === needed;
}
