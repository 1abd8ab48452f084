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
  AllocationPair,
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

/** What a solve decided, before reasons are given: kept pairs, new pairs and the final state. */
interface Solved {
  readonly ctx: Context;
  /** Pairs kept as they were (reported as locked): `n.locked`, and in a repair the open pairs that stay. */
  readonly kept: readonly IndexPair[];
  /** Pairs made in this run. */
  readonly fresh: readonly IndexPair[];
  /** Peer reviewers each analysis should get: min(k, eligible). */
  readonly need: Int32Array;
  readonly warnings: AllocationWarning[];
  /** Total pairs after the run (kept and new). */
  readonly total: number;
  /** The balanced loads could not be reached and the flow had to relax them. */
  readonly relaxed: boolean;
}

/** Peer reviewers per analysis, and the warnings about k and about analyses kept above k. */
function analysisNeeds(
  n: NormalizedInput,
  keptOn: Int32Array,
  warnings: AllocationWarning[],
): { need: Int32Array } {
  const R = n.reviewers.length;
  const k = n.k;
  const need = new Int32Array(n.analyses.length);
  let short = 0;
  n.analyses.forEach((a, x) => {
    const eligible = R - (n.reviewerOfPerson[a.author] >= 0 ? 1 : 0);
    need[x] = Math.min(k, eligible);
    if (need[x] < k) short++;
    const l = keptOn[x] ?? 0;
    if (l > k) {
      warnings.push({
        code: 'LOCKED_EXCEEDS_K',
        message: `Analysis ${a.id} keeps its ${l} locked reviewers, more than k = ${k}.`,
        analysisId: a.id,
      });
    }
  });
  if (short > 0) {
    warnings.push({
      code: 'K_EXCEEDS_REVIEWERS',
      message: `k = ${k} is more than the eligible reviewers for ${short} analys${short === 1 ? 'is' : 'es'}; they get fewer peer reviewers (see unmet).`,
    });
  }
  return { need };
}

/**
 * The allocation as ADR 0007 describes it: the `kept` pairs stay, every reviewer's load is fixed at
 * floor or ceil of the mean as far as they allow, then a min-cost flow fills the free slots.
 */
function solveStandard(n: NormalizedInput, kept: readonly IndexPair[]): Solved {
  const warnings: AllocationWarning[] = [...n.warnings];
  const N = n.analyses.length;
  const R = n.reviewers.length;
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

  const keptOn = new Int32Array(N);
  for (const { r, x } of kept) {
    on[x * R + r] = 1;
    keptOn[x] = (keptOn[x] ?? 0) + 1;
    lockedLoad[r] = (lockedLoad[r] ?? 0) + 1;
    load[r] = (load[r] ?? 0) + 1;
  }

  const { need } = analysisNeeds(n, keptOn, warnings);
  const free = new Int32Array(N);
  let F = 0;
  for (let x = 0; x < N; x++) {
    free[x] = Math.max(0, (need[x] ?? 0) - (keptOn[x] ?? 0));
    F += free[x] ?? 0;
  }
  const total = kept.length + F;
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
    reduceReciprocal(ctx, pairs, kept, weights, relaxed ? undefined : flexible, random);
  }

  if (kept.length > 0 && R > 0) {
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
  return { ctx, kept, fresh: pairs, need, warnings, total, relaxed };
}

/**
 * Rule 4's load rule for a repair: every load within ±1 of the mean, i.e. from ceil(mean) − 1 to
 * floor(mean) + 1 (floor and ceil when the mean is not whole; three values when it is).
 */
interface LoadBand {
  readonly lo: number;
  readonly hi: number;
  /** ceil(mean): loads above it are allowed but spread as thinly as possible. */
  readonly ceil: number;
}

function loadBand(total: number, R: number): LoadBand {
  if (R === 0) return { lo: 0, hi: 0, ceil: 0 };
  const floor = Math.floor(total / R);
  const ceil = Math.ceil(total / R);
  return { lo: Math.max(0, ceil - 1), hi: floor + 1, ceil };
}

/** How far the loads are outside the band, summed over reviewers (0 = the rule holds). */
function bandViolation(load: Int32Array, band: LoadBand): number {
  let v = 0;
  for (const l of load) v += Math.max(0, band.lo - l) + Math.max(0, l - band.hi);
  return v;
}

