import { certificationsCover } from '@stl/shared/domain';
import type { CertificationLike, DatePeriod } from '@stl/shared/domain';
import type { FieldProblem } from '@stl/api/util-errors';

export interface LeaderCandidate {
  fullName: string;
  isCourseLeader: boolean;
  certifications: readonly CertificationLike[];
}

/**
 * Why a person may not lead a cohort over `period`: only people with the COURSE_LEADER role whose
 * STL certification(s) cover every day of the cohort. Empty when they may.
 */
export function leaderProblems(
  candidate: LeaderCandidate,
  period: DatePeriod,
  field: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!candidate.isCourseLeader) {
    problems.push({
      field,
      code: 'NOT_A_COURSE_LEADER',
      message: `${candidate.fullName} does not have the course leader role in this organisation.`,
    });
  }
  if (!certificationsCover(candidate.certifications, period)) {
    problems.push({
      field,
      code: 'NO_COVERING_CERTIFICATION',
      message: `${candidate.fullName} has no STL certification valid on every day from ${period.startsOn} to ${period.endsOn}.`,
    });
  }
  return problems;
}
