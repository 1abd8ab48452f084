import type { CertificationLike } from './certification';
import { certificationsCover } from './certification';
import { MIN_ANALYSIS_ROUNDS, MIN_MEETINGS } from './constants';
import type { DatePeriod } from './iso-date';

export interface CohortOpeningInput {
  readonly meetings: number;
  readonly rounds: number;
  readonly leaders: readonly { readonly certifications: readonly CertificationLike[] }[];
  readonly period: DatePeriod;
}

/** Why a cohort may not open yet (rule 1). `message` is plain English; `code` is for translation. */
export type OpeningProblem =
  | {
      readonly code: 'TOO_FEW_MEETINGS';
      readonly required: number;
      readonly actual: number;
      readonly message: string;
    }
  | {
      readonly code: 'TOO_FEW_ROUNDS';
      readonly required: number;
      readonly actual: number;
      readonly message: string;
    }
  | { readonly code: 'NO_CERTIFIED_LEADER'; readonly message: string };

export type OpeningProblemCode = OpeningProblem['code'];

/**
 * Everything that stops the cohort from opening, all at once so the course leader can fix it in
 * one go. An empty list means it may open. A count that is not a number fails rather than passes.
 */
export function cohortOpeningProblems(input: CohortOpeningInput): OpeningProblem[] {
  const problems: OpeningProblem[] = [];
  const { meetings, rounds, leaders, period } = input;

  if (!(meetings >= MIN_MEETINGS)) {
    problems.push({
      code: 'TOO_FEW_MEETINGS',
      required: MIN_MEETINGS,
      actual: meetings,
      message: `A cohort needs at least ${MIN_MEETINGS} meetings; it has ${meetings}.`,
    });
  }
  if (!(rounds >= MIN_ANALYSIS_ROUNDS)) {
    problems.push({
      code: 'TOO_FEW_ROUNDS',
      required: MIN_ANALYSIS_ROUNDS,
      actual: rounds,
      message: `A cohort needs at least ${MIN_ANALYSIS_ROUNDS} analysis rounds; it has ${rounds}.`,
    });
  }
  if (!leaders.some((leader) => certificationsCover(leader.certifications, period))) {
    const needed = `A cohort needs at least one course leader with a certification valid on every day from ${period.startsOn} to ${period.endsOn}`;
    const found =
      leaders.length === 0
        ? 'it has no course leader'
        : leaders.length === 1
          ? 'its course leader does not have one'
          : `none of its ${leaders.length} course leaders has one`;
    problems.push({ code: 'NO_CERTIFIED_LEADER', message: `${needed}; ${found}.` });
  }
  return problems;
}
