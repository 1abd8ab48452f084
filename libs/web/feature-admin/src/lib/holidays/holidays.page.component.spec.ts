import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { SessionStore } from '@stl/web/data-access';
import { GraphqlTesting, provideGraphqlTesting } from '@stl/web/data-access/testing';
import { provideI18nTesting } from '@stl/web/util-i18n/testing';
import { AdminHolidaysPage } from './holidays.page';
import { schoolYearChoices } from './holiday-rows';

const ORG = 'o1';
const [YEAR, NEXT_YEAR] = schoolYearChoices(new Date());
const Y = Number(YEAR.slice(0, 4));
const DEFAULTS = [
  { name: 'Höstlov', startsOn: `${Y}-10-26`, endsOn: `${Y}-11-01` },
  { name: 'Jullov', startsOn: `${Y}-12-21`, endsOn: `${Y + 1}-01-07` },
  { name: 'Sportlov', startsOn: `${Y + 1}-03-01`, endsOn: `${Y + 1}-03-07` },
  { name: 'Påsklov', startsOn: `${Y + 1}-04-05`, endsOn: `${Y + 1}-04-11` },
];
const STUDY_DAYS = { name: 'Studiedagar', startsOn: `${Y}-11-09`, endsOn: `${Y}-11-10` };
const holidays = (list: unknown[], isDefault: boolean, schoolYear = YEAR) => ({
  organisationId: ORG,
  schoolYear,
  isDefault,
  holidays: list,
});

const session = { viewer: signal({ organisation: { id: ORG, name: 'Lärkby kommun' } }) };

async function setup(first = holidays(DEFAULTS, true)) {
  await render(AdminHolidaysPage, {
    providers: [provideGraphqlTesting(), provideI18nTesting(), { provide: SessionStore, useValue: session }],
  });
  const api = TestBed.inject(GraphqlTesting);
  const load = api.expect('SchoolHolidays');
  expect(load.variables).toEqual({ organisationId: ORG, schoolYear: YEAR });
  load.answer({ schoolHolidays: first });
  await settle();
  return api;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

const row = (n: number) => within(screen.getByRole('group', { name: `Holiday ${n}` }));
const input = (n: number, label: string) => row(n).getByLabelText(label) as HTMLInputElement;
const type = (n: number, label: string, value: string) =>
  fireEvent.input(input(n, label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: `Save the holidays for ${YEAR}` }));

describe('AdminHolidaysPage: the organisation’s school holidays (issue 19)', () => {
  afterEach(() => TestBed.inject(GraphqlTesting).verify());

  it('shows the built-in list, and saves it with a study week added as one list', async () => {
    const api = await setup();
    expect(screen.getByTestId('holidays-source').textContent).toContain(
      `The school year ${YEAR} follows the built-in list.`,
    );
    expect(screen.getAllByTestId('holiday-row')).toHaveLength(4);
    expect(input(2, 'Name').value).toBe('Jullov');
    expect(input(2, 'First day off').value).toBe(`${Y}-12-21`);
    expect(screen.queryByRole('button', { name: 'Reset to the built-in list' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add a holiday' }));
    await settle();
    expect(document.activeElement).toBe(input(5, 'Name'));
    type(5, 'Name', ' Studiedagar ');
    type(5, 'First day off', STUDY_DAYS.startsOn);
    type(5, 'Last day off', STUDY_DAYS.endsOn);
    save();

    const set = api.expect('SetSchoolHolidays');
    expect(set.variables).toEqual({
      input: { organisationId: ORG, schoolYear: YEAR, holidays: [...DEFAULTS, STUDY_DAYS] },
    });
    const own = [DEFAULTS[0], STUDY_DAYS, ...DEFAULTS.slice(1)];
    set.answer({ setSchoolHolidays: holidays(own, false) });
    await settle();
    expect(screen.getByTestId('saved').textContent).toContain(
      `The holidays of the school year ${YEAR} are saved.`,
    );
    expect(screen.getByTestId('holidays-source').textContent).toContain('its own list');
    // Drawn again from what was saved, in date order.
    expect(input(2, 'Name').value).toBe('Studiedagar');
    expect(screen.getByRole('button', { name: 'Reset to the built-in list' })).toBeTruthy();
  });

  it('marks the row the API refuses beside its field, and keeps what was typed', async () => {
    const api = await setup();
    type(3, 'Name', 'Sportlov v. 9');
    save();
    api
      .expect('SetSchoolHolidays')
      .refuse('BAD_USER_INPUT', [{ field: 'holidays.2.startsOn', code: 'HOLIDAYS_OVERLAP' }]);
    await settle();
    const start = input(3, 'First day off');
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(start.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Holiday 3 overlaps another holiday in the list. Change the dates or merge them.',
    );
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole('link').getAttribute('href')).toBe(`#${start.id}`);
    expect(input(3, 'Name').value).toBe('Sportlov v. 9');
    expect(screen.queryByTestId('saved')).toBeNull();
  });

  it('checks each row as the API does before sending anything', async () => {
    await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add a holiday' }));
    await settle();
    type(5, 'First day off', `${Y}-11-20`);
    type(5, 'Last day off', `${Y}-11-18`);
    type(1, 'Name', '');
    save();
    await settle();
    expect(input(5, 'Last day off').getAttribute('aria-invalid')).toBe('true');
    expect(input(1, 'Name').getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Give holiday 1 a name.');
    expect(summary.textContent).toContain('Give holiday 5 a name.');
    expect(summary.textContent).toContain('Holiday 5 ends before its first day.');

    // Removing a row clears what was said about the rows by their numbers.
    fireEvent.click(screen.getByRole('button', { name: 'Remove holiday 5' }));
    await settle();
    expect(screen.getAllByTestId('holiday-row')).toHaveLength(4);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back to the built-in list after asking, by saving an empty list', async () => {
    const api = await setup(holidays([STUDY_DAYS], false));
    expect(screen.getByTestId('holidays-source').textContent).toContain('its own list');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the built-in list' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset to the built-in list' }));
    const set = api.expect('SetSchoolHolidays');
    expect(set.variables).toEqual({ input: { organisationId: ORG, schoolYear: YEAR, holidays: [] } });
    set.answer({ setSchoolHolidays: holidays(DEFAULTS, true) });
    await settle();
    expect(screen.getByTestId('saved').textContent).toContain(
      `The school year ${YEAR} follows the built-in list again.`,
    );
    expect(screen.getAllByTestId('holiday-row')).toHaveLength(4);
  });

  it('loads another school year when it is chosen', async () => {
    const api = await setup();
    fireEvent.change(screen.getByLabelText('School year'), { target: { value: NEXT_YEAR } });
    await settle();
    const load = api.expect('SchoolHolidays');
    expect(load.variables).toEqual({ organisationId: ORG, schoolYear: NEXT_YEAR });
    load.answer({ schoolHolidays: holidays([], false, NEXT_YEAR) });
    await settle();
    expect(screen.getByTestId('holidays-empty')).toBeTruthy();
    expect(screen.getByRole('heading', { name: `Holidays of the school year ${NEXT_YEAR}` })).toBeTruthy();
  });
});
