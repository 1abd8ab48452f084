/** Every kind of mail the platform sends. Stored with outbox messages and in people's preferences. */
export const MailKind = {
  REVIEW_ASSIGNED: 'REVIEW_ASSIGNED',
  FEEDBACK_RECEIVED: 'FEEDBACK_RECEIVED',
  ANALYSIS_PUBLISHED: 'ANALYSIS_PUBLISHED',
  FEEDBACK_DUE_48H: 'FEEDBACK_DUE_48H',
  FEEDBACK_DUE_TODAY: 'FEEDBACK_DUE_TODAY',
  FEEDBACK_OVERDUE: 'FEEDBACK_OVERDUE',
  FEEDBACK_OVERDUE_LEADER_NOTICE: 'FEEDBACK_OVERDUE_LEADER_NOTICE',
  SUBMISSION_DUE_48H: 'SUBMISSION_DUE_48H',
  SUBMISSION_OVERDUE: 'SUBMISSION_OVERDUE',
  MEETING_TOMORROW: 'MEETING_TOMORROW',
  WEEKLY_LEADER_SUMMARY: 'WEEKLY_LEADER_SUMMARY',
  SCHOOL_LEADER_SUMMARY: 'SCHOOL_LEADER_SUMMARY',
  /** A course leader's personal reminder to a participant. */
  NUDGE: 'NUDGE',
  DIGEST: 'DIGEST',
  /** An administrator invites a person: a single-use link to choose a password (ADR 0013). */
  INVITATION: 'INVITATION',
  /** "Forgot password?": a short-lived single-use link to set a new password. */
  PASSWORD_RESET: 'PASSWORD_RESET',
  /** A one-time sign-in link, instead of a password. */
  SIGN_IN_LINK: 'SIGN_IN_LINK',
  /** To each participant when their cohort opens (or when they join an open one): the course, its meetings, the first deadline. */
  COHORT_WELCOME: 'COHORT_WELCOME',
  /**
   * Someone reports an accessibility problem from the accessibility statement (issue 12): to the
   * organisation's accessibility contact, else its administrators; Reply-To the reporter.
   */
  ACCESSIBILITY_REPORT: 'ACCESSIBILITY_REPORT',
} as const;
export type MailKind = (typeof MailKind)[keyof typeof MailKind];

export const MAIL_KINDS: readonly MailKind[] = Object.values(MailKind);

/** Kinds that can be gathered into a person's daily digest instead of arriving one by one. */
export const DIGESTIBLE_KINDS = [
  MailKind.REVIEW_ASSIGNED,
  MailKind.FEEDBACK_RECEIVED,
  MailKind.ANALYSIS_PUBLISHED,
  MailKind.FEEDBACK_DUE_48H,
  MailKind.FEEDBACK_DUE_TODAY,
  MailKind.FEEDBACK_OVERDUE,
  MailKind.FEEDBACK_OVERDUE_LEADER_NOTICE,
  MailKind.SUBMISSION_DUE_48H,
  MailKind.SUBMISSION_OVERDUE,
  MailKind.MEETING_TOMORROW,
] as const;
export type DigestibleKind = (typeof DIGESTIBLE_KINDS)[number];

/**
 * Mails that carry a single-use account link (ADR 0013). They cannot be turned off, are never held
 * for a digest or quiet hours, and have no unsubscribe link: without them nobody can get in.
 */
export const ACCOUNT_KINDS = [MailKind.INVITATION, MailKind.PASSWORD_RESET, MailKind.SIGN_IN_LINK] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export function isAccountKind(kind: string): kind is AccountKind {
  return (ACCOUNT_KINDS as readonly string[]).includes(kind);
}

/**
 * Mails nobody can turn off: the account links, and the accessibility reports an organisation must
 * receive by law (DOS-lagen). Never held for a digest, and they carry no unsubscribe link.
 */
export const MANDATORY_KINDS = [...ACCOUNT_KINDS, MailKind.ACCESSIBILITY_REPORT] as const;
export type MandatoryKind = (typeof MANDATORY_KINDS)[number];

export function isMandatoryKind(kind: string): kind is MandatoryKind {
  return (MANDATORY_KINDS as readonly string[]).includes(kind);
}

export function isMailKind(value: string): value is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(value);
}
