import { MailTemplateError } from './errors';
import type { Composer, MailBody, RenderKit } from './kit';
import { renderKit } from './kit';
import {
  composeAnalysisPublished,
  composeFeedbackReceived,
  composeReviewAssigned,
} from './kinds/participant';
import { composeMeetingTomorrow } from './kinds/meeting';
import {
  composeFeedbackDue48h,
  composeFeedbackDueToday,
  composeFeedbackOverdue,
  composeFeedbackOverdueLeaderNotice,
  composeSubmissionDue48h,
  composeSubmissionOverdue,
} from './kinds/reminders';
import { composeSchoolLeaderSummary, composeWeeklyLeaderSummary } from './kinds/summaries';
import { composeNudge } from './kinds/nudge';
import { composeAccessibilityReport } from './kinds/accessibility';
import { composeCohortWelcome } from './kinds/welcome';
import { composeInvitation, composePasswordReset, composeSignInLink } from './kinds/account';
import { renderHtml, renderText } from './layout';
import type { Block } from './layout';
import { MAIL_PATHS, safeUrl } from './links';
import { DEFAULT_MAIL_LOCALE } from './locale';
import type {
  AnalysisPublishedData,
  CohortWelcomeData,
  DigestData,
  DigestItem,
  FeedbackDueData,
  FeedbackOverdueData,
  FeedbackOverdueLeaderNoticeData,
  FeedbackReceivedData,
  MailContext,
  MailDataByKind,
  MeetingTomorrowData,
  RenderedMail,
  ReviewAssignedData,
  SchoolLeaderSummaryData,
  SubmissionDueData,
  SubmissionOverdueData,
  WeeklyLeaderSummaryData,
} from './mail-data';
import { isMandatoryKind } from './mail-kind';
import type { MailKind } from './mail-kind';

/** Names, titles and the like may hold line breaks; a subject or heading is one line. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function composeDigestItem(item: DigestItem, k: RenderKit): MailBody {
  // The union of items pairs each kind with its data; the compiler cannot follow that through an index.
  return (COMPOSERS[item.kind] as Composer<unknown>)(item.data, k);
}

const composeDigest: Composer<DigestData> = (d, k) => {
  if (d.items.length === 0) throw new MailTemplateError('A digest needs at least one item');
  const t = k.t.digest;
  const sections: Block[] = d.items.map((item) => {
    const body = composeDigestItem(item, k);
    return {
      type: 'section',
      heading: oneLine(body.subject),
      blocks: body.blocks,
      action: body.action,
      note: item.unsubscribeUrl
        ? {
            label: k.t.common.unsubscribe(k.t.kindNames[item.kind]),
            url: safeUrl(item.unsubscribeUrl, 'unsubscribeUrl'),
          }
        : undefined,
    };
  });
  return {
    subject: t.subject({ count: d.items.length, date: k.dayMonth(d.date) }),
    heading: t.heading({ date: k.date(d.date) }),
    blocks: [{ type: 'paragraph', text: t.intro }, ...sections],
    action: { label: k.t.common.settings, url: k.link(MAIL_PATHS.mailSettings) },
    reason: t.reason,
  };
};

const COMPOSERS: { [K in MailKind]: Composer<MailDataByKind[K]> } = {
  REVIEW_ASSIGNED: composeReviewAssigned,
  FEEDBACK_RECEIVED: composeFeedbackReceived,
  ANALYSIS_PUBLISHED: composeAnalysisPublished,
  FEEDBACK_DUE_48H: composeFeedbackDue48h,
  FEEDBACK_DUE_TODAY: composeFeedbackDueToday,
  FEEDBACK_OVERDUE: composeFeedbackOverdue,
  FEEDBACK_OVERDUE_LEADER_NOTICE: composeFeedbackOverdueLeaderNotice,
  SUBMISSION_DUE_48H: composeSubmissionDue48h,
  SUBMISSION_OVERDUE: composeSubmissionOverdue,
  MEETING_TOMORROW: composeMeetingTomorrow,
  WEEKLY_LEADER_SUMMARY: composeWeeklyLeaderSummary,
  SCHOOL_LEADER_SUMMARY: composeSchoolLeaderSummary,
  DIGEST: composeDigest,
  NUDGE: composeNudge,
  INVITATION: composeInvitation,
  PASSWORD_RESET: composePasswordReset,
  SIGN_IN_LINK: composeSignInLink,
  COHORT_WELCOME: composeCohortWelcome,
  ACCESSIBILITY_REPORT: composeAccessibilityReport,
};

function required(url: string | undefined): string {
  if (!url) throw new MailTemplateError('This kind of mail needs an unsubscribe link');
  return url;
}

/**
 * Renders one mail of any kind: the entry point for a worker holding `{ kind, data }` from the
 * outbox. Pure: no I/O, and the same input always gives the same output.
 */
