export {
  CERTIFICATION_EXPIRY_WARNING_DAYS,
  DEFAULT_FEEDBACK_MIN_LENGTH,
  DEFAULT_PEERS_PER_ANALYSIS,
  DEFAULT_REQUIRED_ATTENDANCE_SHARE,
  MAX_MEETING_HOURS,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MIN_ANALYSIS_ROUNDS,
  MIN_MEETINGS,
  MIN_PUBLISHED_ANALYSES_FOR_COMPLETION,
} from './constants';
export { addDays, daysBetween, isDatePeriod, isIsoDate, toIsoDate } from './iso-date';
export type { DatePeriod, IsoDate } from './iso-date';
export { parseSchoolYear, schoolYearBounds, schoolYearOf } from './school-year';
export type { SchoolYear } from './school-year';
export { attendanceRecordingProblem } from './attendance';
export type { AttendanceRecordingProblem } from './attendance';
export { allowedCohortTransitions, canTransitionCohort, CohortStatus, isCohortStatus } from './cohort-status';
export {
  CertificationStatus,
  certificationCovers,
  certificationsCover,
  certificationStatus,
} from './certification';
export type { CertificationLike } from './certification';
export { cohortOpeningProblems } from './cohort-readiness';
export type { CohortOpeningInput, OpeningProblem, OpeningProblemCode } from './cohort-readiness';
export { meetingScheduleProblems, roundScheduleProblems } from './deadlines';
export type {
  InvalidDateProblem,
  MeetingSchedule,
  MeetingScheduleField,
  MeetingScheduleProblem,
  OutsideCohortPeriodProblem,
  RoundSchedule,
  RoundScheduleField,
  RoundScheduleProblem,
  ScheduleProblem,
  ScheduleProblemCode,
} from './deadlines';
export { isDefaultRoundTitle, roundTitleBesideNumber } from './round-title';
