import { bySchool, needsSupport, overdueCount, supportReasons } from './support-rule';
import type { SupportFacts } from './support-rule';

const round = (number: number, over: Partial<SupportFacts['rounds'][number]> = {}) => ({
  number,
  published: true,
  submissionOverdue: false,
  tasksOverdue: false,
  ...over,
});

const onTrack: SupportFacts = {
  completed: false,
  leftAt: null,
  attendanceOnTrack: true,
  meetingsAttended: 3,
  meetingsHeld: 3,
  meetingsRequired: 6,
  rounds: [round(1), round(2), round(3, { published: false })],
};

describe('who seems to need support (school leader view)', () => {
  it('nobody on track, even with a round still to write before its deadline', () => {
    expect(supportReasons(onTrack)).toEqual([]);
    expect(needsSupport(onTrack)).toBe(false);
    expect(overdueCount(onTrack)).toBe(0);
  });

  it('an analysis past its submission deadline without being published', () => {
    const p = { ...onTrack, rounds: [round(1), round(2, { published: false, submissionOverdue: true })] };
    expect(supportReasons(p)).toEqual([{ code: 'ANALYSIS_OVERDUE', rounds: [2] }]);
    expect(overdueCount(p)).toBe(1);
  });

  it('a late analysis that was published after all is no longer a reason', () => {
    const p = { ...onTrack, rounds: [round(1, { published: true, submissionOverdue: true })] };
    expect(needsSupport(p)).toBe(false);
  });

  it('critical-friend tasks past their deadline', () => {
    const p = { ...onTrack, rounds: [round(1, { tasksOverdue: true }), round(2, { tasksOverdue: true })] };
    expect(supportReasons(p)).toEqual([{ code: 'TASKS_OVERDUE', rounds: [1, 2] }]);
  });

  it('attendance behind the required share of meetings held so far', () => {
    const p = { ...onTrack, attendanceOnTrack: false, meetingsAttended: 1 };
    expect(supportReasons(p)).toEqual([{ code: 'ATTENDANCE_BEHIND', rounds: [] }]);
  });

  it('lists every reason, in the order of the rule', () => {
    const p: SupportFacts = {
      ...onTrack,
      attendanceOnTrack: false,
      rounds: [round(1, { published: false, submissionOverdue: true, tasksOverdue: true })],
    };
    expect(supportReasons(p).map((r) => r.code)).toEqual([
      'ANALYSIS_OVERDUE',
      'TASKS_OVERDUE',
      'ATTENDANCE_BEHIND',
    ]);
    expect(overdueCount(p)).toBe(1);
  });

  it('never for someone who completed or left', () => {
    const behind = { ...onTrack, attendanceOnTrack: false };
    expect(needsSupport({ ...behind, completed: true })).toBe(false);
    expect(needsSupport({ ...behind, leftAt: '2026-11-01T10:00:00Z' })).toBe(false);
  });

  it('groups participants by school, then by name, in Swedish order', () => {
    const row = (name: string, schoolId: string, schoolName: string) => ({
      schoolId,
      schoolName,
      person: { fullName: name },
    });
    const groups = bySchool([
      row('Örjan Ö', 's2', 'Ängsskolan'),
      row('Anna A', 's1', 'Björkskolan'),
      row('Åsa Å', 's2', 'Ängsskolan'),
      row('Adam A', 's2', 'Ängsskolan'),
    ]);
    expect(groups.map((g) => g.schoolName)).toEqual(['Björkskolan', 'Ängsskolan']);
    expect(groups[1].people.map((p) => p.person.fullName)).toEqual(['Adam A', 'Åsa Å', 'Örjan Ö']);
  });
});
