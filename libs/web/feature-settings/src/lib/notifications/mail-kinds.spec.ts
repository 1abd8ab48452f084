import { kindGroups, withKind } from './mail-kinds';
import type { KindChoice, MailKind } from './mail-kinds';

const ALL: MailKind[] = [
  'ANALYSIS_PUBLISHED',
  'COHORT_WELCOME',
  'DIGEST',
  'FEEDBACK_DUE_48H',
  'FEEDBACK_DUE_TODAY',
  'FEEDBACK_OVERDUE',
  'FEEDBACK_OVERDUE_LEADER_NOTICE',
  'FEEDBACK_RECEIVED',
  'MEETING_TOMORROW',
  'NUDGE',
  'REVIEW_ASSIGNED',
  'SCHOOL_LEADER_SUMMARY',
  'SUBMISSION_DUE_48H',
  'SUBMISSION_OVERDUE',
  'WEEKLY_LEADER_SUMMARY',
];
const kinds: KindChoice[] = ALL.map((kind) => ({
  kind,
  enabled: true,
  digestible: kind !== 'WEEKLY_LEADER_SUMMARY',
}));
const names = (groups: ReturnType<typeof kindGroups>) =>
  Object.fromEntries(groups.map((g) => [g.name, g.kinds.map((k) => k.kind)]));

describe('kindGroups', () => {
  it('offers a teacher their tasks and reminders, but no summaries and never the digest', () => {
    const groups = names(kindGroups(['TEACHER'], kinds));
    expect(Object.keys(groups)).toEqual(['tasks', 'reminders']);
    expect(groups['tasks']).toEqual([
      'ANALYSIS_PUBLISHED',
      'COHORT_WELCOME',
      'FEEDBACK_RECEIVED',
      'NUDGE',
      'REVIEW_ASSIGNED',
    ]);
    expect(groups['reminders']).toContain('SUBMISSION_OVERDUE');
    expect(Object.values(groups).flat()).not.toContain('DIGEST');
  });

  it('offers a course leader the leader summaries and their own feedback reminders, not submission reminders', () => {
    const groups = names(kindGroups(['COURSE_LEADER'], kinds));
    expect(groups['summaries']).toEqual(['FEEDBACK_OVERDUE_LEADER_NOTICE', 'WEEKLY_LEADER_SUMMARY']);
    expect(groups['reminders']).toEqual([
      'FEEDBACK_DUE_48H',
      'FEEDBACK_DUE_TODAY',
      'FEEDBACK_OVERDUE',
      'MEETING_TOMORROW',
    ]);
  });

  it('offers a school leader only the school report, and an administrator nothing', () => {
    expect(names(kindGroups(['SCHOOL_LEADER'], kinds))).toEqual({ summaries: ['SCHOOL_LEADER_SUMMARY'] });
    expect(kindGroups(['ADMINISTRATOR'], kinds)).toEqual([]);
  });

  it('keeps what each kind is set to', () => {
    const off = withKind(kinds, 'NUDGE', false);
    const tasks = kindGroups(['TEACHER'], off).find((g) => g.name === 'tasks');
    expect(tasks?.kinds.find((k) => k.kind === 'NUDGE')?.enabled).toBe(false);
    expect(off.filter((k) => !k.enabled)).toHaveLength(1);
  });
});
