import { allocationFindings } from './findings';
import type { AllocationFindingCode, FindingsInput } from './findings';

/**
 * Four teachers: Anna and Bo at Ekbacken, Cia at Solvik, Dan at Norrängen. Everyone published, so
 * everyone reviews; analysis aX is X's.
 */
const base: FindingsInput = {
  analyses: [
    { analysisId: 'aA', authorId: 'A', schoolId: 'ek' },
    { analysisId: 'aB', authorId: 'B', schoolId: 'ek' },
    { analysisId: 'aC', authorId: 'C', schoolId: 'sol' },
    { analysisId: 'aD', authorId: 'D', schoolId: 'norr' },
  ],
  reviewers: [
    { reviewerId: 'A', schoolId: 'ek' },
    { reviewerId: 'B', schoolId: 'ek' },
    { reviewerId: 'C', schoolId: 'sol' },
    { reviewerId: 'D', schoolId: 'norr' },
  ],
  assignments: [],
  earlierPairs: [],
};

/** A round where nobody breaks anything: a ring A→C→B→D→A (reviewer → author). */
const ring = [
  { analysisId: 'aC', reviewerId: 'A' },
  { analysisId: 'aB', reviewerId: 'C' },
  { analysisId: 'aD', reviewerId: 'B' },
  { analysisId: 'aA', reviewerId: 'D' },
];

/** Replaces the reviewer of the ring's pair on `analysisId`. */
const ringWith = (analysisId: string, reviewerId: string) =>
  ring.map((p) => (p.analysisId === analysisId ? { analysisId, reviewerId } : p));

const codesOf = (input: FindingsInput, analysisId: string): AllocationFindingCode[] =>
  allocationFindings(input)
    .assignments.filter((a) => a.analysisId === analysisId)
    .flatMap((a) => a.findings.map((f) => f.code));

describe('allocationFindings: per pair', () => {
  const cases: {
    name: string;
    input: Partial<FindingsInput>;
    analysisId: string;
    expected: AllocationFindingCode[];
  }[] = [
    { name: 'a clean ring has no findings', input: { assignments: ring }, analysisId: 'aC', expected: [] },
    {
      name: 'the author as their own critical friend is OWN',
      input: { assignments: ringWith('aB', 'B') },
      analysisId: 'aB',
      expected: ['OWN'],
    },
    {
      name: 'the same reviewer twice on one analysis is DUPLICATE',
      input: { assignments: [...ring, { analysisId: 'aC', reviewerId: 'A' }] },
      analysisId: 'aC',
      expected: ['DUPLICATE', 'DUPLICATE'],
    },
    {
      name: 'a colleague from the same school is SAME_SCHOOL',
      input: { assignments: ringWith('aB', 'A') },
      analysisId: 'aB',
      expected: ['SAME_SCHOOL'],
    },
    {
      name: 'SAME_SCHOOL is not reported when the author asked for same-school support',
      input: {
        assignments: ringWith('aB', 'A'),
        analyses: base.analyses.map((a) => (a.authorId === 'B' ? { ...a, wantsSameSchool: true } : a)),
      },
      analysisId: 'aB',
      expected: [],
    },
    {
      name: 'SAME_SCHOOL is not reported when the cohort asks for same-school support',
      input: { assignments: ringWith('aB', 'A'), cohortSameSchool: true },
      analysisId: 'aB',
      expected: [],
    },
    {
      name: 'unknown schools are never the same school',
      input: {
        assignments: ringWith('aB', 'A'),
        analyses: base.analyses.map((a) => ({ ...a, schoolId: null })),
        reviewers: base.reviewers.map((r) => ({ reviewerId: r.reviewerId })),
      },
      analysisId: 'aB',
      expected: [],
    },
    {
      name: "without the analysis's school, the author's school as a reviewer counts",
      input: {
        assignments: ringWith('aB', 'A'),
        analyses: base.analyses.map((a) => ({ analysisId: a.analysisId, authorId: a.authorId })),
      },
      analysisId: 'aB',
      expected: ['SAME_SCHOOL'],
    },
    {
      name: 'a pair that met in an earlier round is REPEAT',
      input: { assignments: ring, earlierPairs: [{ reviewerId: 'A', authorId: 'C', roundNumber: 1 }] },
      analysisId: 'aC',
      expected: ['REPEAT'],
    },
    {
      name: 'the other direction in an earlier round is no REPEAT',
      input: { assignments: ring, earlierPairs: [{ reviewerId: 'C', authorId: 'A', roundNumber: 1 }] },
      analysisId: 'aC',
      expected: [],
    },
    {
      name: 'two people reading each other in the round is RECIPROCAL (both pairs)',
      input: { assignments: [...ringWith('aA', 'C')] },
      analysisId: 'aA',
      expected: ['RECIPROCAL'],
    },
    {
      name: 'several findings at once, in a fixed order',
      input: {
        assignments: [
          { analysisId: 'aB', reviewerId: 'A' },
          { analysisId: 'aA', reviewerId: 'B' },
        ],
        earlierPairs: [{ reviewerId: 'A', authorId: 'B', roundNumber: 2 }],
      },
      analysisId: 'aB',
      expected: ['SAME_SCHOOL', 'REPEAT', 'RECIPROCAL'],
    },
    {
      name: 'an own analysis is only OWN (the other checks do not apply to it)',
      input: {
        assignments: [{ analysisId: 'aA', reviewerId: 'A' }],
        earlierPairs: [{ reviewerId: 'A', authorId: 'A', roundNumber: 1 }],
      },
      analysisId: 'aA',
      expected: ['OWN'],
    },
  ];

  it.each(cases)('$name', ({ input, analysisId, expected }) => {
    expect(codesOf({ ...base, ...input }, analysisId)).toEqual(expected);
  });

  it('names the earlier rounds of a repeat, once each, in order', () => {
    const result = allocationFindings({
      ...base,
      assignments: ring,
      earlierPairs: [
        { reviewerId: 'A', authorId: 'C', roundNumber: 3 },
        { reviewerId: 'A', authorId: 'C', roundNumber: 1 },
        { reviewerId: 'A', authorId: 'C', roundNumber: 3 },
      ],
    });
    expect(result.assignments[0]?.findings).toEqual([
      { code: 'REPEAT', severity: 'WARNING', earlierRounds: [1, 3] },
    ]);
  });

  it('marks OWN and DUPLICATE impossible, the rest warnings', () => {
    expect(allocationFindings({ ...base, assignments: ringWith('aB', 'B') }).impossible).toBe(true);
    const warned = allocationFindings({ ...base, assignments: ringWith('aB', 'A') });
    expect(warned.impossible).toBe(false);
    expect(warned.assignments.find((a) => a.analysisId === 'aB')?.findings[0]?.severity).toBe('WARNING');
  });

  it('keeps the order of the given assignments and names the author', () => {
    const result = allocationFindings({ ...base, assignments: ring });
    expect(result.assignments.map((a) => `${a.reviewerId}>${a.authorId}`)).toEqual([
      'A>C',
      'C>B',
      'B>D',
      'D>A',
    ]);
  });
});

