export * from './cohort-feature.module';
export { CohortService } from './cohort/cohort.service';
export { CohortViewerRole } from './cohort/cohort-rules';
export { MembershipService } from './membership/membership.service';
export { MeetingService } from './meeting/meeting.service';
export { AttendanceService } from './attendance/attendance.service';
export { RoundService } from './round/round.service';
export { TemplateService } from './template/template.service';
