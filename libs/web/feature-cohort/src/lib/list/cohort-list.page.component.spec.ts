import { jest } from '@jest/globals';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { SessionStore } from '@stl/web/data-access';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { CohortListPage } from './cohort-list.page';

/** Maria Berg: a certified course leader of Lärkby. */
const session = {
  viewer: signal({ organisation: { id: 'o1', name: 'Lärkby kommun' } }),
  hasRole: (role: string) => role === 'COURSE_LEADER',
};
const MINE = {
  id: 'c1',
  name: 'STL Lärkby 2026/27',
  status: 'OPEN',
  schoolYear: '2026/27',
  startsOn: '2026-08-17',
  endsOn: '2027-06-11',
  createdAt: '2026-05-01T08:00:00Z',
  viewerRole: 'LEADER',
  viewerCanManage: true,
};

async function setup() {
  await render(CohortListPage, {
    providers: [
      provideGraphqlTesting(),
      provideI18nTesting(),
      provideRouter([]),
      { provide: SessionStore, useValue: session },
    ],
  });
  const api = TestBed.inject(GraphqlTesting);
  api.expect('SetupCohortList').answer({ cohorts: { nodes: [MINE] } });
  api.expect('SetupViewerCertifications').answer({
    me: { person: { id: 'p2', certifications: [{ status: 'VALID', validUntil: '2029-06-30' }] } },
  });
  await settle();
  return api;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

describe('CohortListPage: copying last year’s cohort (issue 19)', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('copies a cohort the leader runs to the same weekday a year later and opens its set-up', async () => {
    const api = await setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const item = screen.getByTestId('cohort-item');
    fireEvent.click(
      within(item).getByRole('button', { name: 'Copy STL Lärkby 2026/27 to a new school year' }),
    );
    await settle();
    const name = within(item).getByLabelText('Name of the new cohort') as HTMLInputElement;
    expect(document.activeElement).toBe(name);
    expect((within(item).getByLabelText('First day') as HTMLInputElement).value).toBe('2027-08-16');

    // A taken name is said at the field, and nothing moves.
    name.value = 'STL Lärkby 2026/27';
    fireEvent.click(within(item).getByRole('button', { name: 'Copy and plan' }));
    const taken = api.expect('SetupCopyCohort');
    expect(taken.variables).toEqual({
      input: { sourceId: 'c1', name: 'STL Lärkby 2026/27', startsOn: '2027-08-16' },
    });
    taken.refuse('CONFLICT', [{ field: 'name', code: 'COHORT_NAME_TAKEN' }]);
    await settle();
    expect(within(item).getByRole('alert').textContent?.trim()).toBe(
      'There is already a cohort with this name this school year. Choose another name.',
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');

    name.value = 'STL Lärkby 2027/28';
    fireEvent.click(within(item).getByRole('button', { name: 'Copy and plan' }));
    api.expect('SetupCopyCohort').answer({ copyCohort: { id: 'c9' } });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/cohorts', 'c9', 'setup']);
  });
});