interface RebalanceWeights extends Weights {
  /** Per slot not filled by the movable pair already there: one more moved task. */
  readonly keep: number;
  /** Per unit of load above ceil(mean): spreads what the band allows thinly. */
  readonly spread: number;
  /** Per unit of load outside the band (relaxed mode only). */
  readonly violation: number;
}

/**
 * Tiers for the rebalancing flow, each above the largest total of the tiers below: band violation ≫
 * moved tasks ≫ loads above ceil(mean) (at most one unit per reviewer) ≫ school preference ≫
 * repeated pairs ≫ earlier meetings. The reverse-meeting tie-break of computeWeights is left out
 * here, to keep room for the two extra tiers (the reciprocal local search still runs); when the sums
 * would still lose precision, the count tier goes, then the spread tier.
 */
function computeRebalanceWeights(F: number, R: number, nodes: number, relaxed: boolean): RebalanceWeights {
  const f = Math.max(1, F);
  const build = (prefs: { school: number; repeated: number; count: number }, withSpread: boolean) => {
    const pref = prefs.school + prefs.repeated + COUNT_CAP * prefs.count;
    const spread = withSpread ? f * pref + 1 : 0;
    const keep = f * pref + R * spread + 1;
    const violation = relaxed ? f * (keep + pref) + R * spread + 1 : 0;
    const largest = Math.max(keep + pref, spread, violation);
    const reduced = prefs.count === 0;
    const weights: RebalanceWeights = { ...prefs, reverse: 0, overflow: 0, reduced, keep, spread, violation };
    return { weights, safe: largest * (nodes + 2) < SAFE_COST };
  };
  const count = 1;
  const repeated = f * COUNT_CAP * count + 1;
  const school = f * (repeated + COUNT_CAP * count) + 1;
  const full = build({ school, repeated, count }, true);
  if (full.safe) return full.weights;
  const twoTiers = { school: f + 1, repeated: 1, count: 0 };
  const reduced = build(twoTiers, true);
  return reduced.safe ? reduced.weights : build(twoTiers, false).weights;
}

/**
 * A repair that may move open pairs: the locked pairs stay; every analysis keeps as many peer
 * reviewers as before (or gets its k); a min-cost flow picks who reviews what so that every load is
 * within the band (capacities: the loads up to `lo` must all be filled, nothing above `hi`), then
 * moves as few movable pairs as possible, then spreads loads above ceil(mean), then follows the
 * preferences. Relaxed, the band may be left at a cost above everything else.
 */
