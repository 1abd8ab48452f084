import { bySchool, overdueCount } from './support-rule';

// Who needs support, and why, is the API's (course rule 8 in @stl/shared/domain, tested there).
const round = (
  over: Partial<{ published: boolean; submissionOverdue: boolean; tasksOverdue: boolean }> = {},
) => ({
  published: true,
  submissionOverdue: false,
  tasksOverdue: false,
  ...over,
});

describe('the school leader view', () => {
  it('counts the rounds whose analysis or critical-friend tasks are overdue', () => {
    expect(overdueCount({ rounds: [round(), round({ published: false })] })).toBe(0);
    expect(
      overdueCount({
        rounds: [
          round({ published: false, submissionOverdue: true, tasksOverdue: true }),
          round({ tasksOverdue: true }),
          round({ published: true, submissionOverdue: true }),
        ],
      }),
    ).toBe(2);
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
