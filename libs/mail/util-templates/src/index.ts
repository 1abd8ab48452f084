export { escapeHtml } from './escape-html';
export { MailTemplateError } from './errors';
export {
  MAIL_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatPlainDate,
  formatTime,
  formatTimeRange,
  isoWeek,
  toDate,
} from './format';
export type { Instant } from './format';
export { DICTIONARIES } from './i18n';
export type { MailDictionary } from './i18n';
export { MAIL_PATHS, absoluteUrl, listUnsubscribeHeaders, safeUrl } from './links';
export type { MailPath, PathArgs, PathParams } from './links';
export { DEFAULT_MAIL_LOCALE, MAIL_LOCALES, toMailLocale } from './locale';
export type { MailLocale } from './locale';
export {
  ACCOUNT_KINDS,
  DIGESTIBLE_KINDS,
  MAIL_KINDS,
  MailKind,
  MANDATORY_KINDS,
  isAccountKind,
  isMailKind,
  isMandatoryKind,
} from './mail-kind';
export type { AccountKind, DigestibleKind, MandatoryKind } from './mail-kind';
export type * from './mail-data';
export {
  calendarFeedIcs,
  deadlineIcsUid,
  cohortWelcomeIcs,
  cohortWelcomeIcsAttachment,
  meetingIcs,
  meetingIcsAttachment,
  meetingIcsUid,
} from './meeting-ics';
export type { CalendarFeedEvent, CalendarFeedOptions, MeetingIcsOptions } from './meeting-ics';
export {
  renderAnalysisPublished,
  renderCohortWelcome,
  renderDigest,
  renderFeedbackDue48h,
  renderFeedbackDueToday,
  renderFeedbackOverdue,
  renderFeedbackOverdueLeaderNotice,
  renderFeedbackReceived,
  renderMail,
  renderMeetingTomorrow,
  renderReviewAssigned,
  renderSchoolLeaderSummary,
  renderSubmissionDue48h,
  renderSubmissionOverdue,
  renderWeeklyLeaderSummary,
} from './render';
export { DEMO_BASE_URL, DEMO_MAIL_DATA, DEMO_RECIPIENTS, demoMailContext } from './demo-data';
