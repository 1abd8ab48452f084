import type { SelfAssessmentPhase } from './window';

/**
 * Fewest respondents a figure may rest on (issue 14, ADR 0034): a group with fewer is shown
 * neither its mean nor its count, so no teacher's own answers can be read off a small school.
 */
export const MIN_GROUP_SIZE = 5;

/** Respondents of one group in one phase (from SQL). */
export interface GroupCountRow {
  group: string;
  phase: SelfAssessmentPhase;
  respondents: number;
}

/** Sum and count of one statement's values in one group and phase (from SQL). */
export interface QuestionSumRow {
  group: string;
  phase: SelfAssessmentPhase;
  questionId: string;
  answers: number;
  sum: number;
}

/** One phase's figures of a group or statement: null when suppressed (or nobody answered). */
export interface PhaseFigure {
  /** Respondents; null when fewer than MIN_GROUP_SIZE (and not zero). */
  respondents: number | null;
  /** Mean on the 1–5 scale, two decimals; null when suppressed or nobody answered. */
  mean: number | null;
  /** Shown neither count nor mean: too few answered, or another group would give them away. */
  suppressed: boolean;
}

export interface QuestionFigures {
  questionId: string;
  before: PhaseFigure;
  after: PhaseFigure;
  /** after − before, two decimals, when both means are shown. */
  change: number | null;
}

export interface GroupFigures {
  group: string;
  before: PhaseFigure;
  after: PhaseFigure;
  questions: QuestionFigures[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Which groups of one phase may not be shown. First every group with 1–4 respondents; then, since
 * the groups add up to a total others can see (the cohort or the organisation), while the hidden
 * ones hold fewer than MIN_GROUP_SIZE together the smallest shown group is hidden too, or the
 * total minus the shown groups would give the hidden ones away.
 */
export function suppressedGroups(counts: ReadonlyMap<string, number>): Set<string> {
  const hidden = new Set([...counts].filter(([, n]) => n > 0 && n < MIN_GROUP_SIZE).map(([g]) => g));
  const hiddenTotal = () => [...hidden].reduce((s, g) => s + (counts.get(g) ?? 0), 0);
  while (hidden.size > 0 && hiddenTotal() < MIN_GROUP_SIZE) {
    const next = [...counts]
      .filter(([g, n]) => n > 0 && !hidden.has(g))
      .sort(([ga, a], [gb, b]) => a - b || (ga < gb ? -1 : ga > gb ? 1 : 0))[0];
    if (!next) break;
    hidden.add(next[0]);
  }
  return hidden;
}

function figure(respondents: number, hidden: boolean, sum?: number, answers?: number): PhaseFigure {
  if (hidden) return { respondents: null, mean: null, suppressed: true };
  const small = answers !== undefined && answers > 0 && answers < MIN_GROUP_SIZE;
  if (small) return { respondents: null, mean: null, suppressed: true };
  return {
    respondents: answers ?? respondents,
    mean: sum !== undefined && answers ? round2(sum / answers) : null,
    suppressed: false,
  };
}

/**
 * The figures of every group (schools or cohorts) for the given statements, before and after,
 * with small groups suppressed as `suppressedGroups` says. Groups in `groups` order.
 */
export function selfAssessmentFigures(
  groups: readonly string[],
  questionIds: readonly string[],
  counts: readonly GroupCountRow[],
  sums: readonly QuestionSumRow[],
): GroupFigures[] {
  const phases: SelfAssessmentPhase[] = ['BEFORE', 'AFTER'];
  const countOf = new Map(counts.map((c) => [`${c.group}|${c.phase}`, c.respondents]));
  const sumOf = new Map(sums.map((s) => [`${s.group}|${s.phase}|${s.questionId}`, s]));
  const hidden = Object.fromEntries(
    phases.map((p) => [p, suppressedGroups(new Map(groups.map((g) => [g, countOf.get(`${g}|${p}`) ?? 0])))]),
  ) as Record<SelfAssessmentPhase, Set<string>>;
  return groups.map((group) => {
    const phase = (p: SelfAssessmentPhase) => figure(countOf.get(`${group}|${p}`) ?? 0, hidden[p].has(group));
    const question = (p: SelfAssessmentPhase, q: string) => {
      const row = sumOf.get(`${group}|${p}|${q}`);
      return figure(
        countOf.get(`${group}|${p}`) ?? 0,
        hidden[p].has(group),
        row?.sum ?? 0,
        row?.answers ?? 0,
      );
    };
    return {
      group,
      before: phase('BEFORE'),
      after: phase('AFTER'),
      questions: questionIds.map((questionId) => {
        const before = question('BEFORE', questionId);
        const after = question('AFTER', questionId);
        return {
          questionId,
          before,
          after,
          change: before.mean !== null && after.mean !== null ? round2(after.mean - before.mean) : null,
        };
      }),
    };
  });
}
