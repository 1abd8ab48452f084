import type { Composer } from '../kit';
import type { Block, Fact } from '../layout';
import { MAIL_PATHS, safeUrl } from '../links';
import type { MeetingTomorrowData } from '../mail-data';

export const composeMeetingTomorrow: Composer<MeetingTomorrowData> = (d, k) => {
  const t = k.t.meeting;
  const facts: Fact[] = [{ label: t.time, value: k.timeRange(d.startsAt, d.endsAt) }];
  if (d.place) facts.push({ label: t.place, value: d.place });
  if (d.videoUrl) {
    const url = safeUrl(d.videoUrl, 'videoUrl');
    facts.push({ label: t.video, value: url, url });
  }
  const blocks: Block[] = [
    { type: 'paragraph', text: t.intro({ cohort: d.cohortName }) },
    { type: 'facts', items: facts },
  ];
  if (d.preparation?.trim()) {
    blocks.push(
      { type: 'subheading', text: t.preparation },
      { type: 'paragraph', text: d.preparation.trim() },
    );
  }
  if (d.materials.length > 0) {
    blocks.push(
      { type: 'subheading', text: t.materials },
      {
        type: 'list',
        items: d.materials.map((m) => ({
          text: m.title,
          link: { label: m.title, url: safeUrl(m.url, 'material url') },
        })),
      },
    );
  }
  if (d.discussionQuestions.length > 0) {
    blocks.push(
      { type: 'subheading', text: t.questions },
      { type: 'list', ordered: true, items: d.discussionQuestions.map((q) => ({ text: q })) },
    );
  }
  blocks.push({ type: 'paragraph', text: t.calendarAttached });
  return {
    subject: t.subject({ number: d.meetingNumber, title: d.title }),
    heading: t.heading({ number: d.meetingNumber, title: d.title }),
    blocks,
    action: {
      label: t.action,
      url: k.link(MAIL_PATHS.cohort, { cohortId: d.cohortId }),
    },
    reason: t.reason({ cohort: d.cohortName }),
  };
};
