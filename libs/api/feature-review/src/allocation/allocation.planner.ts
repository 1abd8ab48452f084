import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisStatus,
  AssignmentSource,
  CohortMembershipEntity,
  CohortRole,
  ReviewAssignmentEntity,
  ReviewerKind,
} from '@stl/api/data-access-db';
import type { AnalysisRoundEntity, CohortEntity, StoredReason } from '@stl/api/data-access-db';
import { BadInputError, DomainError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import {
  AllocationInputError,
  PAIR_RULE_PROBLEMS,
  allocateCriticalFriends,
  allocationFindings,
  pairRuleViolation,
} from '@stl/shared/domain';
import type { AllocationFindingCode, PairRuleCode, PairRuleInput } from '@stl/shared/domain';
import type {
  AllocationFindings,
  FindingsInput,
  AllocationAnalysis,
  AllocationAssignment,
  AllocationHistoryPair,
  AllocationResult,
  AllocationReviewer,
} from '@stl/shared/domain';

/** Allocation needs a school for everyone; people enrolled without one form a "school" of their own. */
const NO_SCHOOL = 'no-school';

export const LEADER_REASON: StoredReason = {
  code: 'COURSE_LEADER',
  message: 'Course leaders give leader feedback on every published analysis.',
};

/**
 * - `apply`: open pairs of an earlier allocation are replaced; pairs under way (feedback given) and
 *   pairs set by hand or by a repair are kept.
 * - `repair`: missing reviewers are added, and every load is kept within ±1 of the mean (rule 4).
 *   Pairs under way and pairs set by hand are kept; open pairs made by an allocation or a repair stay
 *   too, unless the load rule needs some of them elsewhere: then the fewest needed move to another
 *   reviewer (the old assignment is cancelled, a new one made).
 * Both cancel open assignments of people who left the cohort (as reviewer or as author).
 */
export type PlanMode = 'apply' | 'repair';

/** Reasons of a course leader's override: added (MANUAL) or in place of a previewed reviewer. */
export const OVERRIDE_REASONS = {
  added: { code: 'MANUAL', message: 'Added by a course leader when the allocation was applied.' },
  swapped: { code: 'MANUAL_SWAP', message: 'Swapped in by a course leader when the allocation was applied.' },
} as const satisfies Record<string, StoredReason>;

/**
 * A pair written as given (apply only): a course leader's override (`manual`), or a pair of the
 * preview kept beside an override that replaced one of the analysis's previewed reviewers. Passed to
 * the allocator as locked, so the rest is allocated around it, but written as a new assignment.
 */
export interface ChosenPair {
  analysisId: string;
  reviewerId: string;
  /** Index in `overrides` for a leader's choice; null for a previewed pair kept beside one. */
  overrideIndex: number | null;
  /** Stored reasons (the preview's for kept previewed pairs). */
  reasons: readonly StoredReason[];
}

/** A pair of the plan: an allocator's pair, or a chosen one with its own reasons and source. */
export type PlannedPair = Omit<AllocationAssignment, 'reasons'> & {
  reasons: readonly StoredReason[];
  /** Set for chosen pairs: MANUAL for a leader's override. */
  source?: AssignmentSource;
};

export interface AllocationPlan {
  seed: string;
  k: number;
  analysisCount: number;
  result: AllocationResult;
  /** Kept (locked) pairs and the new pairs, as they will be after the change. */
  pairs: PlannedPair[];
  /** Pairs to write as new assignments (not in place before). */
  newPairs: PlannedPair[];
  /** Open allocation pairs of before that the plan does not propose again: deleted. */
  replace: ReviewAssignmentEntity[];
  /**
   * Open allocation pairs of before that the plan proposes again (apply): kept as they are, the
   * same row and so the same mail key, with their source and reasons brought up to date.
   */
  retained: { assignment: ReviewAssignmentEntity; pair: PlannedPair }[];
  /** Open assignments cancelled: of people who left, and (repair) those moved to another reviewer. */
  cancel: ReviewAssignmentEntity[];
  leaderPairs: { analysisId: string; reviewerId: string }[];
  /** What rule 4's checks need, with schools as stored (null when unknown): also returned to the page. */
  checks: Required<Omit<FindingsInput, 'assignments'>>;
  /** Rule 4's checks on `pairs` (`allocationFindings`, which the allocation page runs live too). */
  findings: AllocationFindings;
}

const pairKey = (analysisId: string, reviewerId: string) => `${analysisId}:${reviewerId}`;

/**
 * Everything one allocation run needs, in four queries. Sequential: inside a transaction they share
 * one connection. A repair locks the round's live assignments: giving feedback locks its assignment
 * too, so a task cannot be moved away while its feedback is being saved, nor feedback saved on a task
 * the repair is moving (it then finds the task cancelled).
 */
async function loadRound(m: EntityManager, round: AnalysisRoundEntity, mode: PlanMode) {
  const memberships = await m.find(CohortMembershipEntity, { where: { cohortId: round.cohortId } });
  const analyses = await m.find(AnalysisEntity, {
    select: { id: true, authorId: true, schoolId: true },
    where: { roundId: round.id, status: AnalysisStatus.PUBLISHED },
  });
  const live = await m.find(ReviewAssignmentEntity, {
    where: { roundId: round.id, cancelledAt: IsNull() },
    ...(mode === 'repair' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  // Raw SQL: one three-table join read as plain rows; a query builder would wrap the same strings.
  const history: AllocationHistoryPair[] = await m.query(
    `SELECT ra.reviewer_id AS "reviewerId", a.author_id AS "authorId", r.number AS "roundNumber"
       FROM review_assignment ra
       JOIN analysis a ON a.id = ra.analysis_id
       JOIN analysis_round r ON r.id = ra.round_id
      WHERE ra.cohort_id = $1 AND ra.kind = $2 AND ra.cancelled_at IS NULL AND r.number < $3`,
    [round.cohortId, ReviewerKind.PEER, round.number],
  );
  return { memberships, analyses, live, history };
}

/**
 * Works out an allocation for one round from the database state, without writing: the pure
 * `allocateCriticalFriends` does the pairing; this decides what is kept, replaced and cancelled.
 */
export async function planAllocation(
  m: EntityManager,
  round: AnalysisRoundEntity,
  cohort: CohortEntity,
  seed: string,
  mode: PlanMode,
  chosen: readonly ChosenPair[] = [],
): Promise<AllocationPlan> {
  const { memberships, analyses, live, history } = await loadRound(m, round, mode);
  const participants = new Map(
    memberships.filter((x) => x.role === CohortRole.PARTICIPANT && !x.leftAt).map((x) => [x.personId, x]),
  );
  const leaders = memberships
    .filter((x) => x.role === CohortRole.LEADER && !x.leftAt)
    .map((x) => x.personId)
    .sort();
  const schoolOf = (personId: string, fallback: string | null = null) =>
    participants.get(personId)?.schoolId ?? fallback ?? NO_SCHOOL;

  const active = analyses.filter((a) => participants.has(a.authorId));
  const activeIds = new Set(active.map((a) => a.id));

  const cancel: ReviewAssignmentEntity[] = [];
  const replace: ReviewAssignmentEntity[] = [];
  const kept: ReviewAssignmentEntity[] = [];
  for (const a of live) {
    const reviewerActive =
      a.kind === ReviewerKind.PEER ? participants.has(a.reviewerId) : leaders.includes(a.reviewerId);
    if (!a.completedAt && (!activeIds.has(a.analysisId) || !reviewerActive)) cancel.push(a);
    else if (
      mode === 'apply' &&
      !a.completedAt &&
      a.kind === ReviewerKind.PEER &&
      a.source === AssignmentSource.ALLOCATION
    )
      replace.push(a);
    else kept.push(a);
  }

  const keptPeers = kept.filter((a) => a.kind === ReviewerKind.PEER && activeIds.has(a.analysisId));
  const activePeers = keptPeers.filter((a) => participants.has(a.reviewerId));
  // A repair may move an open task nobody has started (feedback is final and sets completedAt in
  // the transaction that stores it) and nobody chose by hand; every other pair is locked.
  const mayMove = (a: ReviewAssignmentEntity) =>
    mode === 'repair' && !a.completedAt && a.source !== AssignmentSource.MANUAL;
  const pair = (a: ReviewAssignmentEntity) => ({ analysisId: a.analysisId, reviewerId: a.reviewerId });
  const locked = activePeers.filter((a) => !mayMove(a)).map(pair);
  const movable = mode === 'repair' ? activePeers.filter(mayMove).map(pair) : undefined;
  const peersKept = new Map<string, number>();
  for (const a of keptPeers) peersKept.set(a.analysisId, (peersKept.get(a.analysisId) ?? 0) + 1);

  const allocationAnalyses: AllocationAnalysis[] = active.map((a) => ({
    analysisId: a.id,
    authorId: a.authorId,
    schoolId: a.schoolId ?? schoolOf(a.authorId),
    wantsSameSchool: participants.get(a.authorId)?.wantsSameSchool === true,
  }));
  // Those who published review each other; anyone kept on a pair (e.g. added by hand) stays a reviewer.
  // So does an active participant a course leader chose (even one who did not publish).
  const reviewerIds = new Set([
    ...active.map((a) => a.authorId),
    ...activePeers.map((a) => a.reviewerId),
    ...chosen.map((c) => c.reviewerId).filter((id) => participants.has(id)),
  ]);
  const reviewers: AllocationReviewer[] = [...reviewerIds].map((id) => ({
    reviewerId: id,
    schoolId: schoolOf(id),
  }));

  const k = cohort.peersPerAnalysis;
  if (chosen.length) {
    checkChosen(chosen, { analyses: allocationAnalyses, reviewers }, locked, keptPeers, k);
    locked.push(...chosen.map((c) => ({ analysisId: c.analysisId, reviewerId: c.reviewerId })));
  }
  let result: AllocationResult;
  try {
    result = allocateCriticalFriends({
      analyses: allocationAnalyses,
      reviewers,
      history,
      k,
      seed,
      cohortSameSchool: cohort.sameSchoolSupport,
      locked,
      ...(movable ? { movable } : {}),
    });
  } catch (err) {
    if (err instanceof AllocationInputError) throw new DomainError('CONFLICT', err.message);
    throw err;
  }

  // Moved tasks: cancelled for their reviewer, as for people who left; each is replaced on its analysis.
  const movedKeys = new Set(result.moved.map((p) => pairKey(p.analysisId, p.reviewerId)));
  const moved = activePeers.filter((a) => movedKeys.has(pairKey(a.analysisId, a.reviewerId)));
  cancel.push(...moved);
  for (const a of moved) peersKept.set(a.analysisId, (peersKept.get(a.analysisId) ?? 0) - 1);

  // Completed pairs of reviewers who left still count: an analysis never gets more than k live peers.
  const room = new Map(active.map((a) => [a.id, Math.max(0, k - (peersKept.get(a.id) ?? 0))]));
  const newPairs: PlannedPair[] = [];
  // Chosen pairs first (checked to fit within k): written as given, with their own reasons.
  const chosenByKey = new Map(chosen.map((c) => [pairKey(c.analysisId, c.reviewerId), c]));
  const output: PlannedPair[] = [];
  for (const p of result.assignments) {
    const c = chosenByKey.get(pairKey(p.analysisId, p.reviewerId));
    if (!c) continue;
    room.set(p.analysisId, (room.get(p.analysisId) ?? 0) - 1);
    const planned: PlannedPair = {
      ...p,
      locked: false,
      reasons: c.reasons,
      ...(c.overrideIndex !== null ? { source: AssignmentSource.MANUAL } : {}),
    };
    newPairs.push(planned);
  }
  for (const p of result.assignments) {
    if (chosenByKey.has(pairKey(p.analysisId, p.reviewerId))) {
      output.push(newPairs.find((x) => x.analysisId === p.analysisId && x.reviewerId === p.reviewerId) ?? p);
      continue;
    }
    if (p.locked) {
      output.push(p);
      continue;
    }
    const left = room.get(p.analysisId) ?? 0;
    if (left <= 0) continue;
    room.set(p.analysisId, left - 1);
    newPairs.push(p);
    output.push(p);
  }
  const taken = new Set(
    [...kept.filter((a) => !moved.includes(a)), ...newPairs].map((a) => pairKey(a.analysisId, a.reviewerId)),
  );
  const leaderPairs: { analysisId: string; reviewerId: string }[] = [];
  for (const a of [...active].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    for (const leaderId of leaders) {
      if (leaderId === a.authorId || taken.has(pairKey(a.id, leaderId))) continue;
      leaderPairs.push({ analysisId: a.id, reviewerId: leaderId });
    }
  }
  // Apply: a pair proposed again keeps its assignment (issue 16). Replacing it by an equal new row
  // would mail the critical friend a second time under a new key and report a change that is none.
  const replaceable = new Map(replace.map((a) => [pairKey(a.analysisId, a.reviewerId), a]));
  const retained: AllocationPlan['retained'] = [];
  const fresh: PlannedPair[] = [];
  for (const p of newPairs) {
    const key = pairKey(p.analysisId, p.reviewerId);
    const assignment = replaceable.get(key);
    if (assignment) {
      replaceable.delete(key);
      retained.push({ assignment, pair: p });
    } else fresh.push(p);
  }
  const checks: AllocationPlan['checks'] = {
    analyses: active.map((a) => ({
      analysisId: a.id,
      authorId: a.authorId,
      schoolId: a.schoolId ?? participants.get(a.authorId)?.schoolId ?? null,
      wantsSameSchool: participants.get(a.authorId)?.wantsSameSchool === true,
    })),
    reviewers: reviewers.map((r) => ({
      reviewerId: r.reviewerId,
      schoolId: participants.get(r.reviewerId)?.schoolId ?? null,
    })),
    earlierPairs: history,
    cohortSameSchool: cohort.sameSchoolSupport,
  };
  const findings = allocationFindings({ ...checks, assignments: output });
  return {
    seed,
    k,
    checks,
    findings,
    analysisCount: active.length,
    result,
    pairs: output,
    newPairs: fresh,
    replace: [...replaceable.values()],
    retained,
    cancel,
    leaderPairs,
  };
}

const sameReasons = (a: readonly StoredReason[], b: readonly StoredReason[]) =>
  a.length === b.length && a.every((r, i) => r.code === b[i].code && r.message === b[i].message);

/** The retained pairs whose stored source or reasons the plan changes (the rest stay untouched). */
export function retainedUpdates(
  plan: AllocationPlan,
  source: AssignmentSource,
): { id: string; source: AssignmentSource; reasons: StoredReason[] }[] {
  return plan.retained
    .map(({ assignment, pair }) => ({
      id: assignment.id,
      source: pair.source ?? source,
      reasons: pair.reasons.map(({ code, message }) => ({ code, message })),
      before: assignment,
    }))
    .filter((u) => u.source !== u.before.source || !sameReasons(u.reasons, u.before.reasons ?? []))
    .map(({ id, source: s, reasons }) => ({ id, source: s, reasons }));
}

/** Whether writing the plan would change anything at all. */
export function planChanges(plan: AllocationPlan, source: AssignmentSource): boolean {
  return (
    plan.newPairs.length > 0 ||
    plan.replace.length > 0 ||
    plan.cancel.length > 0 ||
    plan.leaderPairs.length > 0 ||
    retainedUpdates(plan, source).length > 0
  );
}

/** Writes a plan: cancels, replaces and inserts in the caller's transaction. */
export async function writePlan(
  m: EntityManager,
  round: AnalysisRoundEntity,
  plan: AllocationPlan,
  source: AssignmentSource,
  now: Date,
): Promise<void> {
  if (plan.cancel.length) {
    // Only open tasks are ever cancelled: should feedback have been saved since the plan was made,
    // nothing is written and the leader tries again (a repair holds the rows' locks, so it cannot).
    const cancelled = await m.update(
      ReviewAssignmentEntity,
      { id: In(plan.cancel.map((a) => a.id)), completedAt: IsNull(), cancelledAt: IsNull() },
      { cancelledAt: now },
    );
    if (cancelled.affected !== plan.cancel.length) {
      throw new DomainError(
        'CONFLICT',
        'Feedback was given on an assignment while the allocation was being changed; nothing was changed, try again.',
      );
    }
  }
  if (plan.replace.length) {
    await m.delete(ReviewAssignmentEntity, { id: In(plan.replace.map((a) => a.id)) });
  }
  for (const u of retainedUpdates(plan, source)) {
    await m.update(ReviewAssignmentEntity, { id: u.id }, { source: u.source, reasons: u.reasons });
  }
  const rows: Partial<ReviewAssignmentEntity>[] = [
    ...plan.newPairs.map((p) => ({
      roundId: round.id,
      cohortId: round.cohortId,
      analysisId: p.analysisId,
      reviewerId: p.reviewerId,
      kind: ReviewerKind.PEER,
      source: p.source ?? source,
      reasons: p.reasons.map(({ code, message }) => ({ code, message })),
    })),
    ...plan.leaderPairs.map((p) => ({
      roundId: round.id,
      cohortId: round.cohortId,
      analysisId: p.analysisId,
      reviewerId: p.reviewerId,
      kind: ReviewerKind.LEADER,
      source,
      reasons: [LEADER_REASON],
    })),
  ];
  if (rows.length) await m.insert(ReviewAssignmentEntity, rows);
}

/** The field problem of an impossible finding: the pair rule it breaks. */
const IMPOSSIBLE_AS_RULE: Partial<Record<AllocationFindingCode, PairRuleCode>> = {
  OWN: 'SELF_REVIEW',
  DUPLICATE: 'DUPLICATE_PAIR',
};

/**
 * Rule 4's hard rules for the pairs a course leader chose, by the domain's own checks
 * (`allocationFindings`' impossible findings, which the allocation page runs live, and
 * `pairRuleViolation` for the ids): each one is checked against the pairs kept from before and the
 * chosen pairs before it. Refused with BAD_USER_INPUT naming `overrides.<index>.<field>`; nothing
 * is written.
 */
function checkChosen(
  chosen: readonly ChosenPair[],
  input: PairRuleInput & Pick<FindingsInput, 'analyses' | 'reviewers'>,
  locked: readonly { analysisId: string; reviewerId: string }[],
  kept: readonly ReviewAssignmentEntity[],
  k: number,
): void {
  const problems: FieldProblem[] = [];
  const accepted = [...locked];
  const perAnalysis = new Map<string, number>();
  for (const p of locked) perAnalysis.set(p.analysisId, (perAnalysis.get(p.analysisId) ?? 0) + 1);
  // Kept pairs other than open ones count too (completed pairs of reviewers who left).
  for (const a of kept)
    if (!locked.some((l) => l.analysisId === a.analysisId && l.reviewerId === a.reviewerId))
      perAnalysis.set(a.analysisId, (perAnalysis.get(a.analysisId) ?? 0) + 1);
  chosen.forEach((c, i) => {
    const at = c.overrideIndex ?? i;
    const pair = { analysisId: c.analysisId, reviewerId: c.reviewerId };
    // The impossible findings first, by the check the allocation page runs live (own analysis, a
    // reviewer twice on it); then the ids (a published analysis, an eligible reviewer).
    const own = allocationFindings({ ...input, assignments: [...accepted, pair] }).assignments.at(-1);
    const impossible = own?.findings.find((f) => f.severity === 'IMPOSSIBLE');
    const code = impossible
      ? IMPOSSIBLE_AS_RULE[impossible.code]
      : pairRuleViolation(input, accepted, pair)?.code;
    if (code) {
      const problem = PAIR_RULE_PROBLEMS[code];
      problems.push({ ...problem, field: `overrides.${at}.${problem.field}` });
      return;
    }
    const count = (perAnalysis.get(c.analysisId) ?? 0) + 1;
    if (count > k) {
      problems.push({
        field: `overrides.${at}.analysisId`,
        code: 'TOO_MANY_REVIEWERS',
        message: `This analysis would get more than k = ${k} peer reviewers.`,
      });
      return;
    }
    perAnalysis.set(c.analysisId, count);
    accepted.push(pair);
  });
  if (problems.length) {
    throw new BadInputError(
      'Some of the chosen pairs break the allocation rules; nothing was changed.',
      problems,
    );
  }
}
