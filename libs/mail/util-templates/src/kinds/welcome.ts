import type { Composer } from '../kit';
import type { Block } from '../layout';
import { MAIL_PATHS } from '../links';
import type { CohortWelcomeData } from '../mail-data';

/** A plain date (`2026-08-17`) as an instant at noon UTC: the same calendar day in Stockholm. */
const dayOf = (isoDate: string): string => `${isoDate}T12:00:00Z`;

/**
 * To each participant when the cohort opens: what STL is, who leads it, every meeting (time in
 * Stockholm, place or "digital"), the first round's deadline and where to sign in. The worker
 * attaches every meeting as one calendar file (`cohortWelcomeIcsAttachment`).
 */
export const composeCohortWelcome: Composer<CohortWelcomeData> = (d, k) => {
  const t = k.t.welcome;
  const leaders = t.leaders(d.leaderNames);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: t.intro({
        cohort: d.cohortName,
        starts: k.plainDate(dayOf(d.startsOn)),
        ends: k.plainDate(dayOf(d.endsOn)),
      }),
    },
    { type: 'paragraph', text: t.about },
    ...(leaders ? [{ type: 'paragraph' as const, text: leaders }] : []),
    { type: 'subheading', text: t.meetingsHeading },
  ];
  if (d.meetings.length === 0) blocks.push({ type: 'paragraph', text: t.noMeetings });
  else
    blocks.push(
      {
        type: 'table',
        caption: t.meetingsCaption({ cohort: d.cohortName }),
        columns: [t.meetingColumn, t.timeColumn, t.placeColumn],
        rows: d.meetings.map((m) => [
          `${m.meetingNumber}. ${m.title}`,
          k.timeRange(m.startsAt, m.endsAt),
          m.place?.trim() || t.digital,
        ]),
      },
      { type: 'paragraph', text: `${t.timeZone} ${t.calendarAttached}` },
    );
  if (d.firstRound) {
    blocks.push(
      { type: 'subheading', text: t.firstRoundHeading },
      {
        type: 'paragraph',
        text: t.firstRound({
          round: d.firstRound.roundNumber,
          title: d.firstRound.title,
          due: k.dateTime(d.firstRound.submissionDueAt),
        }),
      },
    );
  }
  const signIn = k.link(MAIL_PATHS.signIn);
  blocks.push(
    { type: 'subheading', text: t.signInHeading },
    { type: 'paragraph', text: t.signIn },
    { type: 'facts', items: [{ label: t.signInAddress, value: signIn, url: signIn }] },
  );
  return {
    subject: t.subject({ cohort: d.cohortName }),
    heading: t.heading({ cohort: d.cohortName }),
    blocks,
    action: { label: t.action, url: k.link(MAIL_PATHS.cohort, { cohortId: d.cohortId }) },
    reason: t.reason({ cohort: d.cohortName }),
  };
};
