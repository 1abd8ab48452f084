import { TestBed } from '@angular/core/testing';
import { fireEvent, screen, within } from '@testing-library/angular';
import { GraphqlTesting } from '@stl/web/data-access/testing';
import { addDays } from '@stl/shared/domain';
import { RoundsStep } from './rounds.step';
import { cohort, meeting, renderStep, settle } from './testing/setup-fixtures';

/** Eight meetings four weeks apart (all in summer time, for simple instants). */
const MEETINGS = Array.from({ length: 8 }, (_, i) => meeting(i + 1, addDays('2027-03-03', 28 * i)));
const TEMPLATES = {
  analysisTemplates: [
    { id: 't1', name: 'STL-analys', latestVersion: { id: 'tv1', version: 3 } },
    { id: 't2', name: 'Kort analys', latestVersion: { id: 'tv2', version: 1 } },
  ],
};

async function setup() {
  const step = await renderStep(RoundsStep, cohort({ meetings: MEETINGS }));
  step.api.expect('SetupTemplates').answer(TEMPLATES);
  await settle(step.fixture);
  return step;
}

describe('RoundsStep', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('derives six rounds from eight meetings, shows them first, then saves the plan in one call', async () => {
    const { api, fixture } = await setup();
    const template = screen.getByLabelText('Analysis template for new rounds') as HTMLSelectElement;
    expect(template.value).toBe('tv1');
    fireEvent.change(template, { target: { value: 'tv2' } });

    fireEvent.click(screen.getByRole('button', { name: 'Suggest dates from the meetings' }));
    await settle(fixture);
    const preview = screen.getByTestId('derived-table');
    expect(within(preview).getAllByRole('row')).toHaveLength(7);
    fireEvent.click(screen.getByRole('button', { name: 'Save the 6 rounds' }));

    const plan = api.expect('SetupPlanRounds');
    const rounds = plan.variables['rounds'] as { number: number; title: string; templateVersionId: string }[];
    expect(plan.variables['cohortId']).toBe('c1');
    expect(rounds.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rounds[0]).toMatchObject({
      title: 'Analysis 1',
      templateVersionId: 'tv2',
      opensAt: MEETINGS[0].endsAt,
      meetingId: 'm3',
    });
    plan.answer({ planRounds: cohort({ meetings: MEETINGS }) });
    await settle(fixture);
    api.expect('SetupCohort').answer({ cohort: cohort({ meetings: MEETINGS }) });
    await settle(fixture);

    expect(screen.getByRole('status').textContent).toContain('6 rounds are saved.');
    expect(screen.queryByTestId('derived-table')).toBeNull();
  });

  it('lists every round the API refused, and keeps the proposal to correct', async () => {
    const { api, fixture } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Suggest dates from the meetings' }));
    await settle(fixture);
    fireEvent.click(screen.getByRole('button', { name: 'Save the 6 rounds' }));
    api.expect('SetupPlanRounds').refuse('SCHEDULE_INVALID', [
      { field: 'rounds.2.opensAt', code: 'ROUND_OUTSIDE_PERIOD' },
      { field: 'rounds.4.feedbackDeadline', code: 'ROUND_OUTSIDE_PERIOD' },
    ]);
    await settle(fixture);
    api.expect('SetupCohort').answer({ cohort: cohort({ meetings: MEETINGS }) });
    await settle(fixture);

    const refused = screen.getByTestId('plan-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    const items = within(refused)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.trim());
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Round 3:/);
    expect(items[1]).toMatch(/^Round 5:/);
    expect(screen.getByTestId('derived-table')).toBeTruthy();
  });

  it('adds a round by hand only once its dates are filled in', async () => {
    const { api, fixture } = await setup();
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Extra' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the round' }));
    await settle(fixture);
    expect(screen.getByRole('alert').textContent).toContain('Fix the following before you go on');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(document.getElementById('round-opens-date')?.getAttribute('aria-invalid')).toBe('true');
    api.verify();
  });
});