function solveRebalance(n: NormalizedInput, movable: readonly IndexPair[], band: LoadBand): Solved {
  const N = n.analyses.length;
  const R = n.reviewers.length;
  const random = createRandom(`rebalance:${String(n.seed)}`);
  const warnings: AllocationWarning[] = [...n.warnings];
  const lockedOn = new Int32Array(N);
  const lockedLoad = new Int32Array(R);
  for (const { r, x } of n.locked) {
    lockedOn[x] = (lockedOn[x] ?? 0) + 1;
    lockedLoad[r] = (lockedLoad[r] ?? 0) + 1;
  }
  const movableOn = new Int32Array(N);
  const isMovable = new Uint8Array(N * R);
  for (const { r, x } of movable) {
    movableOn[x] = (movableOn[x] ?? 0) + 1;
    isMovable[x * R + r] = 1;
  }
  const keptOn = new Int32Array(N);
  for (let x = 0; x < N; x++) keptOn[x] = (lockedOn[x] ?? 0) + (movableOn[x] ?? 0);
  const { need } = analysisNeeds(n, keptOn, warnings);
  // Every slot of an analysis that is not locked, the movable pairs' included: a moved pair is
  // replaced on its analysis, never dropped.
  const slots = new Int32Array(N);
  let F = 0;
  for (let x = 0; x < N; x++) {
    slots[x] = Math.max(0, (need[x] ?? 0) - (lockedOn[x] ?? 0), movableOn[x] ?? 0);
    F += slots[x] ?? 0;
  }

  const solve = (relaxed: boolean): { pairs: IndexPair[]; weights: RebalanceWeights } => {
    const source = 0;
    const pool = N + R + 1;
    const sink = N + R + 2;
    const nodes = N + R + 3;
    const w = computeRebalanceWeights(F, R, nodes, relaxed);
    const flow = new MinCostFlow(nodes, N * R + 4 * R + N + 2);
    const analysisOrder = shuffledRange(N, random);
    const reviewerOrder = shuffledRange(R, random);
    const analysisNode = new Int32Array(N);
    analysisOrder.forEach((x, i) => (analysisNode[x] = 1 + i));
    const reviewerNode = new Int32Array(R);
    reviewerOrder.forEach((r, i) => (reviewerNode[r] = N + 1 + i));
    const lockedSet = new Set(n.locked.map(({ r, x }) => x * R + r));

    const slotEdges: { e: number; r: number; x: number }[] = [];
    for (const x of analysisOrder) {
      const s = slots[x] ?? 0;
      const a = n.analyses[x];
      if (s <= 0 || !a) continue;
      flow.addEdge(source, analysisNode[x] ?? 0, s, 0);
      for (const r of shuffledRange(R, random)) {
        if (n.reviewers[r]?.person === a.author || lockedSet.has(x * R + r)) continue;
        const cost = edgeCost(n, w, x, r) + (isMovable[x * R + r] === 1 ? 0 : w.keep);
        const e = flow.addEdge(analysisNode[x] ?? 0, reviewerNode[r] ?? 0, 1, cost);
        slotEdges.push({ e, r, x });
      }
    }
    let mandatory = 0;
    for (const r of reviewerOrder) {
      const node = reviewerNode[r] ?? 0;
      const l = lockedLoad[r] ?? 0;
      // Loads up to `lo` are owed: with the pool's capacity below, the sink's capacity equals F, so a
      // complete flow fills every one of them. Above that, up to `hi`, through the pool.
      const owed = Math.max(0, band.lo - l);
      if (owed > 0) flow.addEdge(node, sink, owed, 0);
      mandatory += owed;
      const from = Math.max(l, band.lo);
      const free = Math.max(0, Math.min(band.hi, band.ceil) - from);
      const above = Math.max(0, band.hi - Math.max(from, band.ceil));
      if (free > 0) flow.addEdge(node, pool, free, 0);
      if (above > 0) flow.addEdge(node, pool, above, w.spread);
      if (relaxed) flow.addEdge(node, sink, F, w.violation);
    }
    if (F - mandatory > 0) flow.addEdge(pool, sink, F - mandatory, 0);
    flow.run(source, sink, F);
    const pairs = slotEdges.filter((s) => flow.flowOn(s.e) > 0).map(({ r, x }) => ({ r, x }));
    return { pairs, weights: w };
  };

  let relaxed = false;
  let solved = solve(false);
  if (solved.pairs.length < F) {
    relaxed = true;
    solved = solve(true);
  }
  if (solved.weights.reduced) {
    warnings.push({
      code: 'PRECISION_REDUCED',
      message: 'Very large round: only the school preference and repeated pairs were optimised exactly.',
    });
  }

  const ctx: Context = {
    n,
    N,
    R,
    on: new Uint8Array(N * R),
    load: new Int32Array(R),
    lockedLoad,
  };
  const kept: IndexPair[] = [...n.locked];
  const fresh: IndexPair[] = [];
  for (const p of [...n.locked, ...solved.pairs]) {
    ctx.on[p.x * R + p.r] = 1;
    ctx.load[p.r] = (ctx.load[p.r] ?? 0) + 1;
  }
  for (const p of solved.pairs) {
    if (isMovable[p.x * R + p.r] === 1) kept.push(p);
    else fresh.push(p);
  }
  // Only new pairs may be swapped: a swap of a kept one would move a task for a lesser preference.
  // No moves between reviewers either (that local step assumes floor/ceil targets); swaps keep loads.
  reduceReciprocal(ctx, fresh, kept, solved.weights, undefined, random);
  // A swap that put a movable pair back where it was would make it look new (and be written twice);
  // the flow already moves as few as possible, so this only guards the bookkeeping.
  const isFresh = (p: IndexPair) => isMovable[p.x * R + p.r] !== 1;
  kept.push(...fresh.filter((p) => !isFresh(p)));

  return { ctx, kept, fresh: fresh.filter(isFresh), need, warnings, total: n.locked.length + F, relaxed };
}

