import type { Composer, RenderKit } from '../kit';
import type { Block } from '../layout';
import { MAIL_PATHS } from '../links';
import { missingText } from './summaries';
import type { NudgeData } from '../mail-data';

/**
 * A course leader's personal reminder: their words (if any) and what is left, its button opening
 * the oldest overdue task itself (the analysis editor or the critical-friend form), else the cohort.
 */
export const composeNudge: Composer<NudgeData> = (d, k) => {
  const t = k.t.nudge;
  const blocks: Block[] = [
    { type: 'paragraph', text: t.intro({ leaderName: d.leaderName, cohort: d.cohortName }) },
  ];
  const message = d.message?.trim();
  if (message) {
    blocks.push({ type: 'subheading', text: t.messageFrom({ leaderName: d.leaderName }) });
    for (const paragraph of message.split(/\n\s*\n/))
      blocks.push({ type: 'paragraph', text: paragraph.trim() });
  }
  if (d.missing.length > 0) {
    blocks.push({ type: 'paragraph', text: t.missingIntro });
    blocks.push({ type: 'list', items: d.missing.map((item) => ({ text: missingText(item, k) })) });
  } else {
    blocks.push({ type: 'paragraph', text: t.nothingMissing });
  }
  return {
    subject: t.subject({ leaderName: d.leaderName, cohort: d.cohortName }),
    heading: t.heading,
    blocks,
    action: { label: t.action, url: taskUrl(d, k) },
    reason: t.reason({ cohort: d.cohortName }),
  };
};

function taskUrl(d: NudgeData, k: RenderKit): string {
  const task = d.task;
  if (task?.type === 'analysis')
    return k.link(MAIL_PATHS.analysisEditor, { cohortId: d.cohortId, roundId: task.roundId });
  if (task?.type === 'review')
    return k.link(MAIL_PATHS.review, { cohortId: d.cohortId, analysisId: task.analysisId });
  return k.link(MAIL_PATHS.cohort, { cohortId: d.cohortId });
}
