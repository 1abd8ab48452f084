/*
 * Self-contained (no import of the data-access lib) so it runs in plain jest; the unions match the
 * API's MailKind and Role enums, and the page passes the generated types in.
 */
export type MailKind =
  | 'REVIEW_ASSIGNED'
  | 'ANALYSIS_PUBLISHED'
  | 'FEEDBACK_RECEIVED'
  | 'NUDGE'
  | 'SUBMISSION_DUE_48H'
  | 'SUBMISSION_OVERDUE'
  | 'FEEDBACK_DUE_48H'
  | 'FEEDBACK_DUE_TODAY'
  | 'FEEDBACK_OVERDUE'
  | 'MEETING_TOMORROW'
  | 'FEEDBACK_OVERDUE_LEADER_NOTICE'
  | 'WEEKLY_LEADER_SUMMARY'
  | 'SCHOOL_LEADER_SUMMARY'
  | 'DIGEST'
  | 'INVITATION'
  | 'PASSWORD_RESET'
  | 'SIGN_IN_LINK'
  | 'COHORT_WELCOME'
  | 'ACCESSIBILITY_REPORT';
/**
 * Invitations, password resets and sign-in links (ADR 0013), and accessibility reports (a duty of
 * the organisation): never turned off, never offered.
 */
type MandatoryKind = 'INVITATION' | 'PASSWORD_RESET' | 'SIGN_IN_LINK' | 'ACCESSIBILITY_REPORT';
const MANDATORY_KINDS: readonly MailKind[] = [
  'INVITATION',
  'PASSWORD_RESET',
  'SIGN_IN_LINK',
  'ACCESSIBILITY_REPORT',
];
export type Role = 'ADMINISTRATOR' | 'COURSE_LEADER' | 'TEACHER' | 'SCHOOL_LEADER';

export type KindGroupName = 'tasks' | 'reminders' | 'summaries';

export interface KindChoice {
  kind: MailKind;
  enabled: boolean;
  digestible: boolean;
}

export interface KindGroup {
  name: KindGroupName;
  kinds: KindChoice[];
}

/** Who can receive each kind at all: nobody is offered a switch for mail they never get. */
const RECEIVED_BY: Record<
  Exclude<MailKind, 'DIGEST' | MandatoryKind>,
  { group: KindGroupName; roles: Role[] }
> = {
  REVIEW_ASSIGNED: { group: 'tasks', roles: ['TEACHER'] },
  ANALYSIS_PUBLISHED: { group: 'tasks', roles: ['TEACHER', 'COURSE_LEADER'] },
  FEEDBACK_RECEIVED: { group: 'tasks', roles: ['TEACHER'] },
  NUDGE: { group: 'tasks', roles: ['TEACHER'] },
  COHORT_WELCOME: { group: 'tasks', roles: ['TEACHER'] },
  SUBMISSION_DUE_48H: { group: 'reminders', roles: ['TEACHER'] },
  SUBMISSION_OVERDUE: { group: 'reminders', roles: ['TEACHER'] },
  FEEDBACK_DUE_48H: { group: 'reminders', roles: ['TEACHER', 'COURSE_LEADER'] },
  FEEDBACK_DUE_TODAY: { group: 'reminders', roles: ['TEACHER', 'COURSE_LEADER'] },
  FEEDBACK_OVERDUE: { group: 'reminders', roles: ['TEACHER', 'COURSE_LEADER'] },
  MEETING_TOMORROW: { group: 'reminders', roles: ['TEACHER', 'COURSE_LEADER'] },
  FEEDBACK_OVERDUE_LEADER_NOTICE: { group: 'summaries', roles: ['COURSE_LEADER'] },
  WEEKLY_LEADER_SUMMARY: { group: 'summaries', roles: ['COURSE_LEADER'] },
  SCHOOL_LEADER_SUMMARY: { group: 'summaries', roles: ['SCHOOL_LEADER'] },
};

const GROUP_ORDER: readonly KindGroupName[] = ['tasks', 'reminders', 'summaries'];

/**
 * The switches a person with these roles is offered, in groups and in the API's order. The daily
 * digest is a mode, not a kind to switch off, so it is never in the list; nor are account mails.
 */
export function kindGroups(roles: readonly Role[], kinds: readonly KindChoice[]): KindGroup[] {
  const mine = kinds.filter((k) => {
    if (k.kind === 'DIGEST' || MANDATORY_KINDS.includes(k.kind)) return false;
    const who = RECEIVED_BY[k.kind as Exclude<MailKind, 'DIGEST' | MandatoryKind>];
    return who.roles.some((r) => roles.includes(r));
  });
  return GROUP_ORDER.map((name) => ({
    name,
    kinds: mine.filter(
      (k) => RECEIVED_BY[k.kind as Exclude<MailKind, 'DIGEST' | MandatoryKind>].group === name,
    ),
  })).filter((g) => g.kinds.length > 0);
}

/** Replaces one kind's choice, for showing a change at once while it is saved. */
export function withKind(kinds: readonly KindChoice[], kind: MailKind, enabled: boolean): KindChoice[] {
  return kinds.map((k) => (k.kind === kind ? { ...k, enabled } : k));
}
