import { parseSchoolYear, schoolYearBounds } from '@stl/shared/domain';
import type { FieldProblem } from '@stl/api/util-errors';

export interface CohortPeriodInput {
  schoolYear: string;
  startsOn: string;
  endsOn: string;
}

/**
 * A cohort runs within one school year, as Swedes write it ("2026/27"), on its teaching dates
 * (1 August to 30 June), and ends on or after the day it starts. Dates are valid ISO dates already.
 */
export function cohortPeriodProblems({ schoolYear, startsOn, endsOn }: CohortPeriodInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (endsOn < startsOn) {
    problems.push({
      field: 'endsOn',
      code: 'ENDS_BEFORE_START',
      message: 'The cohort must end on or after the day it starts.',
    });
  }
  const bounds = schoolYearBounds(schoolYear);
  if (!parseSchoolYear(schoolYear) || !bounds) {
    problems.push({
      field: 'schoolYear',
      code: 'INVALID_SCHOOL_YEAR',
      message: 'Write the school year as Swedes do, e.g. 2026/27.',
    });
    return problems;
  }
  for (const field of ['startsOn', 'endsOn'] as const) {
    const value = field === 'startsOn' ? startsOn : endsOn;
    if (value < bounds.startsOn || value > bounds.endsOn) {
      problems.push({
        field,
        code: 'OUTSIDE_SCHOOL_YEAR',
        message: `The cohort's dates must fall within the school year ${schoolYear}, ${bounds.startsOn} to ${bounds.endsOn}.`,
      });
    }
  }
  return problems;
}

/** How the viewer relates to a cohort, strongest first. */
export enum CohortViewerRole {
  ADMINISTRATOR = 'ADMINISTRATOR',
  LEADER = 'LEADER',
  PARTICIPANT = 'PARTICIPANT',
  SCHOOL_LEADER = 'SCHOOL_LEADER',
}

export function viewerRoleOf(access: {
  admin: boolean;
  leader: boolean;
  participant: boolean;
  schoolLeaderOf: readonly string[];
}): CohortViewerRole {
  if (access.admin) return CohortViewerRole.ADMINISTRATOR;
  if (access.leader) return CohortViewerRole.LEADER;
  if (access.participant) return CohortViewerRole.PARTICIPANT;
  return CohortViewerRole.SCHOOL_LEADER;
}
