import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { SessionStore } from '@stl/web/data-access';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { AdminSchoolsPage } from './schools.page';

const EKBACKEN = { id: 's1', name: 'Ekbackeskolan', unitCode: '12345678', peopleCount: 31 };
const schools = (nodes: (typeof EKBACKEN)[]) => ({
  schools: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes },
});

/** The administrator of Lärkby kommun. */
const session = { viewer: signal({ organisation: { id: 'o1', name: 'Lärkby kommun' } }) };

async function setup() {
  const view = await render(AdminSchoolsPage, {
    providers: [provideGraphqlTesting(), provideI18nTesting(), { provide: SessionStore, useValue: session }],
  });
  return { api: TestBed.inject(GraphqlTesting), ...view };
}

/** Lets answered requests run on and the page render; not whenStable(), as a reload may be pending. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('AdminSchoolsPage', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('lists the schools, and explains what to fix beside each field before sending anything', async () => {
    const { api } = await setup();
    const list = api.expect('AdminSchools');
    expect(list.variables).toEqual({ organisationId: 'o1', after: null });
    list.answer(schools([EKBACKEN]));
    await settle();
    expect(screen.getByRole('rowheader', { name: 'Ekbackeskolan' })).toBeTruthy();

    fireEvent.input(field('School unit code (optional)'), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the school' }));
    await settle();

    expect(field('School name').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('school-name-error')?.textContent).toBe("Enter the school's name.");
    expect(document.getElementById('school-unit-code-error')?.textContent).toBe(
      'The school unit code must be exactly 8 digits.',
    );
    expect(field('School unit code (optional)').getAttribute('aria-describedby')).toBe(
      'school-unit-code-hint school-unit-code-error',
    );
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  it('places the API’s refusal beside the name and keeps what was typed; a new school reloads the list', async () => {
    const { api } = await setup();
    api.expect('AdminSchools').answer(schools([EKBACKEN]));
    await settle();

    fireEvent.input(field('School name'), { target: { value: 'ekbackeskolan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the school' }));
    const taken = api.expect('AdminCreateSchool');
    expect(taken.variables).toEqual({
      input: { organisationId: 'o1', name: 'ekbackeskolan', unitCode: null },
    });
    taken.refuse('CONFLICT', [{ field: 'name', code: 'NAME_TAKEN' }]);
    await settle();
    expect(document.getElementById('school-name-error')?.textContent).toBe(
      'There is already a school with this name.',
    );
    expect(field('School name').value).toBe('ekbackeskolan');

    fireEvent.input(field('School name'), { target: { value: 'Tallåsens skola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the school' }));
    const tallasen = { id: 's2', name: 'Tallåsens skola', unitCode: null, peopleCount: 0 };
    api.expect('AdminCreateSchool').answer({ createSchool: tallasen });
    await settle();
    api.expect('AdminSchools').answer(schools([EKBACKEN, tallasen] as (typeof EKBACKEN)[]));
    await settle();

    expect(screen.getByTestId('saved').textContent?.trim()).toBe('Tallåsens skola has been added.');
    expect(within(screen.getByRole('table')).getAllByTestId('school-row')).toHaveLength(2);
    expect(field('School name').value).toBe('');
    expect(field('School name').getAttribute('aria-invalid')).toBeNull();
  });
});
