import type { Composer, RenderKit } from '../kit';
import type { AnalysisPublishedData, FeedbackReceivedData, ReviewAssignedData } from '../mail-data';
import { MAIL_PATHS } from '../links';
import { isDefaultRoundTitle, roundTitleBesideNumber } from '@stl/shared/domain';

/**
 * The analysis's title as a fact, unless it only repeats the round ("Analys 3" in round 3, the
 * default titles): then the round row says it all, and "Analys: Analys 3" would say it twice.
 */
function analysisFact(k: RenderKit, title: string, round: number): { label: string; value: string }[] {
  return isDefaultRoundTitle(title, round) ? [] : [{ label: k.t.common.analysis, value: title }];
}

export const composeReviewAssigned: Composer<ReviewAssignedData> = (d, k) => {
  const t = k.t.reviewAssigned;
  return {
    subject: t.subject({ authorName: d.authorName, round: d.roundNumber }),
    heading: t.heading,
    blocks: [
      {
        type: 'paragraph',
        text: t.intro({ authorName: d.authorName, round: d.roundNumber, cohort: d.cohortName }),
      },
      {
        type: 'facts',
        items: [
          ...analysisFact(k, d.analysisTitle, d.roundNumber),
          { label: k.t.common.author, value: d.authorName },
          { label: k.t.common.round, value: String(d.roundNumber) },
          { label: k.t.common.feedbackDue, value: k.dateTime(d.feedbackDueAt) },
        ],
      },
      { type: 'paragraph', text: t.advice },
    ],
    action: {
      label: t.action,
      url: k.link(MAIL_PATHS.review, { cohortId: d.cohortId, analysisId: d.analysisId }),
    },
    reason: t.reason({ cohort: d.cohortName }),
  };
};

export const composeFeedbackReceived: Composer<FeedbackReceivedData> = (d, k) => {
  const t = k.t.feedbackReceived;
  return {
    subject: t.subject({ round: d.roundNumber }),
    heading: t.heading,
    blocks: [
      {
        type: 'paragraph',
        text: t.intro({
          reviewerName: d.reviewerName,
          role: d.reviewerRole,
          title: roundTitleBesideNumber(d.analysisTitle, d.roundNumber),
          round: d.roundNumber,
        }),
      },
      {
        type: 'facts',
        items: [
          { label: k.t.common.cohort, value: d.cohortName },
          { label: k.t.common.round, value: String(d.roundNumber) },
        ],
      },
      { type: 'paragraph', text: t.respond },
    ],
    action: {
      label: t.action,
      url: k.link(MAIL_PATHS.receivedFeedback, { cohortId: d.cohortId, analysisId: d.analysisId }),
    },
    reason: t.reason({ cohort: d.cohortName }),
  };
};

export const composeAnalysisPublished: Composer<AnalysisPublishedData> = (d, k) => {
  const t = k.t.analysisPublished;
  return {
    subject: t.subject({ authorName: d.authorName, round: d.roundNumber }),
    heading: t.heading,
    blocks: [
      {
        type: 'paragraph',
        text: t.intro({
          authorName: d.authorName,
          title: roundTitleBesideNumber(d.analysisTitle, d.roundNumber),
          round: d.roundNumber,
          cohort: d.cohortName,
        }),
      },
      {
        type: 'facts',
        items: [
          ...analysisFact(k, d.analysisTitle, d.roundNumber),
          { label: k.t.common.author, value: d.authorName },
          { label: k.t.common.round, value: String(d.roundNumber) },
          { label: k.t.common.feedbackDue, value: k.dateTime(d.feedbackDueAt) },
        ],
      },
    ],
    action: {
      label: t.action,
      url: k.link(MAIL_PATHS.analysis, { cohortId: d.cohortId, analysisId: d.analysisId }),
    },
    reason: t.reason({ round: d.roundNumber, cohort: d.cohortName }),
  };
};
