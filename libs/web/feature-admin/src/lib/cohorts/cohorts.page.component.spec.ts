import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { SessionStore } from '@stl/web/data-access';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { AdminCohortsPage } from './cohorts.page';

const cohort = (id: string, name: string, status: string, startsOn: string, endsOn: string) => ({
  id,
  name,
  status,
  schoolYear: startsOn < '2027-07-01' ? '2026/27' : '2027/28',
  startsOn,
  endsOn,
  leaders: [{ id: 'p2', fullName: 'Maria Berg' }],
  participants: { totalCount: status === 'OPEN' ? 24 : 0 },
});
const RUNNING = cohort('c1', 'STL Lärkby 2026/27', 'OPEN', '2026-08-17', '2027-06-11');
const DRAFT = cohort('c2', 'Utkast', 'PLANNING', '2027-08-16', '2028-06-09');
const page = (nodes: unknown[]) => ({
  cohorts: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes },
});

const session = { viewer: signal({ organisation: { id: 'o1', name: 'Lärkby kommun' } }) };

async function setup(list: unknown[] = [RUNNING, DRAFT]) {
  await render(AdminCohortsPage, {
    providers: [provideGraphqlTesting(), provideI18nTesting(), { provide: SessionStore, useValue: session }],
  });
  const api = TestBed.inject(GraphqlTesting);
  api.expect('AdminCertifications').answer({
    people: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
  });
  api.expect('AdminCohorts').answer(page(list));
  await settle();
  return api;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('AdminCohortsPage: setting up next year (issue 19)', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('copies a cohort, suggesting the same weekday a year later, and shows a taken name at the field', async () => {
    const api = await setup();
    fireEvent.change(field('Cohort to copy'), { target: { value: 'c1' } });
    await settle();
    expect(field('First day of the new cohort').value).toBe('2027-08-16');
    fireEvent.input(field('Name of the new cohort'), { target: { value: 'utkast' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));

    const taken = api.expect('AdminCopyCohort');
    expect(taken.variables).toEqual({ input: { sourceId: 'c1', name: 'utkast', startsOn: '2027-08-16' } });
    taken.refuse('CONFLICT', [{ field: 'name', code: 'COHORT_NAME_TAKEN' }]);
    await settle();
    expect(document.getElementById('copy-name-error')?.textContent).toBe(
      'There is already a cohort with this name in that school year. Choose another name.',
    );

    fireEvent.input(field('Name of the new cohort'), { target: { value: 'STL Lärkby 2027/28' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    const copy = cohort('c3', 'STL Lärkby 2027/28', 'PLANNING', '2027-08-16', '2028-06-09');
    api.expect('AdminCopyCohort').answer({ copyCohort: copy });
    await settle();
    api.expect('AdminCohorts').answer(page([RUNNING, DRAFT, copy]));
    await settle();
    expect(screen.getByTestId('cohort-created').textContent).toContain('STL Lärkby 2027/28');
  });

  it('deletes only a draft, after asking', async () => {
    const api = await setup();
    const rows = screen.getAllByTestId('cohort-row');
    expect(within(rows[0]).queryByRole('button', { name: /^Delete/ })).toBeNull();
    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Delete Utkast' }));
    await settle();
    fireEvent.click(
      screen.getByRole('button', { name: 'Yes, delete Utkast with its meetings and analysis rounds' }),
    );
    const del = api.expect('AdminDeleteCohort');
    expect(del.variables).toEqual({ id: 'c2' });
    del.answer({ deleteCohort: 'c2' });
    await settle();
    api.expect('AdminCohorts').answer(page([RUNNING]));
    await settle();
    expect(screen.getByTestId('cohort-deleted').textContent).toContain('Utkast is deleted.');
    expect(screen.getAllByTestId('cohort-row')).toHaveLength(1);
  });
});
