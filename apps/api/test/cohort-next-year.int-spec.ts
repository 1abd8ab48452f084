import { deriveRounds, shiftStockholmDays, wallClock } from '@stl/shared/domain';
import { ADMIN, JOHAN, MARIA, ORG, SARA, SEEDED, rowCounts } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { waitFor } from './support/mail-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const CREATE = `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id name schoolYear } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCohortInput!) { updateCohort(id: $id, input: $input) { id name } }`;
const COPY = `mutation($input: CopyCohortInput!) {
  copyCohort(input: $input) {
    id name status schoolYear startsOn endsOn peersPerAnalysis requiredAttendanceShare feedbackMinLength sameSchoolSupport
    leaders { fullName }
    participants { totalCount }
    meetings { id number title startsAt endsAt mode location videoUrl }
    rounds { number title opensAt submissionDeadline feedbackDeadline meeting { id number } templateVersion { id } }
  }
}`;
const SOURCE = `query($id: ID!) {
  cohort(id: $id) {
    meetings { number title startsAt endsAt mode location videoUrl }
    rounds { number title opensAt submissionDeadline feedbackDeadline meeting { number } templateVersion { id } }
  }
}`;
const DELETE = `mutation($id: ID!) { deleteCohort(id: $id) }`;
const READ = `query($id: ID!) { cohort(id: $id) { id } }`;

const draft = (name: string, schoolYear = '2027/28') => ({
  organisationId: ORG,
  name,
  schoolYear,
  startsOn: schoolYear === '2027/28' ? '2027-08-16' : '2026-08-17',
  endsOn: schoolYear === '2027/28' ? '2028-06-09' : '2027-06-11',
});

/** Every table a cohort's rows live in, plus the outbox: a refusal must leave all of them as they were. */
async function digest(api: TestApi) {
  const [outbox] = await api.db.query('SELECT count(*)::int AS n FROM outbox_message');
  const [reminders] = await api.db.query('SELECT count(*)::int AS n FROM cohort_reminder_settings');
  const names = await api.db.query('SELECT id, name, school_year FROM cohort ORDER BY id');
  return { ...(await rowCounts(api.db)), outbox: outbox.n, reminders: reminders.n, names };
}

