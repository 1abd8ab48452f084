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
  analyses: PEOPLE.map(([id, , school]) => ({
    analysisId: id.toUpperCase(),
    authorId: id,
    schoolId: school,
    wantsSameSchool: false,
  })),
  reviewers: PEOPLE.map(([id, , school]) => ({ reviewerId: id, schoolId: school })),
  // Dan read Anna in round 1, and reads her again in this proposal.
  earlierPairs: [{ reviewerId: 'd', authorId: 'a', roundNumber: 1 }],
  sameSchoolSupport: false,
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

const cellOf = (author: string, reviewer: string): HTMLElement => {
  const row = screen.getAllByTestId('preview-group').find((r) => r.textContent?.includes(`by ${author}`));
  const cell = within(row as HTMLElement)
    .getAllByTestId('pair')
    .find((c) => within(c).queryByTestId('reviewer-chip')?.textContent?.includes(reviewer));
  if (!cell) throw new Error(`no cell ${author} ← ${reviewer}`);
  return cell;
};
const loadRow = (name: string) =>
  screen.getAllByTestId('load-row').find((r) => r.textContent?.includes(name)) as HTMLElement;

describe('AllocationPreviewComponent: the grid with live checks (issue 19)', () => {
  it('shows each analysis as a row with its critical friends and their findings as text', async () => {
    await render();
    const grid = screen.getByRole('table', { name: 'The proposal: each analysis with its critical friends' });
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent?.trim()),
    ).toEqual([
      'Analysis by Anna Ek (Ekbackeskolan)',
      'Analysis by Bo Ek (Ekbackeskolan)',
      'Analysis by Cia Sol (Solviksskolan)',
      'Analysis by Dan Sol (Solviksskolan)',
    ]);
    // The repeated pair from round 1 is named in its cell, in words.
    expect(within(cellOf('Anna Ek', 'Dan Sol')).getByTestId('pair-findings').textContent).toContain(
      "Dan Sol read Anna Ek's analysis in an earlier round (round 1).",
    );
    // Anna reads her colleague Bo; Bo reads Cia at another school: nothing to say.
    expect(within(cellOf('Bo Ek', 'Anna Ek')).getByTestId('pair-findings').textContent).toContain(
      'Anna Ek and Bo Ek work at the same school.',
    );
    expect(within(cellOf('Cia Sol', 'Bo Ek')).queryByTestId('pair-findings')).toBeNull();
    const summary = screen.getByTestId('checks-summary').textContent;
    expect(summary).toContain('2 same-school pairs');
    expect(summary).toContain('1 pairs who met in an earlier round');
    expect(loadRow('Anna Ek').textContent).toContain('Within the target');
  });

  it('checks again on every change: same school, reciprocal, and the loads over and under', async () => {
    const fixture = await render();
    fireEvent.click(within(cellOf('Anna Ek', 'Dan Sol')).getByRole('button', { name: /^Change/ }));
    await fixture.whenStable();
    const select = screen.getByLabelText('New critical friend for the analysis by Anna Ek');
    fireEvent.change(select, { target: { value: 'b' } });
    await fixture.whenStable();
    fireEvent.click(screen.getByRole('button', { name: 'Use' }));
    await fixture.whenStable();
    const cell = cellOf('Anna Ek', 'Bo Ek');
    expect(
      within(within(cell).getByTestId('pair-findings'))
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      '⚠ Bo Ek and Anna Ek work at the same school.',
      "⚠ Anna Ek already reads Bo Ek's analysis: they would read each other.",
    ]);
    expect(loadRow('Bo Ek').textContent).toContain('Too many (the target is 1)');
    expect(loadRow('Dan Sol').textContent).toContain('Too few (the target is 1)');
    const summary = screen.getByTestId('checks-summary').textContent;
    expect(summary).toContain('3 same-school pairs');
    expect(summary).toContain('2 pairs who read each other');
    expect(summary).not.toContain('earlier round');
  });
});

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
    const live = select.closest('.edit')?.querySelector('.pair-warnings') as HTMLElement;
    expect(
      within(within(live).getByRole('list'))
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      '⚠ Bo Ek and Anna Ek work at the same school.',
      "⚠ Anna Ek already reads Bo Ek's analysis: they would read each other.",
    ]);
    expect(live.textContent).toContain('The allocation becomes uneven');
    expect(live.textContent).toContain('Bo Ek would read 2.');
    // Nor is anyone offered who is already on the analysis (Dan reads it now).
    expect(offered).not.toContain('d');
  });
});
