import type { Composer, MailBody, RenderKit } from '../kit';
import type { Block, Link } from '../layout';
import { MAIL_PATHS } from '../links';
import type {
  FeedbackDueData,
  FeedbackOverdueData,
  FeedbackOverdueLeaderNoticeData,
  ReviewTask,
  RoundRef,
  SubmissionDueData,
} from '../mail-data';
import { MailTemplateError } from '../errors';
import { roundTitleBesideNumber } from '@stl/shared/domain';

function reviewList(cohortId: string, roundNumber: number, reviews: ReviewTask[], k: RenderKit): Block {
  if (reviews.length === 0) throw new MailTemplateError('A feedback reminder needs at least one review');
  return {
    type: 'list',
    items: reviews.map((r) => {
      const title = roundTitleBesideNumber(r.analysisTitle, roundNumber);
      const label = k.t.common.reviewTask({ authorName: r.authorName, title });
      return {
        text: label,
        link: { label, url: k.link(MAIL_PATHS.review, { cohortId, analysisId: r.analysisId }) },
      };
    }),
  };
}

/** The participant's analysis of the round, in the editor. */
function editorUrl(d: RoundRef, k: RenderKit): string {
  return k.link(MAIL_PATHS.analysisEditor, { cohortId: d.cohortId, roundId: d.roundId });
}

/** One review: straight to it. Several: to the critical-friend tasks, where they are all listed. */
function reviewAction(d: FeedbackDueData, k: RenderKit): Link {
  const t = k.t.feedbackDue;
  const only = d.reviews.length === 1 ? d.reviews[0] : undefined;
  return only
    ? {
        label: t.actionOne,
        url: k.link(MAIL_PATHS.review, { cohortId: d.cohortId, analysisId: only.analysisId }),
      }
    : { label: t.actionMany, url: k.link(MAIL_PATHS.reviewTasks, { cohortId: d.cohortId }) };
}

function feedbackDue(
  d: FeedbackDueData,
  k: RenderKit,
  parts: { subject: string; heading: string; intro: string; extra: Block[] },
): MailBody {
  const t = k.t.feedbackDue;
  return {
    subject: parts.subject,
    heading: parts.heading,
    blocks: [
      { type: 'paragraph', text: parts.intro },
      { type: 'paragraph', text: t.listIntro(d.reviews.length) },
      reviewList(d.cohortId, d.roundNumber, d.reviews, k),
      ...parts.extra,
    ],
    action: reviewAction(d, k),
    reason: t.reason({ round: d.roundNumber, cohort: d.cohortName }),
  };
}

export const composeFeedbackDue48h: Composer<FeedbackDueData> = (d, k) =>
  feedbackDue(d, k, {
    subject: k.t.feedbackDue.subject48h({ round: d.roundNumber, due: k.dayMonth(d.feedbackDueAt) }),
    heading: k.t.feedbackDue.heading48h,
    intro: k.t.feedbackDue.intro48h({ due: k.dateTime(d.feedbackDueAt) }),
    extra: [],
  });

export const composeFeedbackDueToday: Composer<FeedbackDueData> = (d, k) =>
  feedbackDue(d, k, {
    subject: k.t.feedbackDue.subjectToday({ round: d.roundNumber }),
    heading: k.t.feedbackDue.headingToday,
    intro: k.t.feedbackDue.introToday({ due: k.dateTime(d.feedbackDueAt) }),
    extra: [],
  });

export const composeFeedbackOverdue: Composer<FeedbackOverdueData> = (d, k) =>
  feedbackDue(d, k, {
    subject: k.t.feedbackDue.subjectOverdue({ round: d.roundNumber }),
    heading: k.t.feedbackDue.headingOverdue,
    intro: k.t.feedbackDue.introOverdue({ due: k.dateTime(d.feedbackDueAt) }),
    extra: [
      {
        type: 'paragraph',
        text: `${k.t.feedbackDue.reminderNumber(d.reminderNumber)} ${k.t.feedbackDue.needMoreTime}`,
      },
    ],
  });

export const composeFeedbackOverdueLeaderNotice: Composer<FeedbackOverdueLeaderNoticeData> = (d, k) => {
  const t = k.t.leaderNotice;
  return {
    subject: t.subject({ reviewerName: d.reviewerName, round: d.roundNumber }),
    heading: t.heading,
    blocks: [
      {
        type: 'paragraph',
        text: t.intro({
          reviewerName: d.reviewerName,
          round: d.roundNumber,
          cohort: d.cohortName,
          due: k.dateTime(d.feedbackDueAt),
          reminders: d.remindersSent,
        }),
      },
      {
        type: 'facts',
        items: [
          { label: t.reviewer, value: d.reviewerName },
          ...(d.reviewerSchoolName ? [{ label: t.school, value: d.reviewerSchoolName }] : []),
          { label: k.t.common.cohort, value: d.cohortName },
          { label: k.t.common.round, value: String(d.roundNumber) },
        ],
      },
      { type: 'paragraph', text: t.listIntro },
      reviewList(d.cohortId, d.roundNumber, d.reviews, k),
      { type: 'paragraph', text: t.suggestion },
    ],
    action: { label: t.action, url: k.link(MAIL_PATHS.cohortProgress, { cohortId: d.cohortId }) },
    reason: t.reason({ cohort: d.cohortName }),
  };
};

function submission(d: SubmissionDueData, k: RenderKit, overdue: boolean): MailBody {
  const t = k.t.submission;
  const args = { round: d.roundNumber, cohort: d.cohortName, due: k.dateTime(d.submissionDueAt) };
  return {
    subject: overdue
      ? t.subjectOverdue({ round: d.roundNumber })
      : t.subject48h({ round: d.roundNumber, due: k.dayMonth(d.submissionDueAt) }),
    heading: overdue ? t.headingOverdue : t.heading48h,
    blocks: [
      { type: 'paragraph', text: overdue ? t.introOverdue(args) : t.intro48h(args) },
      { type: 'paragraph', text: d.hasDraft ? t.hasDraft : t.noDraft },
      ...(overdue ? [{ type: 'paragraph' as const, text: t.needMoreTime }] : []),
    ],
    action: { label: t.action, url: editorUrl(d, k) },
    reason: t.reason({ cohort: d.cohortName }),
  };
}

export const composeSubmissionDue48h: Composer<SubmissionDueData> = (d, k) => submission(d, k, false);
export const composeSubmissionOverdue: Composer<SubmissionDueData> = (d, k) => submission(d, k, true);
