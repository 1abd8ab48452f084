import { balancedLoadRange } from './check';

/**
 * What is wrong, or worth knowing, about each pair of an allocation as it stands (e.g. after a
 * course leader changed some pairs by hand), and about each reviewer's load: rule 4's checks in one
 * place. The API returns them with every preview and apply; the web app runs the same function
 * live on every change, so the page and the server never disagree.
 *
 * - OWN (impossible): the reviewer is the author; nobody reviews their own analysis.
 * - DUPLICATE (impossible): the reviewer is on this analysis more than once.
 * - SAME_SCHOOL: reviewer and author work at the same school, though an outside view was wanted
 *   (not reported when the author or the cohort asked for same-school support).
 * - REPEAT: the reviewer read this author in an earlier round of the cohort (`earlierRounds`).
 * - RECIPROCAL: the author also reads the reviewer's analysis in this round.
 * Loads: each reviewer's number of analyses against rule 4's target (floor to ceiling of the mean):
 * OVER, UNDER or WITHIN.
 */
export type AllocationFindingCode = 'OWN' | 'DUPLICATE' | 'SAME_SCHOOL' | 'REPEAT' | 'RECIPROCAL';

/** IMPOSSIBLE findings are refused by the server; WARNING findings are allowed, and shown. */
export type AllocationFindingSeverity = 'IMPOSSIBLE' | 'WARNING';

export const FINDING_SEVERITY: Readonly<Record<AllocationFindingCode, AllocationFindingSeverity>> = {
  OWN: 'IMPOSSIBLE',
  DUPLICATE: 'IMPOSSIBLE',
  SAME_SCHOOL: 'WARNING',
  REPEAT: 'WARNING',
  RECIPROCAL: 'WARNING',
};

export interface AllocationFinding {
  readonly code: AllocationFindingCode;
  readonly severity: AllocationFindingSeverity;
  /** REPEAT: the earlier rounds (numbers, ascending) in which this reviewer read this author. */
  readonly earlierRounds?: readonly number[];
}

export interface FindingsAnalysis {
  readonly analysisId: string;
  readonly authorId: string;
  /**
   * The school the analysis is written at; when absent, the author's school as a reviewer. Unknown
   * schools are never "the same school".
   */
  readonly schoolId?: string | null;
  /** The author asked for a critical friend from their own school. */
  readonly wantsSameSchool?: boolean;
}

export interface FindingsReviewer {
  readonly reviewerId: string;
  readonly schoolId?: string | null;
}

export interface FindingsInput {
  /** The round's analyses (one per author). */
  readonly analyses: readonly FindingsAnalysis[];
  /** Everyone who reviews in the round, with their schools: the loads are counted over them. */
  readonly reviewers: readonly FindingsReviewer[];
  /** The pairs as proposed or changed: reviewer → analysis. */
  readonly assignments: readonly { readonly analysisId: string; readonly reviewerId: string }[];
  /** Who read whom in earlier rounds of the cohort. */
  readonly earlierPairs?: readonly {
    readonly reviewerId: string;
    readonly authorId: string;
    readonly roundNumber?: number | null;
  }[];
  /** The cohort asks for same-school support: same-school pairs are then what is wanted. */
  readonly cohortSameSchool?: boolean;
}

export interface AssignmentFindings {
  readonly analysisId: string;
  /** Empty when the analysis is not in `analyses`. */
  readonly authorId: string;
  readonly reviewerId: string;
  /** In the order of `AllocationFindingCode`; empty when all is well. */
  readonly findings: readonly AllocationFinding[];
}

export type LoadStatus = 'UNDER' | 'WITHIN' | 'OVER';

export interface ReviewerLoadFinding {
  readonly reviewerId: string;
  readonly load: number;
  /** Rule 4's target: every load from `min` to `max` (floor and ceiling of the mean). */
  readonly min: number;
  readonly max: number;
  readonly status: LoadStatus;
}

export interface AllocationFindings {
  /** One entry per given assignment, in the given order. */
  readonly assignments: readonly AssignmentFindings[];
  /** One entry per reviewer (in the given order), then anyone assigned who is not a listed reviewer. */
  readonly loads: readonly ReviewerLoadFinding[];
  /** Some pair can not be made (an IMPOSSIBLE finding). */
  readonly impossible: boolean;
  /** Every load is within the target. */
  readonly balanced: boolean;
}

