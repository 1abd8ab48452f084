export * from './lib/graphql/api-error';
export * from './lib/graphql/field-problems';
export * from './lib/graphql/graphql-client';
export * from './lib/graphql/loadable';
export * from './lib/graphql/api-resource';
export * from './lib/session/session.store';
export * from './lib/session/session.guards';
export * from './lib/cohort/cohort.api';
export * from './lib/analysis/analysis.api';
export * from './lib/analysis/attachment.api';
export * from './lib/analysis/draft-history.api';
export * from './lib/review/review.api';
export * from './lib/review/passage.api';
export * from './lib/follow-up/follow-up.api';
export * from './lib/follow-up/dashboard.api';
export * from './lib/admin/admin.api';
export * from './lib/setup/setup.api';
export * from './lib/notifications/notifications.api';
export * from './lib/password/password.api';
export * from './lib/sessions/sessions.api';
export * from './lib/sso/sso.api';
export * from './lib/support/support.api';
export * from './lib/privacy/privacy.api';
export * from './lib/account/account.api';
export * from './lib/operator/operator.api';
export type {
  AnalysisStatus,
  CohortStatus,
  CohortViewerRole,
  CompletionMissingCode,
  InvitationStatus,
  MailKind,
  MeetingMode,
  RequirableQuality,
  Role,
} from './generated/graphql';
export * from './lib/audit/audit.api';
export * from './lib/accessibility/accessibility.api';
export * from './lib/certificate/certificate.api';
export * from './lib/calendar/calendar-feed.api';
export * from './lib/self-assessment/self-assessment.api';
