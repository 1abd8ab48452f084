import type { Composer, RenderKit } from '../kit';
import type { Block } from '../layout';
import { MAIL_PATHS } from '../links';
import type {
  MissingItem,
  SchoolLeaderSummaryData,
  SupportLevel,
  TeacherProgress,
  WeeklyLeaderSummaryData,
} from '../mail-data';
import { isoWeek } from '../format';
import type { Instant } from '../format';

/** One missing thing as a sentence in the mail's language (also used by the nudge). */
export function missingText(item: MissingItem, k: RenderKit): string {
  const t = k.t.weeklySummary;
  switch (item.type) {
    case 'analysis':
      return t.missingAnalysis({ round: item.roundNumber, due: k.dayMonth(item.dueAt) });
    case 'peerFeedback':
      return t.missingPeerFeedback({
        round: item.roundNumber,
        authorName: item.authorName,
        due: k.dayMonth(item.dueAt),
      });
    case 'leaderFeedback':
      return t.missingLeaderFeedback({ round: item.roundNumber });
    case 'absence':
      return t.absence({ number: item.meetingNumber, date: k.dayMonth(item.meetingDate) });
  }
}

export const composeWeeklyLeaderSummary: Composer<WeeklyLeaderSummaryData> = (d, k) => {
  const t = k.t.weeklySummary;
  const week = isoWeek(d.weekOf);
  const anythingMissing = d.cohorts.some((c) => c.people.some((p) => p.missing.length > 0));
  const sections: Block[] = d.cohorts.map((c) => {
    const people = c.people.filter((p) => p.missing.length > 0);
    const progressUrl = k.link(MAIL_PATHS.cohortProgress, { cohortId: c.cohortId });
    return {
      type: 'section',
      heading: c.cohortName,
      blocks:
        people.length === 0
          ? [{ type: 'paragraph', text: t.cohortNothingMissing }]
          : people.flatMap((p): Block[] => [
              { type: 'subheading', text: t.person({ name: p.name, school: p.schoolName }) },
              { type: 'list', items: p.missing.map((m) => ({ text: missingText(m, k) })) },
            ]),
      // With one cohort the main button already leads there.
      action:
        d.cohorts.length > 1
          ? { label: t.cohortAction({ cohort: c.cohortName }), url: progressUrl }
          : undefined,
    };
  });
  const only = d.cohorts.length === 1 ? d.cohorts[0] : undefined;
  return {
    subject: t.subject({ week }),
    heading: t.heading({ week }),
    blocks: [{ type: 'paragraph', text: anythingMissing ? t.intro : t.nothingMissing }, ...sections],
    action: only
      ? {
          label: t.cohortAction({ cohort: only.cohortName }),
          url: k.link(MAIL_PATHS.cohortProgress, { cohortId: only.cohortId }),
        }
      : { label: t.action, url: k.link(MAIL_PATHS.cohorts) },
    reason: t.reason,
  };
};

/**
 * A teacher's level as the screens grade it. A report queued by an earlier release carries the old
 * signals instead: any of them read as needing support, as that report meant.
 */
function levelOf(x: TeacherProgress): SupportLevel {
  if (x.completed) return 'ON_TRACK';
  if (x.supportLevel) return x.supportLevel;
  return (x.supportSignals ?? []).length > 0 ? 'NEEDS_SUPPORT' : 'ON_TRACK';
}

export const composeSchoolLeaderSummary: Composer<SchoolLeaderSummaryData> = (d, k) => {
  const t = k.t.schoolSummary;
  const needSupport = d.cohorts.flatMap((c) => c.teachers).filter((x) => levelOf(x) === 'NEEDS_SUPPORT');
  const line = (x: TeacherProgress): string =>
    x.supportLevel || !x.supportSignals
      ? t.supportLine({ name: x.name, reasons: (x.supportReasons ?? []).map(t.reasonText) })
      : t.legacyLine({ name: x.name, signals: x.supportSignals.map((s) => t.signals[s]) });
  const supportBlocks: Block[] =
    needSupport.length === 0
      ? [{ type: 'paragraph', text: t.noneNeedSupport }]
      : [
          { type: 'paragraph', text: t.supportIntro },
          { type: 'list', items: needSupport.map((x) => ({ text: line(x) })) },
        ];
  return {
    subject: t.subject({ school: d.schoolName }),
    heading: t.heading({ school: d.schoolName }),
    blocks: [
      {
        type: 'paragraph',
        // periodEnd is the first moment after the period: the last day shown is the one before it.
        text: t.intro({ from: k.plainDate(d.periodStart), to: k.plainDate(lastMomentBefore(d.periodEnd)) }),
      },
      { type: 'section', heading: t.supportHeading, blocks: supportBlocks },
      ...d.cohorts.map((c): Block => ({
        type: 'table',
        caption: t.caption({ cohort: c.cohortName }),
        columns: [...t.columns],
        rows: c.teachers.map((x) => [
          x.name,
          t.outOf({ done: x.analysesPublished, total: x.analysesRequired }),
          t.outOf({ done: x.feedbackGiven, total: x.feedbackAssigned }),
          t.outOf({ done: x.meetingsAttended, total: x.meetingsHeld }),
          x.completed ? t.completed : t.levels[levelOf(x)],
        ]),
      })),
    ],
    action: { label: t.action, url: k.link(MAIL_PATHS.schoolProgress) },
    reason: t.reason({ school: d.schoolName }),
  };
};

/** The instant just before `end`: the last day of a period that ends (exclusively) at midnight. */
function lastMomentBefore(end: Instant): Date {
  return new Date(new Date(end).getTime() - 1);
}
