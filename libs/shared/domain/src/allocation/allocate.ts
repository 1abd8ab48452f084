import { MinCostFlow } from './min-cost-flow';
import type { NormalizedInput } from './normalize';
import { normalizeInput } from './normalize';
import type { Random } from './prng';
import { createRandom, randomInt, shuffledRange } from './prng';
import { makeReason } from './reasons';
import type { IndexPair } from './stats';
import { computeStats, directedCounts } from './stats';
import type {
  AllocationInput,
  AllocationResult,
  AllocationWarning,
  AllocationAssignment,
  AllocationReason,
  AllocationUnmet,
} from './types';

/** Earlier meetings are counted up to this cap in the costs. */
const COUNT_CAP = 9;
/** Doubles are exact integers below 2^53; keep a safety margin. */
const SAFE_COST = 2 ** 51;
/** Relaxed mode: the j-th unit beyond a reviewer's target costs j × overflow (convex: spreads the excess). */
const OVERFLOW_STEPS = 8;

interface Weights {
  /** School preference not met. */
  readonly school: number;
  /** Reviewer → author pair already in the history. */
  readonly repeated: number;
  /** Per earlier meeting of the same pair (fewest meetings first). */
  readonly count: number;
  /** Per earlier meeting in the opposite direction (author reviewed the reviewer). */
  readonly reverse: number;
  /** Per unit of load beyond the balanced target, times the unit's rank (relaxed mode only). */
  readonly overflow: number;
  readonly reduced: boolean;
}

/**
 * Lexicographic weights: each tier outweighs the largest possible total of all lower tiers over the
 * F free slots, so the flow optimises school preference first, then repeated pairs, then meetings.
 */
function computeWeights(F: number, nodes: number, relaxed: boolean): Weights {
  const f = Math.max(1, F);
  const reverse = 1;
  const count = f * COUNT_CAP * reverse + 1;
  const repeated = f * (COUNT_CAP * count + COUNT_CAP * reverse) + 1;
  const school = f * (repeated + COUNT_CAP * count + COUNT_CAP * reverse) + 1;
  const maxEdge = school + repeated + COUNT_CAP * (count + reverse);
  const overflow = relaxed ? f * maxEdge + 1 : 0;
  if (Math.max(maxEdge, overflow * (OVERFLOW_STEPS + 1)) * (nodes + 2) < SAFE_COST) {
    return { school, repeated, count, reverse, overflow, reduced: false };
  }
  // Very large rounds: keep only the two main tiers so that all sums stay exact.
  const sRepeated = 1;
  const sSchool = f + 1;
  return {
    school: sSchool,
    repeated: sRepeated,
    count: 0,
    reverse: 0,
    overflow: relaxed ? f * (f + 2) + 1 : 0,
    reduced: true,
  };
}

interface Context {
  readonly n: NormalizedInput;
  readonly N: number;
  readonly R: number;
  /** on[x * R + r] = 1 when reviewer r is on analysis x. */
  readonly on: Uint8Array;
  readonly load: Int32Array;
  readonly lockedLoad: Int32Array;
}

function edgeCost(n: NormalizedInput, w: Weights, x: number, r: number): number {
  const a = n.analyses[x];
  const rv = n.reviewers[r];
  if (!a || !rv) return 0;
  const same = rv.schoolId === a.schoolId;
  const c = n.history.get(n.pairKey(rv.person, a.author))?.count ?? 0;
  const q = n.history.get(n.pairKey(a.author, rv.person))?.count ?? 0;
  return (
    (same === a.preferSame ? 0 : w.school) +
    (c > 0 ? w.repeated : 0) +
    Math.min(c, COUNT_CAP) * w.count +
    Math.min(q, COUNT_CAP) * w.reverse
  );
}

/**
 * Balanced targets with locked loads L_r: the largest b with Σ max(L_r, b) ≤ total. Reviewers with
 * L_r ≤ b ("flexible") end at b or b + 1 (exactly `extra` of them at b + 1); the others keep L_r.
 * Without locked pairs this is floor(total / R) and total mod R reviewers at the ceiling.
 */
function balanceTargets(lockedLoad: Int32Array, total: number): { base: number; extra: number } {
  const sumAt = (b: number): number => {
    let s = 0;
    for (const l of lockedLoad) s += Math.max(l, b);
    return s;
  };
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sumAt(mid) <= total) lo = mid;
    else hi = mid - 1;
  }
  return { base: lo, extra: total - sumAt(lo) };
}