describe('setting up next year (issue 19)', () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let johan: GqlClient;
  let sara: GqlClient;

  beforeAll(async () => {
    api = await startTestApi();
    [admin, maria, johan, sara] = await Promise.all([
      api.signedIn(ADMIN),
      api.signedIn(MARIA),
      api.signedIn(JOHAN),
      api.signedIn(SARA),
    ]);
  });
  afterAll(() => api.close());

  describe('a cohort name is unique in its organisation and school year, ignoring case', () => {
    it('refuses a second cohort of the same name with COHORT_NAME_TAKEN and writes nothing', async () => {
      await admin.ok(CREATE, { input: draft('STL Lärkby höst') });
      const before = await digest(api);
      for (const name of ['STL Lärkby höst', 'stl lärkby HÖST', '  STL Lärkby höst  ']) {
        const res = await admin.request(CREATE, { input: draft(name) });
        expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
        expect(res.errors?.[0].extensions?.problems).toEqual([
          expect.objectContaining({ field: 'name', code: 'COHORT_NAME_TAKEN' }),
        ]);
      }
      // The demo cohort's name, in its own year.
      const demo = await maria.request(CREATE, { input: draft('STL LÄRKBY 2026/27', '2026/27') });
      expect(demo.errors?.[0].extensions?.problems?.[0].code).toBe('COHORT_NAME_TAKEN');
      expect(await digest(api)).toEqual(before);
    });

    it('allows the same name in another school year', async () => {
      const { createCohort } = await admin.ok(CREATE, { input: draft('STL Lärkby 2026/27') });
      expect(createCohort).toMatchObject({ name: 'STL Lärkby 2026/27', schoolYear: '2027/28' });
      await admin.ok(DELETE, { id: createCohort.id });
    });

    it('refuses renaming a cohort to a name taken, but keeps its own name and a change of case', async () => {
      const { createCohort } = await admin.ok(CREATE, { input: draft('STL Lärkby vår') });
      const before = await digest(api);
      const res = await admin.request(UPDATE, { id: createCohort.id, input: { name: 'stl lärkby höst' } });
      expect(res.errors?.[0].extensions?.problems?.[0]).toMatchObject({
        field: 'name',
        code: 'COHORT_NAME_TAKEN',
      });
      expect(await digest(api)).toEqual(before);
      await admin.ok(UPDATE, { id: createCohort.id, input: { name: 'STL LÄRKBY VÅR' } });
      await admin.ok(UPDATE, { id: createCohort.id, input: { feedbackMinLength: 60 } });
    });

    it('lets only one of two simultaneous creations of a name through', async () => {
      const results = await Promise.all([
        admin.request(CREATE, { input: draft('STL Lärkby samtidigt') }),
        admin.request(CREATE, { input: draft('stl lärkby samtidigt') }),
      ]);
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.find((r) => r.errors)?.errors?.[0].extensions?.problems?.[0].code).toBe(
        'COHORT_NAME_TAKEN',
      );
    });

    it('is held by the database: a creation that passed the check while another was uncommitted gets COHORT_NAME_TAKEN', async () => {
      // Another transaction has inserted the name and not committed: the API's check cannot see it,
      // so only the unique index stands between the two; the API waits for it, then refuses.
      const other = api.db.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query(
          `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on)
           VALUES ($1, 'STL Lärkby index', '2027/28', '2027-08-16', '2028-06-09')`,
          [ORG],
        );
        const pending = admin.request(CREATE, { input: draft('  stl lärkby INDEX ') });
        // The API's insert is waiting on the index for the other transaction: now let that commit.
        await waitFor(async () => {
          const [{ n }] = await api.db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE 'INSERT INTO "cohort"%'`,
          );
          return n > 0;
        }, "the API's insert to wait on the name index");
        await other.commitTransaction();
        const res = await pending;
        expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
        expect(res.errors?.[0].extensions?.problems).toEqual([
          expect.objectContaining({ field: 'name', code: 'COHORT_NAME_TAKEN' }),
        ]);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
    });

    it('refuses a copy under a name taken in its school year', async () => {
      const before = await digest(api);
      const res = await admin.request(COPY, {
        input: { sourceId: SEEDED, name: 'STL LÄRKBY HÖST ', startsOn: '2027-08-16' },
      });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.problems?.[0]).toMatchObject({
        field: 'name',
        code: 'COHORT_NAME_TAKEN',
      });
      expect(await digest(api)).toEqual(before);
    });
  });

  describe('deleting a draft cohort', () => {
    it('deletes a PLANNING cohort with its leaders, meetings and rounds in one go', async () => {
      const before = await digest(api);
      const { copyCohort } = await admin.ok(COPY, {
        input: { sourceId: SEEDED, name: 'Utkast att ta bort', startsOn: '2027-08-16' },
      });
      const copied = await rowCounts(api.db);
      for (const table of ['cohort', 'cohort_membership', 'meeting', 'analysis_round'])
        expect(copied[table]).toBeGreaterThan((before as Record<string, unknown>)[table] as number);
      expect(await maria.ok(DELETE, { id: copyCohort.id })).toEqual({ deleteCohort: copyCohort.id });
      expect(await digest(api)).toEqual(before);
      expect(await admin.code(READ, { id: copyCohort.id })).toBe('NOT_FOUND');
    });

    it('refuses an open cohort with CONFLICT and deletes nothing', async () => {
      const before = await digest(api);
      const res = await admin.request(DELETE, { id: SEEDED });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/archive/i);
      expect(await digest(api)).toEqual(before);
    });

    it('refuses participants and outsiders', async () => {
      const { createCohort } = await admin.ok(CREATE, { input: draft('Ingen får ta bort') });
      const before = await digest(api);
      expect(await sara.code(DELETE, { id: createCohort.id })).toBe('NOT_FOUND');
      expect(await sara.code(DELETE, { id: SEEDED })).toBe('FORBIDDEN');
      expect(await johan.code(DELETE, { id: createCohort.id })).toBe('NOT_FOUND');
      expect(await digest(api)).toEqual(before);
    });
  });

  describe('copying last year’s cohort', () => {
    it('copies leaders, settings, meetings on the same weekday and clock time, derives the rounds again; no participants', async () => {
      const source = (await admin.ok(SOURCE, { id: SEEDED })).cohort;
      const { copyCohort } = await admin.ok(COPY, {
        input: { sourceId: SEEDED, name: 'STL Lärkby 2027/28', startsOn: '2027-08-16' },
      });
      expect(copyCohort).toMatchObject({
        name: 'STL Lärkby 2027/28',
        status: 'PLANNING',
        schoolYear: '2027/28',
        startsOn: '2027-08-16',
        endsOn: '2028-06-09', // 2027-06-11 + 52 weeks
        peersPerAnalysis: 2,
        requiredAttendanceShare: 0.75,
        feedbackMinLength: 50,
        sameSchoolSupport: false,
        participants: { totalCount: 0 },
      });
      expect(copyCohort.leaders.map((l: { fullName: string }) => l.fullName).sort()).toEqual([
        'Johan Ek',
        'Maria Berg',
      ]);
      expect(copyCohort.meetings).toHaveLength(source.meetings.length);
      copyCohort.meetings.forEach((mt: Record<string, string>, i: number) => {
        const was = source.meetings[i];
        expect(mt).toMatchObject({
          number: was.number,
          title: was.title,
          mode: was.mode,
          location: was.location,
        });
        const [a, b] = [wallClock(new Date(was.startsAt)), wallClock(new Date(mt.startsAt))];
        expect(b).toMatchObject({ weekday: a.weekday, hour: a.hour, minute: a.minute });
        expect(new Date(mt.startsAt).toISOString()).toBe(
          shiftStockholmDays(new Date(was.startsAt), 364).toISOString(),
        );
      });
      // Rounds derived again from the copied meetings by the set-up rule, titles and templates kept.
      const derived = deriveRounds(copyCohort.meetings, source.rounds.length);
      expect(derived).toHaveLength(source.rounds.length);
      expect(copyCohort.rounds).toHaveLength(source.rounds.length);
      copyCohort.rounds.forEach((r: any, i: number) => {
        const was = source.rounds[i];
        expect(r).toMatchObject({
          number: was.number,
          title: was.title,
          templateVersion: was.templateVersion,
        });
        expect(r.meeting.id).toBe(derived[i].meetingId);
        for (const f of ['opensAt', 'submissionDeadline', 'feedbackDeadline'] as const)
          expect(new Date(r[f]).toISOString()).toBe(derived[i][f]);
      });
    });

    it('lets a course leader copy their cohort, leading the copy alone', async () => {
      const { copyCohort } = await maria.ok(COPY, {
        input: { sourceId: SEEDED, name: 'Marias nästa år', startsOn: '2027-08-18' },
      });
      expect(copyCohort.leaders).toEqual([{ fullName: 'Maria Berg' }]);
      expect(copyCohort.startsOn).toBe('2027-08-18');
    });

    it('refuses a taken name, dates outside a school year and people who do not run the source, writing nothing', async () => {
      const before = await digest(api);
      const taken = await admin.request(COPY, {
        input: { sourceId: SEEDED, name: 'stl lärkby 2027/28', startsOn: '2027-08-16' },
      });
      expect(taken.errors?.[0].extensions?.problems?.[0]).toMatchObject({
        field: 'name',
        code: 'COHORT_NAME_TAKEN',
      });
      // Starting in May moves the end past 30 June.
      const late = await admin.request(COPY, {
        input: { sourceId: SEEDED, name: 'För sent', startsOn: '2027-05-03' },
      });
      expect(late.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(late.errors?.[0].extensions?.problems?.[0]).toMatchObject({ code: 'OUTSIDE_SCHOOL_YEAR' });
      expect(
        await sara.code(COPY, { input: { sourceId: SEEDED, name: 'Saras', startsOn: '2027-08-16' } }),
      ).toBe('FORBIDDEN');
      expect(await digest(api)).toEqual(before);
    });
  });
});