export function renderMail<K extends MailKind>(
  kind: K,
  data: MailDataByKind[K],
  ctx: MailContext,
): RenderedMail {
  const locale = ctx.locale ?? DEFAULT_MAIL_LOCALE;
  const k = renderKit(locale, ctx.baseUrl);
  const body = (COMPOSERS[kind] as Composer<MailDataByKind[K]>)(data, k);
  const doc = {
    locale,
    subject: oneLine(body.subject),
    brand: k.t.common.brand,
    heading: oneLine(body.heading),
    greeting: k.t.common.greeting(oneLine(ctx.recipientName)),
    blocks: body.blocks,
    action: body.action,
    actionFallback: k.t.common.actionFallback,
    signOff: k.t.common.signOff,
    footer: isMandatoryKind(kind)
      ? { reason: body.reason, unsubscribeHint: k.t.common.unsubscribeHint }
      : {
          reason: body.reason,
          unsubscribe: {
            label: k.t.common.unsubscribe(k.t.kindNames[kind]),
            url: safeUrl(required(ctx.unsubscribeUrl), 'unsubscribeUrl'),
          },
          unsubscribeHint: k.t.common.unsubscribeHint,
          settings: { label: k.t.common.settings, url: k.link(MAIL_PATHS.mailSettings) },
        },
  };
  return { subject: doc.subject, html: renderHtml(doc), text: renderText(doc) };
}

export const renderReviewAssigned = (data: ReviewAssignedData, ctx: MailContext): RenderedMail =>
  renderMail('REVIEW_ASSIGNED', data, ctx);
export const renderFeedbackReceived = (data: FeedbackReceivedData, ctx: MailContext): RenderedMail =>
  renderMail('FEEDBACK_RECEIVED', data, ctx);
export const renderAnalysisPublished = (data: AnalysisPublishedData, ctx: MailContext): RenderedMail =>
  renderMail('ANALYSIS_PUBLISHED', data, ctx);
export const renderFeedbackDue48h = (data: FeedbackDueData, ctx: MailContext): RenderedMail =>
  renderMail('FEEDBACK_DUE_48H', data, ctx);
export const renderFeedbackDueToday = (data: FeedbackDueData, ctx: MailContext): RenderedMail =>
  renderMail('FEEDBACK_DUE_TODAY', data, ctx);
export const renderFeedbackOverdue = (data: FeedbackOverdueData, ctx: MailContext): RenderedMail =>
  renderMail('FEEDBACK_OVERDUE', data, ctx);
export const renderFeedbackOverdueLeaderNotice = (
  data: FeedbackOverdueLeaderNoticeData,
  ctx: MailContext,
): RenderedMail => renderMail('FEEDBACK_OVERDUE_LEADER_NOTICE', data, ctx);
export const renderSubmissionDue48h = (data: SubmissionDueData, ctx: MailContext): RenderedMail =>
  renderMail('SUBMISSION_DUE_48H', data, ctx);
export const renderSubmissionOverdue = (data: SubmissionOverdueData, ctx: MailContext): RenderedMail =>
  renderMail('SUBMISSION_OVERDUE', data, ctx);
export const renderMeetingTomorrow = (data: MeetingTomorrowData, ctx: MailContext): RenderedMail =>
  renderMail('MEETING_TOMORROW', data, ctx);
export const renderWeeklyLeaderSummary = (data: WeeklyLeaderSummaryData, ctx: MailContext): RenderedMail =>
  renderMail('WEEKLY_LEADER_SUMMARY', data, ctx);
export const renderSchoolLeaderSummary = (data: SchoolLeaderSummaryData, ctx: MailContext): RenderedMail =>
  renderMail('SCHOOL_LEADER_SUMMARY', data, ctx);
export const renderDigest = (data: DigestData, ctx: MailContext): RenderedMail =>
  renderMail('DIGEST', data, ctx);
export const renderCohortWelcome = (data: CohortWelcomeData, ctx: MailContext): RenderedMail =>
  renderMail('COHORT_WELCOME', data, ctx);