/** Solves the free slots with min-cost flow; returns the chosen pairs (or fewer when infeasible). */
function solveFlow(
  ctx: Context,
  free: Int32Array,
  F: number,
  base: number,
  extra: number,
  relaxed: boolean,
  random: Random,
): { pairs: IndexPair[]; weights: Weights } {
  const { n, N, R, on, lockedLoad } = ctx;
  const source = 0;
  const extraNode = N + R + 1;
  const sink = N + R + 2;
  const nodes = N + R + 3;
  const weights = computeWeights(F, nodes, relaxed);
  const flow = new MinCostFlow(nodes, N * R + 3 * R + N + 2);

  // Seeded node numbering and edge order: the tie-breaking between equally good allocations.
  const analysisOrder = shuffledRange(N, random);
  const reviewerOrder = shuffledRange(R, random);
  const analysisNode = new Int32Array(N);
  analysisOrder.forEach((x, i) => (analysisNode[x] = 1 + i));
  const reviewerNode = new Int32Array(R);
  reviewerOrder.forEach((r, i) => (reviewerNode[r] = N + 1 + i));

  const slotEdges: { e: number; r: number; x: number }[] = [];
  for (const x of analysisOrder) {
    const f = free[x] ?? 0;
    if (f <= 0) continue;
    const a = n.analyses[x];
    if (!a) continue;
    flow.addEdge(source, analysisNode[x] ?? 0, f, 0);
    for (const r of shuffledRange(R, random)) {
      if (n.reviewers[r]?.person === a.author || on[x * R + r] === 1) continue;
      const e = flow.addEdge(analysisNode[x] ?? 0, reviewerNode[r] ?? 0, 1, edgeCost(n, weights, x, r));
      slotEdges.push({ e, r, x });
    }
  }
  for (const r of reviewerOrder) {
    const node = reviewerNode[r] ?? 0;
    const l = lockedLoad[r] ?? 0;
    if (l <= base) {
      if (base - l > 0) flow.addEdge(node, sink, base - l, 0);
      if (extra > 0) flow.addEdge(node, extraNode, 1, 0);
    }
    if (relaxed) {
      // Reviewers already above the target through locked pairs start further up the convex scale.
      const start = l > base ? l - base + 1 : 1;
      for (let j = start; j <= OVERFLOW_STEPS; j++) flow.addEdge(node, sink, 1, j * weights.overflow);
      flow.addEdge(node, sink, F, (OVERFLOW_STEPS + 1) * weights.overflow);
    }
  }
  if (extra > 0) flow.addEdge(extraNode, sink, extra, 0);

  flow.run(source, sink, F);
  const pairs = slotEdges.filter((s) => flow.flowOn(s.e) > 0).map(({ r, x }) => ({ r, x }));
  return { pairs, weights };
}

/**
 * Local improvement for the reciprocal preference (which the flow cannot express): swaps of reviewers
 * between two free pairs, and moves of a pair from a reviewer at b + 1 to one at b, accepted when the
 * flow cost does not grow and the number of reciprocal pairs falls. Loads and hard constraints stay.
 */
