/**
 * Quality and speed benchmark of the critical-friend allocation (product rule 4).
 *
 *   node -r @swc-node/register tools/bench/allocation-quality.ts
 *
 * Quality: a cohort of 24 teachers in 4 schools (6 each) over 6 rounds with k = 2, each round's pairs
 * fed into the next round's history; the allocation vs a plain seeded random allocation that only
 * respects no-self-review and balance. Speed: 200 analyses × k = 3.
 */
import type { AllocationHistoryPair, AllocationInput } from '../../libs/shared/domain/src/allocation';
import { allocateCriticalFriends } from '../../libs/shared/domain/src/allocation';
import { allocateRandomBaseline } from '../../libs/shared/domain/src/allocation/random-baseline';

type Pair = { reviewerId: string; analysisId: string; authorId: string };
type Strategy = { name: string; allocate: (input: AllocationInput) => readonly Pair[] };

const strategies: Strategy[] = [
  { name: 'allocation', allocate: (input) => allocateCriticalFriends(input).assignments },
  { name: 'random', allocate: (input) => allocateRandomBaseline(input).assignments },
];

const SCHOOLS = 4;
const PER_SCHOOL = 6;
const ROUNDS = 6;
const K = 2;
const teachers = Array.from({ length: SCHOOLS * PER_SCHOOL }, (_, i) => ({
  id: `t${String(i + 1).padStart(2, '0')}`,
  schoolId: `s${(i % SCHOOLS) + 1}`,
}));
const schoolOf = new Map(teachers.map((t) => [t.id, t.schoolId]));

function pad(value: string | number, width: number): string {
  const text =
    typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value;
  return text.padStart(width);
}

function printTable(header: string[], rows: (string | number)[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => pad(r[i] ?? '', 0).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  console.log();
}

interface YearResult {
  distinct: number[];
  crossShare: number;
  repeated: number;
  reciprocalPerRound: number[];
}

function runYear(strategy: Strategy): YearResult {
  const history: AllocationHistoryPair[] = [];
  const reciprocalPerRound: number[] = [];
  let cross = 0;
  let total = 0;
  let repeated = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const input: AllocationInput = {
      analyses: teachers.map((t) => ({
        analysisId: `r${round}-${t.id}`,
        authorId: t.id,
        schoolId: t.schoolId,
      })),
      history: [...history],
      k: K,
      seed: `bench-round-${round}`,
    };
    const pairs = strategy.allocate(input);
    const seen = new Set(history.map((h) => `${h.reviewerId}>${h.authorId}`));
    const directed = new Set(pairs.map((p) => `${p.reviewerId}>${p.authorId}`));
    let reciprocal = 0;
    for (const p of pairs) {
      total++;
      if (schoolOf.get(p.reviewerId) !== schoolOf.get(p.authorId)) cross++;
      if (seen.has(`${p.reviewerId}>${p.authorId}`)) repeated++;
      if (p.reviewerId < p.authorId && directed.has(`${p.authorId}>${p.reviewerId}`)) reciprocal++;
    }
    reciprocalPerRound.push(reciprocal);
    for (const p of pairs)
      history.push({ reviewerId: p.reviewerId, authorId: p.authorId, roundNumber: round });
  }
  const distinct = teachers.map(
    (t) => new Set(history.filter((h) => h.authorId === t.id).map((h) => h.reviewerId)).size,
  );
  return { distinct, crossShare: cross / total, repeated, reciprocalPerRound };
}

const otherSchool = (SCHOOLS - 1) * PER_SCHOOL;
const bestDistinct = Math.min(ROUNDS * K, otherSchool);
console.log(
  `Critical-friend allocation: ${teachers.length} teachers in ${SCHOOLS} schools (${PER_SCHOOL} each), ${ROUNDS} rounds, k = ${K}\n`,
);
const results = strategies.map((s) => ({ name: s.name, ...runYear(s) }));
const stats = (values: number[]) => ({
  min: Math.min(...values),
  mean: values.reduce((a, b) => a + b, 0) / values.length,
  max: Math.max(...values),
});
printTable(
  [
    'strategy',
    'distinct reviewers min',
    'mean',
    'max',
    'cross-school share',
    'repeated pairs',
    'reciprocal pairs per round',
  ],
  [
    ...results.map((r) => {
      const d = stats(r.distinct);
      return [r.name, d.min, d.mean, d.max, r.crossShare, r.repeated, r.reciprocalPerRound.join(' ')];
    }),
    [
      'theoretical best',
      bestDistinct,
      bestDistinct,
      bestDistinct,
      1,
      0,
      Array.from({ length: ROUNDS }, () => 0).join(' '),
    ],
  ],
);
console.log(
  `theoretical best distinct reviewers = min(rounds × k = ${ROUNDS * K}, reviewers from other schools = ${otherSchool}) = ${bestDistinct}\n`,
);

// Speed: 200 analyses × k = 3 in 13 schools of uneven size, without and with 5 rounds of history.
const SIZE = 200;
const bigTeachers = Array.from({ length: SIZE }, (_, i) => ({
  id: `p${String(i).padStart(3, '0')}`,
  schoolId: `s${Math.floor(Math.sqrt(i * 3))}`,
}));
const bigAnalyses = bigTeachers.map((t) => ({
  analysisId: `a-${t.id}`,
  authorId: t.id,
  schoolId: t.schoolId,
}));
const bigHistory: AllocationHistoryPair[] = [];
for (let round = 1; round <= 5; round++) {
  const r = allocateCriticalFriends({
    analyses: bigAnalyses,
    history: [...bigHistory],
    k: 3,
    seed: `warm-${round}`,
  });
  for (const a of r.assignments)
    bigHistory.push({ reviewerId: a.reviewerId, authorId: a.authorId, roundNumber: round });
}
const RUNS = 10;
const timings: (string | number)[][] = [];
for (const [label, history] of [
  ['no history', [] as AllocationHistoryPair[]],
  ['5 rounds of history', bigHistory],
] as const) {
  for (const strategy of strategies) {
    strategy.allocate({ analyses: bigAnalyses, history, k: 3, seed: 'warmup' });
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      strategy.allocate({ analyses: bigAnalyses, history, k: 3, seed: `run-${run}` });
      times.push(performance.now() - t0);
    }
    const t = stats(times);
    timings.push([strategy.name, label, t.mean, t.min, t.max]);
  }
}
console.log(
  `Speed: ${SIZE} analyses × k = 3, ${new Set(bigTeachers.map((t) => t.schoolId)).size} schools, ${RUNS} runs`,
);
printTable(['strategy', 'input', 'mean ms', 'min ms', 'max ms'], timings);