const ORDER: readonly AllocationFindingCode[] = ['OWN', 'DUPLICATE', 'SAME_SCHOOL', 'REPEAT', 'RECIPROCAL'];

const finding = (code: AllocationFindingCode, earlierRounds?: number[]): AllocationFinding =>
  earlierRounds
    ? { code, severity: FINDING_SEVERITY[code], earlierRounds }
    : { code, severity: FINDING_SEVERITY[code] };

export function allocationFindings(input: FindingsInput): AllocationFindings {
  const analyses = new Map(input.analyses.map((a) => [a.analysisId, a]));
  const reviewerSchool = new Map<string, string>();
  for (const r of input.reviewers) if (r.schoolId) reviewerSchool.set(r.reviewerId, r.schoolId);

  const earlier = new Map<string, number[]>();
  for (const p of input.earlierPairs ?? []) {
    const key = `${p.reviewerId}>${p.authorId}`;
    const rounds = earlier.get(key) ?? [];
    if (p.roundNumber != null && !rounds.includes(p.roundNumber)) rounds.push(p.roundNumber);
    earlier.set(key, rounds);
  }

  // Who reads whom in this round (person → person), for the reciprocal check.
  const reads = new Set<string>();
  for (const { analysisId, reviewerId } of input.assignments) {
    const author = analyses.get(analysisId)?.authorId;
    if (author) reads.add(`${reviewerId}>${author}`);
  }
  const perPair = new Map<string, number>();
  for (const { analysisId, reviewerId } of input.assignments) {
    const key = `${analysisId}:${reviewerId}`;
    perPair.set(key, (perPair.get(key) ?? 0) + 1);
  }

  const assignments = input.assignments.map(({ analysisId, reviewerId }): AssignmentFindings => {
    const analysis = analyses.get(analysisId);
    const authorId = analysis?.authorId ?? '';
    const found = new Map<AllocationFindingCode, AllocationFinding>();
    if (authorId === reviewerId) found.set('OWN', finding('OWN'));
    if ((perPair.get(`${analysisId}:${reviewerId}`) ?? 0) > 1) found.set('DUPLICATE', finding('DUPLICATE'));
    if (analysis && authorId !== reviewerId) {
      const authorSchool = analysis.schoolId ?? reviewerSchool.get(authorId) ?? null;
      const sameWanted = analysis.wantsSameSchool === true || input.cohortSameSchool === true;
      if (!sameWanted && authorSchool && authorSchool === reviewerSchool.get(reviewerId))
        found.set('SAME_SCHOOL', finding('SAME_SCHOOL'));
      const rounds = earlier.get(`${reviewerId}>${authorId}`);
      if (rounds)
        found.set(
          'REPEAT',
          finding(
            'REPEAT',
            [...rounds].sort((a, b) => a - b),
          ),
        );
      if (reads.has(`${authorId}>${reviewerId}`)) found.set('RECIPROCAL', finding('RECIPROCAL'));
    }
    return {
      analysisId,
      authorId,
      reviewerId,
      findings: ORDER.flatMap((code) => found.get(code) ?? []),
    };
  });

  const load = new Map<string, number>(input.reviewers.map((r) => [r.reviewerId, 0]));
  for (const { reviewerId } of input.assignments) load.set(reviewerId, (load.get(reviewerId) ?? 0) + 1);
  const { lo, hi } = load.size ? balancedLoadRange(input.assignments.length, load.size) : { lo: 0, hi: 0 };
  const loads = [...load].map(([reviewerId, l]): ReviewerLoadFinding => ({
    reviewerId,
    load: l,
    min: lo,
    max: hi,
    status: l > hi ? 'OVER' : l < lo ? 'UNDER' : 'WITHIN',
  }));
  return {
    assignments,
    loads,
    impossible: assignments.some((a) => a.findings.some((f) => f.severity === 'IMPOSSIBLE')),
    balanced: loads.every((l) => l.status === 'WITHIN'),
  };
}
