import ical from 'node-ical';
import type { VEvent } from 'node-ical';
import { FEED_FETCH_LIMIT, FEED_MISS_LIMIT } from '@stl/api/feature-calendar';
import { MARIA, SARA, SEEDED, addOrganisation, addPerson } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const RENEW = `mutation { renewCalendarFeed { url createdAt } }`;
const STATUS = `{ myCalendarFeed { active createdAt lastUsedAt } }`;

/** The value, or the test fails here. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** The VEVENTs of a feed, parsed by a real iCal parser, by UID. */
function events(text: string): Map<string, VEvent> {
  const parsed = ical.sync.parseICS(text);
  return new Map(
    Object.values(parsed)
      .filter((c): c is VEvent => c?.type === 'VEVENT')
      .map((e) => [e.uid, e]),
  );
}

describe('the calendar feed: a private iCal URL with meetings and deadlines', () => {
  let api: TestApi;
  let sara: GqlClient;
  let maria: GqlClient;
  let saraPath: string;

  const get = (path: string) => fetch(new URL(path, api.url));
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    api = await startTestApi({ env: { PUBLIC_WEB_URL: 'https://stl.larkby.example' } });
    sara = await api.signedIn(SARA);
    maria = await api.signedIn(MARIA);
  });
  afterAll(() => api.close());

  it('has no URL until the person makes one; then only its hash is stored and the renewal is audited', async () => {
    expect((await sara.ok(STATUS)).myCalendarFeed).toEqual({
      active: false,
      createdAt: null,
      lastUsedAt: null,
    });
    const { renewCalendarFeed } = await sara.ok(RENEW);
    expect(renewCalendarFeed.url).toMatch(/\/export\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    saraPath = pathOf(renewCalendarFeed.url);
    const token = must(saraPath.split('/').pop()).replace('.ics', '');
    const rows = await api.db.query(`SELECT token_hash FROM calendar_feed_token`);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await api.db.query(
      `SELECT details FROM audit_event WHERE kind = 'CALENDAR_FEED_CHANGED' AND target_id = (SELECT id::text FROM person WHERE email = $1)`,
      [SARA],
    );
    expect(audit.map((a: any) => a.details)).toEqual([{ action: 'RENEWED' }]);
    expect((await sara.ok(STATUS)).myCalendarFeed.active).toBe(true);
  });

  it('serves every meeting and both deadlines of every round of her cohort, in Stockholm time, without a cookie', async () => {
    const res = await get(saraPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm');
    const parsed = events(text);
    const meetings = await api.db.query(
      `SELECT id, starts_at, ends_at FROM meeting WHERE cohort_id = $1 ORDER BY number`,
      [SEEDED],
    );
    const rounds = await api.db.query(
      `SELECT id, submission_deadline, feedback_deadline FROM analysis_round WHERE cohort_id = $1`,
      [SEEDED],
    );
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    expect(parsed.size).toBe(meetings.length + 2 * rounds.length);
    for (const m of meetings) {
      const e = parsed.get(`meeting-${m.id}@stl-plattformen`);
      expect(e?.start.toISOString()).toBe(new Date(m.starts_at).toISOString());
      expect(e?.end?.toISOString()).toBe(new Date(m.ends_at).toISOString());
      expect(e?.start.tz).toBe('Europe/Stockholm');
    }
    for (const r of rounds) {
      expect(parsed.get(`round-${r.id}-submission@stl-plattformen`)?.start.toISOString()).toBe(
        new Date(r.submission_deadline).toISOString(),
      );
      expect(parsed.get(`round-${r.id}-feedback@stl-plattformen`)?.start.toISOString()).toBe(
        new Date(r.feedback_deadline).toISOString(),
      );
    }
    // A winter meeting at 13:00 on the Stockholm clock is written as 13:00 with its zone.
    const winter = meetings.find(
      (m: any) => new Date(m.starts_at).getUTCMonth() === 11 || new Date(m.starts_at).getUTCMonth() === 0,
    );
    if (winter) {
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Stockholm',
        hour: '2-digit',
        minute: '2-digit',
      })
        .format(new Date(winter.starts_at))
        .replace(':', '');
      expect(text).toMatch(new RegExp(`DTSTART;TZID=Europe/Stockholm:\\d{8}T${local}00`));
    }
    expect((await sara.ok(STATUS)).myCalendarFeed.lastUsedAt).not.toBeNull();
  });

  it('reflects a moved meeting: the same UID, the new time, a higher SEQUENCE and LAST-MODIFIED', async () => {
    const [meeting] = await api.db.query(
      `SELECT id, starts_at, ends_at FROM meeting WHERE cohort_id = $1 ORDER BY number DESC LIMIT 1`,
      [SEEDED],
    );
    const uid = `meeting-${meeting.id}@stl-plattformen`;
    const before = must(events(await (await get(saraPath)).text()).get(uid));
    const startsAt = new Date(new Date(meeting.starts_at).getTime() + 2 * 3_600_000).toISOString();
    const endsAt = new Date(new Date(meeting.ends_at).getTime() + 2 * 3_600_000).toISOString();
    await maria.ok(
      `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`,
      {
        id: meeting.id,
        input: { startsAt, endsAt },
      },
    );
    const after = must(events(await (await get(saraPath)).text()).get(uid));
    expect(after.start.toISOString()).toBe(startsAt);
    expect(after.end?.toISOString()).toBe(endsAt);
    expect(Number(after.sequence)).toBeGreaterThan(Number(before.sequence));
    expect(must(after.lastmodified).getTime()).toBeGreaterThan(must(before.lastmodified).getTime());
    expect(after.dtstamp.getTime()).toBeGreaterThanOrEqual(must(after.lastmodified).getTime());
  });

  it('answers 404 to a wrong token, a malformed one, and to the old URL once renewed; the new one works', async () => {
    expect((await get(saraPath.replace(/[A-Za-z0-9_-]{43}/, 'A'.repeat(43)))).status).toBe(404);
    expect((await get('/export/calendar/not-a-token.ics')).status).toBe(404);
    const { renewCalendarFeed } = await sara.ok(RENEW);
    const renewed = pathOf(renewCalendarFeed.url);
    expect(renewed).not.toBe(saraPath);
    const old = await get(saraPath);
    expect(old.status).toBe(404);
    expect(((await old.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get(renewed)).status).toBe(200);
    saraPath = renewed;
  });

  it('shows a person only their own cohorts: someone of another organisation gets an empty calendar', async () => {
    const other = await addOrganisation(api.db, 'Norrby kommun', 'norrby');
    await addPerson(api.db, {
      organisationId: other.id,
      email: 'lisa@norrby.example',
      fullName: 'Lisa Norr',
      schoolId: other.schoolId,
      roles: ['TEACHER'],
    });
    const lisa = await api.signedIn('lisa@norrby.example');
    const path = pathOf((await lisa.ok(RENEW)).renewCalendarFeed.url);
    const text = await (await get(path)).text();
    expect(events(text).size).toBe(0);
    expect(text).toContain('BEGIN:VCALENDAR');
  });

  it('turning the URL off makes it refuse too', async () => {
    const maria2 = await api.signedIn(MARIA);
    const path = pathOf((await maria2.ok(RENEW)).renewCalendarFeed.url);
    expect((await get(path)).status).toBe(200);
    expect((await maria2.ok(`mutation { turnOffCalendarFeed { active } }`)).turnOffCalendarFeed.active).toBe(
      false,
    );
    expect((await get(path)).status).toBe(404);
  });

  it('needs a session to make or renew a URL', async () => {
    expect(await api.client().code(RENEW)).toBe('UNAUTHENTICATED');
    expect(await api.client().code(STATUS)).toBe('UNAUTHENTICATED');
  });

  it('limits fetches of one feed per window (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FEED_FETCH_LIMIT + 2; i++) statuses.push((await get(saraPath)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const refused = await get(saraPath);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits wrong tokens from one address, then refuses even right ones from it', async () => {
    const path = pathOf((await maria.ok(RENEW)).renewCalendarFeed.url);
    // Earlier tests guessed a few wrong tokens from this address too: they count.
    const statuses: number[] = [];
    for (let i = 0; i <= FEED_MISS_LIMIT && !statuses.includes(429); i++)
      statuses.push((await get(`/export/calendar/${'B'.repeat(42)}${i % 10}.ics`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(new Set(statuses.slice(0, -1))).toEqual(new Set([404]));
    expect((await get(`/export/calendar/${'C'.repeat(43)}.ics`)).status).toBe(429);
    expect((await get(path)).status).toBe(429);
  });
});
