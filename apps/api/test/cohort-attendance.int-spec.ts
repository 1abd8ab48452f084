import { DEMO_IDS } from '@stl/api/data-access-db';
import { ADMIN, MARIA, SARA, SEEDED, TEACHER, rowCounts } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const RECORD = `mutation($meetingId: ID!, $entries: [AttendanceEntryInput!]!) {
  recordAttendance(meetingId: $meetingId, entries: $entries) { id attendance { personId status } }
}`;
const MY_PROGRESS = `query($c: ID!) { myProgress(cohortId: $c) { meetingsAttended meetingsHeld } }`;

/** Meeting 1 of the seeded cohort was on 2026-09-02: held, whatever day the test runs. */
const HELD = DEMO_IDS.meeting(1);
/** Meeting 8 of the seeded cohort, moved relative to the clock by each test. */
const MOVED = DEMO_IDS.meeting(8);

describe('attendance is recorded for meetings that have started, never for one still ahead', () => {
  let api: TestApi;
  let maria: GqlClient;
  let admin: GqlClient;
  let sara: GqlClient;

  /** Moves meeting 8 behind the API, relative to the database clock (the cohort's dates would bind the API). */
  const startMeeting8In = (interval: string) =>
    api.db.query(
      `UPDATE meeting SET starts_at = now() + $2::interval, ends_at = now() + $2::interval + interval '3 hours'
        WHERE id = $1 RETURNING starts_at`,
      [MOVED, interval],
    ) as Promise<[{ starts_at: Date }[], number]>;

  beforeAll(async () => {
    api = await startTestApi();
    [maria, admin, sara] = await Promise.all([api.signedIn(MARIA), api.signedIn(ADMIN), api.signedIn(SARA)]);
  });
  afterAll(() => api.close());

  it('refuses a meeting that starts later with MEETING_NOT_STARTED, for leaders and administrators, and writes nothing', async () => {
    const [[{ starts_at: startsAt }]] = await startMeeting8In('7 days');
    const before = await rowCounts(api.db);
    for (const client of [maria, admin]) {
      const refused = await client.request(RECORD, {
        meetingId: MOVED,
        entries: [
          { personId: TEACHER(0), status: 'PRESENT' },
          { personId: TEACHER(6), status: 'ABSENT' },
        ],
      });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringContaining('has not started yet'),
        extensions: { code: 'MEETING_NOT_STARTED', details: { startsAt: startsAt.toISOString() } },
      });
    }
    expect(await rowCounts(api.db)).toEqual(before);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM attendance WHERE meeting_id = $1`, [
      MOVED,
    ]);
    expect(n).toBe(0);
    // So completion has nothing to count for it.
    expect((await sara.ok(MY_PROGRESS, { c: SEEDED })).myProgress.meetingsAttended).toBe(0);
  });

  it('records a meeting held, corrects it, and records one under way', async () => {
    const held = await maria.ok(RECORD, {
      meetingId: HELD,
      entries: [
        { personId: TEACHER(0), status: 'PRESENT' },
        { personId: TEACHER(6), status: 'ABSENT' },
      ],
    });
    expect(held.recordAttendance.attendance).toEqual(
      expect.arrayContaining([
        { personId: TEACHER(0), status: 'PRESENT' },
        { personId: TEACHER(6), status: 'ABSENT' },
      ]),
    );
    const corrected = await admin.ok(RECORD, {
      meetingId: HELD,
      entries: [{ personId: TEACHER(6), status: 'EXCUSED' }],
    });
    expect(corrected.recordAttendance.attendance).toContainEqual({ personId: TEACHER(6), status: 'EXCUSED' });

    // A leader may take the register while the meeting is on.
    await startMeeting8In('-1 hour');
    const underWay = await maria.ok(RECORD, {
      meetingId: MOVED,
      entries: [{ personId: TEACHER(0), status: 'PRESENT' }],
    });
    expect(underWay.recordAttendance.attendance).toEqual([{ personId: TEACHER(0), status: 'PRESENT' }]);
    expect((await sara.ok(MY_PROGRESS, { c: SEEDED })).myProgress).toMatchObject({ meetingsAttended: 2 });
  });
});
