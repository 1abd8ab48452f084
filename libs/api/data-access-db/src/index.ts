export * from './entities';
export * from './data-source';
export * from './schema-upkeep';
export * from './postgres-server';
export { backupDatabase, restoreDatabase, rowCounts, userTables } from './backup';
export { SnakeNamingStrategy } from './shared/snake-naming.strategy';
export { BaseEntity } from './shared/base.entity';
export * from './organisation/organisation.entity';
export * from './organisation/organisation-support-settings.entity';
export * from './organisation/school-holiday.entity';
export * from './organisation/school.entity';
export * from './person/person.entity';
export * from './person/role-grant.entity';
export * from './person/certification.entity';
export * from './auth/session.entity';
export * from './auth/login-throttle.entity';
export * from './sso/organisation-sso.entity';
export * from './sso/person-identity.entity';
export * from './sso/oidc-sign-in-attempt.entity';
export * from './auth/account-token.entity';
export * from './cohort/cohort.entity';
export * from './cohort/cohort-membership.entity';
export * from './meeting/meeting.entity';
export * from './meeting/attendance.entity';
export * from './template/analysis-template.entity';
export * from './template/analysis-template-version.entity';
export * from './template/template-section.entity';
export * from './round/analysis-round.entity';
export { testServerUrl, testTemplateDatabase } from './testing/test-server-url';
export * from './analysis/analysis.entity';
export * from './analysis/analysis-version.entity';
export * from './analysis/analysis-draft-snapshot.entity';
export * from './review/review-assignment.entity';
export * from './review/round-allocation.entity';
export * from './review/feedback.entity';
export * from './review/feedback-comment.entity';
export * from './review/passage-comment.entity';
export * from './review/next-step-choice.entity';
export * from './review/feedback-example.entity';
export * from './seed/demo-seed';
export * from './shared/db-errors';
export * from './seed/demo-activity';
export * from './notification/outbox-message.entity';
export * from './notification/notification-preference.entity';
export * from './notification/cohort-reminder-settings.entity';
export * from './attachment/attachment.entity';
export * from './attachment/attachment-content.entity';
export * from './attachment/analysis-version-attachment.entity';
export * from './privacy/retention-rule.entity';
export * from './privacy/privacy-log.entity';
export { cohortCompletions, cohortFacts, supportThresholdsOf } from './progress/cohort-completions';
export type {
  AnalysisStage,
  CohortFacts,
  CompletionScope,
  ParticipantCompletionRow,
  ParticipantFacts,
} from './progress/cohort-completions';
export { EntityColumns } from './shared/entity-columns';
export { EntityJson } from './shared/entity-json';
export { updateLoaded } from './shared/update-loaded';
export {
  OrganisationFollowUpFacts,
  followUpStatements,
  readOrganisationFollowUp,
} from './progress/organisation-follow-up';
export type {
  FollowUpCohortRow,
  FollowUpParticipantRow,
  FollowUpRoundRow,
  FollowUpScope,
  OrganisationFollowUpRead,
  TurnaroundRow,
} from './progress/organisation-follow-up';
export * from './audit/audit-event.entity';
export * from './accessibility/accessibility-contact.entity';
export * from './certificate/completion-certificate.entity';
export * from './certificate/portfolio-reflection.entity';
export * from './calendar/calendar-feed-token.entity';
export * from './self-assessment/self-assessment-question.entity';
export * from './self-assessment/self-assessment-response.entity';
export * from './self-assessment/self-assessment-answer.entity';
