import type { Composer, RenderKit } from '../kit';
import type { AnalysisPublishedData, FeedbackReceivedData, ReviewAssignedData } from '../mail-data';
import { MAIL_PATHS } from '../links';
import { isDefaultRoundTitle, richTextToPlainText, roundTitleBesideNumber } from '@stl/shared/domain';
import type { Block } from '../layout';

/**
 * The analysis's title as a fact, unless it only repeats the round ("Analys 3" in round 3, the
 * default titles): then the round row says it all, and "Analys: Analys 3" would say it twice.
 */
function analysisFact(k: RenderKit, title: string, round: number): { label: string; value: string }[] {
  return isDefaultRoundTitle(title, round) ? [] : [{ label: k.t.common.analysis, value: title }];
}

/** How much of an analysis a mail shows: enough to recognise it, never the whole text. */
export const MAIL_EXCERPT_LENGTH = 400;

/**
 * The start of an analysis as plain text: headings on lines of their own, "• " bullets, numbered
 * items, cut at a word with "…" (the mail's HTML escapes it and keeps the line breaks).
 */
export function mailExcerpt(html: string, max = MAIL_EXCERPT_LENGTH): string {
  const text = richTextToPlainText(html);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.replace(/\s+\S*$/, '').trimEnd() || cut}…`;
}

function excerptBlock(intro: string, html: string | undefined): Block[] {
  const text = html ? mailExcerpt(html) : '';
  return text ? [{ type: 'paragraph', text: `${intro}\n\n${text}` }] : [];
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
      ...excerptBlock(t.excerptIntro, d.excerptHtml),
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
