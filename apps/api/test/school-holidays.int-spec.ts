import { ADMIN, MARIA, ORG, addOrganisation } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const GET = `query($org: ID!, $year: String!) {
  schoolHolidays(organisationId: $org, schoolYear: $year) { schoolYear isDefault holidays { name startsOn endsOn } }
}`;
const SET = `mutation($input: SetSchoolHolidaysInput!) {
  setSchoolHolidays(input: $input) { isDefault holidays { name startsOn endsOn } }
}`;

const OWN = [
  { name: 'Sportlov', startsOn: '2027-02-22', endsOn: '2027-02-28' },
  { name: ' Jullov ', startsOn: '2026-12-19', endsOn: '2027-01-06' },
  { name: 'Höstlov', startsOn: '2026-10-26', endsOn: '2026-11-01' },
];

/** Issue 19: an organisation's own school holidays (lovdagar), defaulting to the built-in list. */
describe("an organisation's school holidays", () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  const rows = async () =>
    (await api.db.query(`SELECT count(*)::int AS n FROM school_holiday`))[0].n as number;

  beforeAll(async () => {
    api = await startTestApi();
    [admin, maria] = await Promise.all([api.signedIn(ADMIN), api.signedIn(MARIA)]);
  });
  afterAll(() => api.close());

  it('are the built-in defaults until the organisation sets its own', async () => {
    const { schoolHolidays } = await maria.ok(GET, { org: ORG, year: '2026/27' });
    expect(schoolHolidays.isDefault).toBe(true);
    expect(schoolHolidays.holidays.map((h: { name: string }) => h.name)).toEqual([
      'Höstlov',
      'Jullov',
      'Sportlov',
      'Påsklov',
    ]);
    expect(schoolHolidays.holidays[1]).toEqual({
      name: 'Jullov',
      startsOn: '2026-12-21',
      endsOn: '2027-01-07',
    });
  });

  it('are set by an administrator for one school year, replacing the list, and read back in date order', async () => {
    const { setSchoolHolidays } = await admin.ok(SET, {
      input: { organisationId: ORG, schoolYear: '2026/27', holidays: OWN },
    });
    expect(setSchoolHolidays.isDefault).toBe(false);
    expect(setSchoolHolidays.holidays.map((h: { name: string }) => h.name)).toEqual([
      'Höstlov',
      'Jullov',
      'Sportlov',
    ]);
    expect((await maria.ok(GET, { org: ORG, year: '2026/27' })).schoolHolidays.holidays[1]).toEqual({
      name: 'Jullov',
      startsOn: '2026-12-19',
      endsOn: '2027-01-06',
    });
    // Another year keeps its defaults.
    expect((await maria.ok(GET, { org: ORG, year: '2027/28' })).schoolHolidays.isDefault).toBe(true);
    await admin.ok(SET, { input: { organisationId: ORG, schoolYear: '2026/27', holidays: OWN.slice(0, 2) } });
    expect(await rows()).toBe(2);
  });

  it('refuses bad lists with a typed problem per row, and saves nothing', async () => {
    const before = await rows();
    const refuse = async (holidays: unknown[], schoolYear = '2026/27') =>
      (await admin.request(SET, { input: { organisationId: ORG, schoolYear, holidays } })).errors?.[0]
        .extensions;
    const backwards = await refuse([{ name: 'Jullov', startsOn: '2027-01-06', endsOn: '2026-12-19' }]);
    expect(backwards?.code).toBe('BAD_USER_INPUT');
    expect(backwards?.problems).toEqual([
      expect.objectContaining({ field: 'holidays.0.endsOn', code: 'ENDS_BEFORE_START' }),
    ]);
    const overlapping = await refuse([
      { name: 'Jullov', startsOn: '2026-12-19', endsOn: '2027-01-06' },
      { name: 'Nyår', startsOn: '2027-01-01', endsOn: '2027-01-02' },
    ]);
    expect(overlapping?.problems).toEqual([
      expect.objectContaining({ field: 'holidays.1.startsOn', code: 'HOLIDAYS_OVERLAP' }),
    ]);
    const many = Array.from({ length: 13 }, (_, i) => ({
      name: `Studiedag ${i + 1}`,
      startsOn: `2026-09-${String(i + 1).padStart(2, '0')}`,
      endsOn: `2026-09-${String(i + 1).padStart(2, '0')}`,
    }));
    expect((await refuse(many))?.problems).toEqual([
      expect.objectContaining({ field: 'holidays', code: 'TOO_MANY_HOLIDAYS' }),
    ]);
    expect(
      (await refuse([{ name: 'Lov', startsOn: '2026-13-01', endsOn: '2026-13-02' }]))?.problems?.[0],
    ).toMatchObject({
      code: 'INVALID_DATE',
    });
    expect((await refuse([], '2026'))?.problems?.[0]).toMatchObject({ field: 'schoolYear', code: 'INVALID' });
    expect(await rows()).toBe(before);
  });

  it('go back to the defaults with an empty list; only administrators of the organisation set them', async () => {
    expect(
      await maria.code(SET, { input: { organisationId: ORG, schoolYear: '2026/27', holidays: [] } }),
    ).toBe('FORBIDDEN');
    const other = await addOrganisation(api.db, 'Annan kommun', 'annan-holidays');
    expect(
      await admin.code(SET, { input: { organisationId: other.id, schoolYear: '2026/27', holidays: [] } }),
    ).toBe('NOT_FOUND');
    const { setSchoolHolidays } = await admin.ok(SET, {
      input: { organisationId: ORG, schoolYear: '2026/27', holidays: [] },
    });
    expect(setSchoolHolidays.isDefault).toBe(true);
    expect(await rows()).toBe(0);
  });
});