describe('allocationFindings: loads against the target', () => {
  const cases: {
    name: string;
    assignments: FindingsInput['assignments'];
    expected: Record<string, string>;
    balanced: boolean;
  }[] = [
    {
      name: 'one each: all within 1–1',
      assignments: ring,
      expected: { A: 'WITHIN 1', B: 'WITHIN 1', C: 'WITHIN 1', D: 'WITHIN 1' },
      balanced: true,
    },
    {
      name: 'a change that gives A two and D none: A over, D under',
      assignments: ringWith('aA', 'C').map((p) => (p.analysisId === 'aB' ? { ...p, reviewerId: 'A' } : p)),
      expected: { A: 'OVER 2', B: 'WITHIN 1', C: 'WITHIN 1', D: 'UNDER 0' },
      balanced: false,
    },
    {
      name: 'five pairs over four: 1–2 is the target',
      assignments: [...ring, { analysisId: 'aA', reviewerId: 'C' }],
      expected: { A: 'WITHIN 1', B: 'WITHIN 1', C: 'WITHIN 2', D: 'WITHIN 1' },
      balanced: true,
    },
    {
      name: 'no pairs at all: everyone within 0',
      assignments: [],
      expected: { A: 'WITHIN 0', B: 'WITHIN 0', C: 'WITHIN 0', D: 'WITHIN 0' },
      balanced: true,
    },
  ];

  it.each(cases)('$name', ({ assignments, expected, balanced }) => {
    const result = allocationFindings({ ...base, assignments });
    expect(Object.fromEntries(result.loads.map((l) => [l.reviewerId, `${l.status} ${l.load}`]))).toEqual(
      expected,
    );
    expect(result.balanced).toBe(balanced);
  });

  it('gives the target as floor and ceiling of the mean', () => {
    const result = allocationFindings({
      ...base,
      assignments: [...ring, { analysisId: 'aA', reviewerId: 'C' }],
    });
    expect(result.loads[0]).toMatchObject({ min: 1, max: 2 });
  });

  it('counts someone assigned who is not a listed reviewer', () => {
    const result = allocationFindings({
      ...base,
      assignments: [...ring, { analysisId: 'aA', reviewerId: 'E' }],
    });
    expect(result.loads.map((l) => l.reviewerId)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