function reduceReciprocal(
  ctx: Context,
  pairs: IndexPair[],
  lockedPairs: readonly IndexPair[],
  weights: Weights,
  flexible: Uint8Array | undefined,
  random: Random,
): void {
  const { n, R, on, load } = ctx;
  if (pairs.length === 0) return;
  const dir = directedCounts(n, [...lockedPairs, ...pairs]);
  const personOf = (r: number): number => n.reviewers[r]?.person ?? -1;
  const authorOf = (x: number): number => n.analyses[x]?.author ?? -1;
  const get = (p: number, q: number): number => dir.get(n.pairKey(p, q)) ?? 0;
  const add = (p: number, q: number, d: number): void => {
    const key = n.pairKey(p, q);
    dir.set(key, (dir.get(key) ?? 0) + d);
  };
  const recip = (p: number, q: number): number => (get(p, q) > 0 && get(q, p) > 0 ? 1 : 0);
  const recipAmong = (list: readonly (readonly [number, number])[]): number => {
    let s = 0;
    const seen = new Set<number>();
    for (const [p, q] of list) {
      const key = n.pairKey(Math.min(p, q), Math.max(p, q));
      if (seen.has(key)) continue;
      seen.add(key);
      s += recip(p, q);
    }
    return s;
  };
  // The reverse-meeting tier is a tie-breaker below the reciprocal preference: compare without it.
  const primary: Weights = { ...weights, reverse: 0 };
  const cost = (x: number, r: number): number => edgeCost(n, primary, x, r);

  const trySwap = (i: number, j: number): boolean => {
    const pi = pairs[i];
    const pj = pairs[j];
    if (!pi || !pj) return false;
    const { r: r1, x: x1 } = pi;
    const { r: r2, x: x2 } = pj;
    if (r1 === r2 || x1 === x2) return false;
    const p1 = personOf(r1);
    const p2 = personOf(r2);
    const a1 = authorOf(x1);
    const a2 = authorOf(x2);
    if (p2 === a1 || p1 === a2 || on[x1 * R + r2] === 1 || on[x2 * R + r1] === 1) return false;
    const dc = cost(x1, r2) + cost(x2, r1) - cost(x1, r1) - cost(x2, r2);
    if (dc > 0) return false;
    const affected = [
      [p1, a1],
      [p2, a1],
      [p1, a2],
      [p2, a2],
    ] as const;
    const before = recipAmong(affected);
    add(p1, a1, -1);
    add(p2, a2, -1);
    add(p2, a1, 1);
    add(p1, a2, 1);
    const after = recipAmong(affected);
    if (dc < 0 || after < before) {
      on[x1 * R + r1] = 0;
      on[x2 * R + r2] = 0;
      on[x1 * R + r2] = 1;
      on[x2 * R + r1] = 1;
      pairs[i] = { r: r2, x: x1 };
      pairs[j] = { r: r1, x: x2 };
      return true;
    }
    add(p1, a1, 1);
    add(p2, a2, 1);
    add(p2, a1, -1);
    add(p1, a2, -1);
    return false;
  };

  const tryMove = (i: number, r2: number): boolean => {
    const pi = pairs[i];
    if (!pi || !flexible) return false;
    const { r: r1, x: x1 } = pi;
    if (r1 === r2 || flexible[r1] !== 1 || flexible[r2] !== 1) return false;
    if ((load[r1] ?? 0) !== (load[r2] ?? 0) + 1) return false;
    const p1 = personOf(r1);
    const p2 = personOf(r2);
    const a1 = authorOf(x1);
    if (p2 === a1 || on[x1 * R + r2] === 1) return false;
    const dc = cost(x1, r2) - cost(x1, r1);
    if (dc > 0) return false;
    const affected = [
      [p1, a1],
      [p2, a1],
    ] as const;
    const before = recipAmong(affected);
    add(p1, a1, -1);
    add(p2, a1, 1);
    const after = recipAmong(affected);
    if (dc < 0 || after < before) {
      on[x1 * R + r1] = 0;
      on[x1 * R + r2] = 1;
      load[r1] = (load[r1] ?? 0) - 1;
      load[r2] = (load[r2] ?? 0) + 1;
      pairs[i] = { r: r2, x: x1 };
      return true;
    }
    add(p1, a1, 1);
    add(p2, a1, -1);
    return false;
  };

  const M = pairs.length;
  let budget = 3_000_000; // bounds the running time on adversarial inputs
  for (let pass = 0; pass < 40 && budget > 0; pass++) {
    let improved = false;
    for (const i of shuffledRange(M, random)) {
      const pi = pairs[i];
      if (!pi || recip(personOf(pi.r), authorOf(pi.x)) === 0) continue;
      let done = false;
      const startJ = randomInt(random, M);
      for (let t = 0; t < M && !done; t++) {
        done = trySwap(i, (startJ + t) % M);
      }
      budget -= M;
      if (!done && flexible) {
        const startR = randomInt(random, R);
        for (let t = 0; t < R && !done; t++) done = tryMove(i, (startR + t) % R);
        budget -= R;
      }
      if (done) improved = true;
      if (budget <= 0) break;
    }
    if (!improved) break;
  }
}

