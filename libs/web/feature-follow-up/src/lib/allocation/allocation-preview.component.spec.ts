import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fireEvent, screen, within } from '@testing-library/angular';
import type { AllocationOutcome, FollowUpCohort, ProgressRow } from '@stl/web/data-access';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { AllocationContext } from './allocation-context';
import type { PageSource } from './allocation-context';
import { AllocationPreviewComponent } from './allocation-preview';

// Four participants, two schools; k = 1: a reads B, b reads C, c reads D, d reads A.
const PEOPLE: [string, string, string][] = [
  ['a', 'Anna Ek', 'ek'],
  ['b', 'Bo Ek', 'ek'],
  ['c', 'Cia Sol', 'sol'],
  ['d', 'Dan Sol', 'sol'],
];
const row = ([id, fullName, school]: [string, string, string]) =>
  ({
    person: { id, fullName },
    schoolId: school,
    schoolName: school === 'ek' ? 'Ekbackeskolan' : 'Solviksskolan',
    leftAt: null,
  }) as unknown as ProgressRow;
const pair = (analysisId: string, authorId: string, reviewerId: string) => ({
  analysisId,
  authorId,
  reviewerId,
  locked: false,
  sameSchool: false,
  earlierReviews: 0,
  reasons: [],
});
const OUTCOME = {
  applied: false,
  seed: 1,
  k: 1,
  analysisCount: 4,
  created: 0,
  replaced: 0,
  cancelled: 0,
  leaderAssignmentsCreated: 0,
  allocation: null,
  pairs: [pair('A', 'a', 'd'), pair('B', 'b', 'a'), pair('C', 'c', 'b'), pair('D', 'd', 'c')],
  stats: {
    assignmentCount: 4,
    reviewerCount: 4,
    crossSchoolShare: 0.5,
    repeatedPairs: 0,
    reciprocalPairs: 0,
    loadMin: 1,
    loadMax: 1,
  },
  unmet: [],
  warnings: [],
} as unknown as AllocationOutcome;

async function render() {
  TestBed.configureTestingModule({ providers: [AllocationContext, provideI18nTesting()] });
  const ctx = TestBed.inject(AllocationContext);
  const source = signal<PageSource | null>({
    cohort: { id: 'c1', name: 'STL', leaders: [] } as unknown as FollowUpCohort,
    people: PEOPLE.map(row),
  });
  ctx.connect(source);
  const fixture = TestBed.createComponent(AllocationPreviewComponent);
  fixture.componentRef.setInput('outcome', OUTCOME);
  fixture.autoDetectChanges();
  await fixture.whenStable();
  return fixture;
}

describe('AllocationPreviewComponent: changing a pair (issue 19)', () => {
  it('never offers the author as their own critical friend, and shows the checks live', async () => {
    const fixture = await render();
    // Anna's analysis A, read by Dan.
    const changeButtons = screen.getAllByRole('button', { name: /^Change/ });
    fireEvent.click(changeButtons[0]);
    await fixture.whenStable();
    const select = screen.getByLabelText(
      'New critical friend for the analysis by Anna Ek',
    ) as HTMLSelectElement;
    const offered = Array.from(select.options)
      .filter((o) => o.value)
      .map((o) => o.value);
    expect(offered).not.toContain('a');
    expect(offered.sort()).toEqual(['b', 'c']);

    // Bo: same school as Anna, and Anna reads Bo's analysis B (reciprocal); Bo would read two.
    fireEvent.change(select, { target: { value: 'b' } });
    await fixture.whenStable();
    const warnings = within(select.closest('.edit') as HTMLElement).getByRole('list');
    expect(
      within(warnings)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.trim()),
    ).toEqual([
      'Bo Ek and Anna Ek work at the same school.',
      "Anna Ek already reads Bo Ek's analysis: they would read each other.",
      'After the change someone reads at least two analyses more than someone else.',
    ]);
  });
});