/** Reasons per pair, unmet analyses and statistics of a solve. */
function assemble(solved: Solved, moved: readonly AllocationPair[]): AllocationResult {
  const { ctx, kept, fresh, need, warnings } = solved;
  const { n, N, R, on } = ctx;
  const k = n.k;
  const all: IndexPair[] = [...kept, ...fresh];
  const dir = directedCounts(n, all);
  const keptSet = new Set(kept.map(({ r, x }) => x * R + r));
  const assignments: (AllocationAssignment & { readonly _r: number; readonly _x: number })[] = all.map(
    ({ r, x }) => {
      const a = n.analyses[x];
      const rv = n.reviewers[r];
      if (!a || !rv) throw new Error('internal: pair out of range');
      const isKept = keptSet.has(x * R + r);
      const same = rv.schoolId === a.schoolId;
      const hist = n.history.get(n.pairKey(rv.person, a.author));
      const earlier = hist?.count ?? 0;
      const reasons: AllocationReason[] = [];
      if (isKept) {
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
        locked: isKept,
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

  return {
    assignments: assignments.map(({ _r, _x, ...rest }) => rest),
    unmet,
    warnings,
    stats: computeStats(n, all),
    moved,
  };
}

/**
 * Repair with movable pairs. First as before, the movable pairs kept like locked ones; if that
 * leaves every load within ±1 of the mean without relaxing, that is the answer and nothing moves.
 * Otherwise the rebalancing solve moves the fewest movable pairs the band needs, and is taken when
 * it is within the band, or at least closer to it; else nothing moves and BALANCE_RELAXED says the
 * rule cannot be met without touching pairs under way or chosen by hand.
 */
function repairWithMoves(n: NormalizedInput, movable: readonly IndexPair[]): AllocationResult {
  const R = n.reviewers.length;
  const asBefore = solveStandard(n, [...n.locked, ...movable]);
  const band = loadBand(asBefore.total, R);
  const before = bandViolation(asBefore.ctx.load, band);
  // In a repair the rule is the band, so the warnings about balance are judged against it too: a
  // load of mean + 1 is within the rule, and nothing is said about it.
  const balanceWarnings = (solved: Solved, violation: number): AllocationWarning[] => {
    const warnings = solved.warnings.filter(
      (w) => w.code !== 'BALANCE_RELAXED' && w.code !== 'LOCKED_UNBALANCED',
    );
    if (violation === 0) return warnings;
    warnings.push({
      code: 'BALANCE_RELAXED',
      message:
        'Not every reviewer can be within ±1 of the mean load without moving pairs under way (feedback begun) or chosen by hand; the loads were balanced as well as possible.',
    });
    n.reviewers.forEach((rv, r) => {
      const l = solved.ctx.load[r] ?? 0;
      if (l < band.lo || l > band.hi) {
        warnings.push({
          code: 'LOCKED_UNBALANCED',
          message: `Pairs under way or chosen by hand keep ${rv.id} at ${l} analyses, outside ±1 of the mean (${band.lo}–${band.hi}); the other loads are balanced as well as possible.`,
          reviewerId: rv.id,
        });
      }
    });
    return warnings;
  };
  if (!asBefore.relaxed && before === 0) {
    return assemble({ ...asBefore, warnings: balanceWarnings(asBefore, 0) }, []);
  }

  const rebalanced = solveRebalance(n, movable, band);
  const after = bandViolation(rebalanced.ctx.load, band);
  if (after > 0 && after >= before) {
    // Moving open tasks would not bring anyone closer to the rule: keep them all.
    return assemble({ ...asBefore, warnings: balanceWarnings(asBefore, before) }, []);
  }
  const chosen = new Set([...rebalanced.kept, ...rebalanced.fresh].map(({ r, x }) => x * R + r));
  const moved: AllocationPair[] = movable
    .filter(({ r, x }) => !chosen.has(x * R + r))
    .map(({ r, x }) => ({ reviewerId: n.reviewers[r]?.id ?? '', analysisId: n.analyses[x]?.id ?? '' }));
  return assemble({ ...rebalanced, warnings: balanceWarnings(rebalanced, after) }, moved);
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
 *
 * A repair that passes `movable` pairs (open, not started, not chosen by hand) also gets every load
 * within ±1 of the mean where the locked pairs allow it, by moving the fewest of those pairs (listed
 * in `moved`); see `AllocationInput.movable`.
 */
export function allocateCriticalFriends(input: AllocationInput): AllocationResult {
  const n = normalizeInput(input);
  if (n.movable !== null) return repairWithMoves(n, n.movable);
  return assemble(solveStandard(n, n.locked), []);
}