/**
 * Critical-friend allocation for one analysis round (product rule 4).
 *
 * Hard constraints: nobody reviews their own analysis; no reviewer twice on one analysis; each analysis
 * gets min(k, eligible reviewers other than its author) peer reviewers; every reviewer's load is
 * floor(total / R) or ceil(total / R). Locked pairs are kept as they are; the rest is then balanced
 * as well as possible (with a warning when ±1 cannot hold).
 *
 * Preferences, lexicographic and optimal over all balanced allocations: (1) the school preference
 * (another school, or the same school when the author or the cohort asks), (2) fewest reviewer → author
 * pairs already in the history, then fewest earlier meetings; then (3) a local search removes reciprocal
 * pairs where a swap keeps (1) and (2). Deterministic for the same input (in any order) and seed.
 */
export function allocateCriticalFriends(input: AllocationInput): AllocationResult {
  const n = normalizeInput(input);
  const warnings: AllocationWarning[] = [...n.warnings];
  const N = n.analyses.length;
  const R = n.reviewers.length;
  const k = n.k;
  const random = createRandom(n.seed);
  const ctx: Context = {
    n,
    N,
    R,
    on: new Uint8Array(N * R),
    load: new Int32Array(R),
    lockedLoad: new Int32Array(R),
  };
  const { on, load, lockedLoad } = ctx;

  const lockedOn = new Int32Array(N);
  for (const { r, x } of n.locked) {
    on[x * R + r] = 1;
    lockedOn[x] = (lockedOn[x] ?? 0) + 1;
    lockedLoad[r] = (lockedLoad[r] ?? 0) + 1;
    load[r] = (load[r] ?? 0) + 1;
  }

  const need = new Int32Array(N);
  const free = new Int32Array(N);
  let short = 0;
  let F = 0;
  n.analyses.forEach((a, x) => {
    const eligible = R - (n.reviewerOfPerson[a.author] >= 0 ? 1 : 0);
    need[x] = Math.min(k, eligible);
    if (need[x] < k) short++;
    const l = lockedOn[x] ?? 0;
    if (l > k) {
      warnings.push({
        code: 'LOCKED_EXCEEDS_K',
        message: `Analysis ${a.id} keeps its ${l} locked reviewers, more than k = ${k}.`,
        analysisId: a.id,
      });
    }
    free[x] = Math.max(0, (need[x] ?? 0) - l);
    F += free[x] ?? 0;
  });
  if (short > 0) {
    warnings.push({
      code: 'K_EXCEEDS_REVIEWERS',
      message: `k = ${k} is more than the eligible reviewers for ${short} analys${short === 1 ? 'is' : 'es'}; they get fewer peer reviewers (see unmet).`,
    });
  }
  const total = n.locked.length + F;
  const { base, extra } = balanceTargets(lockedLoad, total);
  const flexible = new Uint8Array(R);
  for (let r = 0; r < R; r++) flexible[r] = (lockedLoad[r] ?? 0) <= base ? 1 : 0;

  let pairs: IndexPair[] = [];
  let relaxed = false;
  if (F > 0) {
    let solved = solveFlow(ctx, free, F, base, extra, false, random);
    if (solved.pairs.length < F) {
      relaxed = true;
      solved = solveFlow(ctx, free, F, base, extra, true, random);
      warnings.push({
        code: 'BALANCE_RELAXED',
        message:
          'No allocation reaches the balanced loads (locked pairs or who may review what prevent it); the loads were balanced as well as possible.',
      });
    }
    pairs = solved.pairs;
    const weights = solved.weights;
    if (weights.reduced) {
      warnings.push({
        code: 'PRECISION_REDUCED',
        message: 'Very large round: only the school preference and repeated pairs were optimised exactly.',
      });
    }
    for (const { r, x } of pairs) {
      on[x * R + r] = 1;
      load[r] = (load[r] ?? 0) + 1;
    }
    reduceReciprocal(ctx, pairs, n.locked, weights, relaxed ? undefined : flexible, random);
  }

  // Assemble the result with reasons.
  const all: IndexPair[] = [...n.locked, ...pairs];
  const dir = directedCounts(n, all);
  const lockedSet = new Set(n.locked.map(({ r, x }) => x * R + r));
  const assignments: (AllocationAssignment & { readonly _r: number; readonly _x: number })[] = all.map(
    ({ r, x }) => {
      const a = n.analyses[x];
      const rv = n.reviewers[r];
      if (!a || !rv) throw new Error('internal: pair out of range');
      const isLocked = lockedSet.has(x * R + r);
      const same = rv.schoolId === a.schoolId;
      const hist = n.history.get(n.pairKey(rv.person, a.author));
      const earlier = hist?.count ?? 0;
      const reasons: AllocationReason[] = [];
      if (isLocked) {
        reasons.push(makeReason('LOCKED'));
      } else {
        const preferredOk = same === a.preferSame;
        const candidates = n.reviewers.filter((c, ri) => c.person !== a.author && on[x * R + ri] !== 1);
        const schoolDetails = { reviewerSchoolId: rv.schoolId, authorSchoolId: a.schoolId };
        if (preferredOk) {
          reasons.push(makeReason(same ? 'SAME_SCHOOL_REQUESTED' : 'OTHER_SCHOOL', schoolDetails));
        } else {
          const noAlternative = !candidates.some((c) => (c.schoolId === a.schoolId) === a.preferSame);
          reasons.push(
            makeReason(a.preferSame ? 'FALLBACK_OTHER_SCHOOL' : 'FALLBACK_SAME_SCHOOL', {
              ...schoolDetails,
              noAlternative,
            }),
          );
        }
        const reverse = n.history.get(n.pairKey(a.author, rv.person))?.count ?? 0;
        if (earlier === 0) {
          reasons.push(
            makeReason(
              'NEW_PAIR',
              reverse > 0 ? { earlierReviews: 0, reverseEarlierReviews: reverse } : undefined,
            ),
          );
        } else {
          const noAlternative = !candidates.some(
            (c) =>
              !n.history.has(n.pairKey(c.person, a.author)) &&
              (!preferredOk || (c.schoolId === a.schoolId) === a.preferSame),
          );
          reasons.push(
            makeReason('FALLBACK_REPEATED_PAIR', {
              earlierReviews: earlier,
              ...(hist?.lastRound !== undefined ? { lastRound: hist.lastRound } : {}),
              ...(reverse > 0 ? { reverseEarlierReviews: reverse } : {}),
              noAlternative,
            }),
          );
        }
        if ((dir.get(n.pairKey(a.author, rv.person)) ?? 0) > 0)
          reasons.push(makeReason('FALLBACK_RECIPROCAL'));
      }
      return {
        reviewerId: rv.id,
        analysisId: a.id,
        authorId: a.authorId,
        reasons,
        locked: isLocked,
        sameSchool: same,
        earlierReviews: earlier,
        _r: r,
        _x: x,
      };
    },
  );
  assignments.sort((p, q) => p._x - q._x || p._r - q._r);

  const got = new Int32Array(N);
  for (const { x } of all) got[x] = (got[x] ?? 0) + 1;
  const unmet: AllocationUnmet[] = [];
  n.analyses.forEach((a, x) => {
    const missing = k - (got[x] ?? 0);
    if (missing <= 0) return;
    const notEnough = (need[x] ?? 0) < k;
    unmet.push({
      analysisId: a.id,
      authorId: a.authorId,
      missing,
      reason: notEnough
        ? {
            code: 'NOT_ENOUGH_REVIEWERS',
            message: `Only ${need[x]} reviewer${need[x] === 1 ? '' : 's'} other than the author ${need[x] === 1 ? 'is' : 'are'} available in this round.`,
          }
        : { code: 'NO_CAPACITY', message: 'No reviewer had capacity left for this analysis.' },
    });
  });

  if (n.locked.length > 0 && R > 0) {
    const lo = Math.floor(total / R);
    const hi = Math.ceil(total / R);
    n.reviewers.forEach((rv, r) => {
      const l = load[r] ?? 0;
      if (l < lo || l > hi) {
        warnings.push({
          code: 'LOCKED_UNBALANCED',
          message: `Locked pairs prevent a balanced load: ${rv.id} reviews ${l} analyses (balanced would be ${lo === hi ? lo : `${lo}–${hi}`}); the other pairs are balanced as well as possible.`,
          reviewerId: rv.id,
        });
      }
    });
  }

  return {
    assignments: assignments.map(({ _r, _x, ...rest }) => rest),
    unmet,
    warnings,
    stats: computeStats(n, all),
  };
}
