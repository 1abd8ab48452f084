import { AnalysisDraftSnapshotEntity } from './analysis/analysis-draft-snapshot.entity';
import { AnalysisVersionEntity } from './analysis/analysis-version.entity';
import { AnalysisEntity } from './analysis/analysis.entity';
import { AnalysisVersionAttachmentEntity } from './attachment/analysis-version-attachment.entity';
import { AttachmentContentEntity } from './attachment/attachment-content.entity';
import { AttachmentEntity } from './attachment/attachment.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { AccessibilityContactEntity } from './accessibility/accessibility-contact.entity';
import { CompletionCertificateEntity } from './certificate/completion-certificate.entity';
import { PortfolioReflectionEntity } from './certificate/portfolio-reflection.entity';
import { AccountTokenEntity } from './auth/account-token.entity';
import { LoginThrottleEntity } from './auth/login-throttle.entity';
import { SessionEntity } from './auth/session.entity';
import { FeedbackCommentEntity } from './review/feedback-comment.entity';
import { FeedbackEntity } from './review/feedback.entity';
import { PassageCommentEntity } from './review/passage-comment.entity';
import { NextStepChoiceEntity } from './review/next-step-choice.entity';
import { FeedbackExampleEntity } from './review/feedback-example.entity';
import { ReviewAssignmentEntity } from './review/review-assignment.entity';
import { RoundAllocationEntity } from './review/round-allocation.entity';
import { CohortMembershipEntity } from './cohort/cohort-membership.entity';
import { CohortEntity } from './cohort/cohort.entity';
import { AttendanceEntity } from './meeting/attendance.entity';
import { MeetingEntity } from './meeting/meeting.entity';
import { CohortReminderSettingsEntity } from './notification/cohort-reminder-settings.entity';
import { NotificationPreferenceEntity } from './notification/notification-preference.entity';
import { OutboxMessageEntity } from './notification/outbox-message.entity';
import { OrganisationSupportSettingsEntity } from './organisation/organisation-support-settings.entity';
import { SchoolHolidayEntity } from './organisation/school-holiday.entity';
import { OrganisationEntity } from './organisation/organisation.entity';
import { SchoolEntity } from './organisation/school.entity';
import { CertificationEntity } from './person/certification.entity';
import { PersonEntity } from './person/person.entity';
import { RoleGrantEntity } from './person/role-grant.entity';
import { OidcSignInAttemptEntity } from './sso/oidc-sign-in-attempt.entity';
import { OrganisationSsoEntity } from './sso/organisation-sso.entity';
import { PersonIdentityEntity } from './sso/person-identity.entity';
import { PrivacyLogEntity } from './privacy/privacy-log.entity';
import { RetentionRuleEntity } from './privacy/retention-rule.entity';
import { AnalysisRoundEntity } from './round/analysis-round.entity';
import { AnalysisTemplateVersionEntity } from './template/analysis-template-version.entity';
import { AnalysisTemplateEntity } from './template/analysis-template.entity';
import { TemplateSectionEntity } from './template/template-section.entity';
import { CalendarFeedTokenEntity } from './calendar/calendar-feed-token.entity';
import { SelfAssessmentAnswerEntity } from './self-assessment/self-assessment-answer.entity';
import { SelfAssessmentQuestionEntity } from './self-assessment/self-assessment-question.entity';
import { SelfAssessmentResponseEntity } from './self-assessment/self-assessment-response.entity';

/** Every entity, for the DataSource. Order does not matter. */
export const ENTITIES = [
  OrganisationEntity,
  OrganisationSupportSettingsEntity,
  SchoolHolidayEntity,
  SchoolEntity,
  PersonEntity,
  RoleGrantEntity,
  CertificationEntity,
  SessionEntity,
  LoginThrottleEntity,
  OrganisationSsoEntity,
  PersonIdentityEntity,
  OidcSignInAttemptEntity,
  AccountTokenEntity,
  CohortEntity,
  CohortMembershipEntity,
  MeetingEntity,
  AttendanceEntity,
  AnalysisTemplateEntity,
  AnalysisTemplateVersionEntity,
  TemplateSectionEntity,
  AnalysisRoundEntity,
  AnalysisEntity,
  AnalysisVersionEntity,
  AnalysisDraftSnapshotEntity,
  ReviewAssignmentEntity,
  RoundAllocationEntity,
  FeedbackEntity,
  FeedbackCommentEntity,
  PassageCommentEntity,
  OutboxMessageEntity,
  NotificationPreferenceEntity,
  CohortReminderSettingsEntity,
  AttachmentEntity,
  AttachmentContentEntity,
  AnalysisVersionAttachmentEntity,
  AuditEventEntity,
  RetentionRuleEntity,
  PrivacyLogEntity,
  AccessibilityContactEntity,
  CompletionCertificateEntity,
  PortfolioReflectionEntity,
  CalendarFeedTokenEntity,
  SelfAssessmentQuestionEntity,
  SelfAssessmentResponseEntity,
  SelfAssessmentAnswerEntity,
  NextStepChoiceEntity,
  FeedbackExampleEntity,
];
