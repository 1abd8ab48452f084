import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { seedDemoActivity } from '@stl/api/data-access-db';
import { readDelimitedText, wallClock } from '@stl/shared/domain';
import {
  ADMIN,
  JOHAN,
  KARIN,
  MARIA,
  ORG,
  REKTOR_EKBACKE,
  SARA,
  SEEDED,
  TEACHER,
  addOrganisation,
  addPerson,
} from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/** What the progress matrix loads (FollowUpCohort, FollowUpProgress) and the attendance page (SetupAttendance). */
const SCREEN = `query($c: ID!) {
  cohort(id: $c) {
    name
    rounds { id number title opensAt submissionDeadline feedbackDeadline }
    meetings { id number title startsAt attendance { personId status } }
  }
  cohortProgress(cohortId: $c, first: 100) {
    totalCount
    nodes {
      person { id fullName } schoolName completed supportLevel
      supportReasons { code roundNumbers days missed held }
      publishedCount minPublished completeCount tasksDone tasksTotal
      meetingsAttended meetingsHeld meetingsPlanned meetingsRequired attendanceShare
      rounds {
        roundId analysisStatus published peerFeedbackCount leaderFeedback tasksDone tasksTotal
        submissionOverdue feedbackOverdue tasksOverdue
      }
    }
  }
}`;

/** The web app's Swedish words: the export must say what the screen says. */
const i18n = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../../libs/web/util-i18n/src/i18n', file), 'utf8'));
const SV = i18n('sv.json');
const FOLLOW_UP = i18n('followUp.sv.json');
const SETUP = i18n('setup.sv.json');
const fill = (t: string, p: Record<string, unknown>) => t.replace(/\{\{(\w+)\}\}/g, (_, k) => String(p[k]));

function reasonText(r: any): string {
  const count = r.code === 'ATTENDANCE_BEHIND' ? r.missed : r.days;
  return fill(SV.support.reason[r.code][count === 1 ? 'one' : 'other'], {
    ...r,
    round: r.roundNumbers.join(', '),
  });
}

/** An XLSX date is a wall clock; read back as UTC it must show Stockholm's (to the minute). */
function stockholmWallClock(iso: string): string {
  const w = wallClock(new Date(iso));
  return `${w.date}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}
const cellMinute = (d: unknown) =>
  new Date(Math.round((d as Date).getTime() / 60_000) * 60_000).toISOString().slice(0, 16);

/** The progress matrix's cell for one round, in the export's six columns. */
function expectedRoundCells(round: any, p: any, now: Date): unknown[] {
  const state =
    p.published || p.analysisStatus === 'PUBLISHED'
      ? 'PUBLISHED'
      : new Date(round.opensAt) > now
        ? 'NOT_OPEN'
        : p.analysisStatus;
  if (state === 'NOT_OPEN') return [FOLLOW_UP.state.NOT_OPEN, null, null, null, null, null];
  const published = state === 'PUBLISHED';
  const overdue = [
    p.submissionOverdue && FOLLOW_UP.overdue.SUBMISSION,
    p.feedbackOverdue && FOLLOW_UP.overdue.FEEDBACK,
    p.tasksOverdue && FOLLOW_UP.overdue.TASKS,
  ].filter(Boolean);
  return [
    FOLLOW_UP.state[state],
    published ? p.peerFeedbackCount : null,
    published ? (p.leaderFeedback ? 'Ja' : 'Nej') : null,
    p.tasksDone,
    p.tasksTotal,
    // read-excel-file reads an empty string cell as null.
    overdue.join(', ') || null,
  ];
}

function expectedProgressRow(row: any, rounds: any[], now: Date): unknown[] {
  const byRound = new Map(row.rounds.map((r: any) => [r.roundId, r]));
  return [
    row.person.fullName,
    row.schoolName,
    row.completed ? 'Ja' : 'Nej',
    SV.support.level[row.supportLevel],
    row.supportReasons.map(reasonText).join('; ') || null,
    row.publishedCount,
    row.minPublished,
    row.completeCount,
    row.tasksDone,
    row.tasksTotal,
    row.meetingsAttended,
    row.meetingsHeld,
    row.meetingsPlanned,
    row.meetingsRequired,
    row.attendanceShare,
    ...rounds.flatMap((round) => expectedRoundCells(round, byRound.get(round.id), now)),
  ];
}

describe('exports of the follow-up: what the screen shows, to whom the screen shows it', () => {
  let api: TestApi;
  let maria: GqlClient;
  let screen: any;
  /** Johan leads the seeded cohort; this one is Maria's alone. */
  let mariasOwnCohort: string;

  const download = (client: GqlClient | null, path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      headers: { ...(client?.sessionCookie ? { cookie: client.sessionCookie } : {}), ...headers },
    });
  const progressPath = (format: string, cohort = SEEDED) => `/export/cohorts/${cohort}/progress.${format}`;
  const attendancePath = (format: string, cohort = SEEDED) =>
    `/export/cohorts/${cohort}/attendance.${format}`;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoActivity(api.db);
    // The course as it stood on 2026-11-20 (the demo activity's day), moved to today: some rounds
    // past their deadlines, some still ahead, meetings held and planned.
    const shift = `(now() - timestamptz '2026-11-20T12:00:00Z')`;
    await api.db.query(
      `UPDATE meeting SET starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift} WHERE cohort_id = $1`,
      [SEEDED],
    );
    await api.db.query(
      `UPDATE analysis_round
          SET opens_at = opens_at + ${shift}, submission_deadline = submission_deadline + ${shift},
              feedback_deadline = feedback_deadline + ${shift}
        WHERE cohort_id = $1`,
      [SEEDED],
    );
    // A name a spreadsheet would run as a formula, to see it arrive as text.
    await api.db.query(`UPDATE person SET full_name = '=Åsa; "Lind"' WHERE id = $1`, [TEACHER(1)]);
    maria = await api.signedIn(MARIA);
    screen = await maria.ok(SCREEN, { c: SEEDED });
    mariasOwnCohort = (
      await maria.ok(`mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`, {
        input: {
          organisationId: ORG,
          name: 'STL Lärkby fördjupning',
          schoolYear: '2026/27',
          startsOn: '2026-08-17',
          endsOn: '2027-06-11',
        },
      })
    ).createCohort.id;
  });
  afterAll(() => api.close());

  it('the seeded course gives the export something to show', () => {
    const rows = screen.cohortProgress.nodes;
    expect(rows).toHaveLength(24);
    expect(rows.some((r: any) => r.supportLevel !== 'ON_TRACK')).toBe(true);
    expect(rows.some((r: any) => r.publishedCount > 0)).toBe(true);
    expect(rows.some((r: any) => r.meetingsAttended > 0)).toBe(true);
  });

  it('downloads the progress matrix as XLSX with the same figures as the screen', async () => {
    const res = await download(maria, progressPath('xlsx'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const day = wallClock(new Date()).date;
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Framsteg-STL-Larkby-2026-27-${day}.xlsx"; ` +
        `filename*=UTF-8''Framsteg%20STL%20L%C3%A4rkby%202026-27%20${day}.xlsx`,
    );
    const now = new Date();
    const [progress, rounds] = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
    expect(progress.sheet).toBe('Framsteg');
    const [header, ...rows] = progress.data;
    expect(header.slice(0, 6)).toEqual([
      'Namn',
      'Skola',
      'Fullföljt',
      'Stödnivå',
      'Skäl',
      'Publicerade analyser',
    ]);
    expect(header).toHaveLength(15 + 6 * screen.cohort.rounds.length);
    expect(rows).toEqual(
      screen.cohortProgress.nodes.map((row: any) => expectedProgressRow(row, screen.cohort.rounds, now)),
    );
    // The formula-like name is text, exactly as typed.
    expect(rows.map((r) => r[0])).toContain('=Åsa; "Lind"');
    // The rounds with real dates on the Stockholm wall clock.
    expect(rounds.sheet).toBe('Analysomgångar');
    expect(
      rounds.data.slice(1).map((r) => [r[0], r[1], cellMinute(r[2]), cellMinute(r[3]), cellMinute(r[4])]),
    ).toEqual(
      screen.cohort.rounds.map((r: any) => [
        r.number,
        r.title,
        stockholmWallClock(r.opensAt),
        stockholmWallClock(r.submissionDeadline),
        stockholmWallClock(r.feedbackDeadline),
      ]),
    );
  });

  it('downloads the same matrix as CSV for Swedish Excel: BOM, semicolons, formulas guarded', async () => {
    const res = await download(maria, progressPath('csv'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Framsteg-[^"]+\.csv"; filename\*=UTF-8''/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const [header, ...rows] = readDelimitedText(text, ';').rows;
    const now = new Date();
    const asCsv = (v: unknown, i: number) =>
      v === null
        ? ''
        : i === 14
          ? `${(Number(v) * 100).toLocaleString('sv-SE', { maximumFractionDigits: 1, useGrouping: false })} %`
          : String(v);
    expect(header[0]).toBe('Namn');
    expect(rows).toEqual(
      screen.cohortProgress.nodes.map((row: any) =>
        expectedProgressRow(row, screen.cohort.rounds, now).map((v, i) =>
          i === 0 && String(v).startsWith('=') ? `'${v}` : asCsv(v, i),
        ),
      ),
    );
    // Quoted, with the quotes doubled, and the apostrophe that keeps it text.
    expect(text).toContain(`"'=Åsa; ""Lind"""`);
  });

  it('downloads the attendance list of the meetings held, as recorded on the attendance page', async () => {
    const now = new Date();
    const participants = screen.cohortProgress.nodes;
    const held = screen.cohort.meetings
      .filter((m: any) => new Date(m.startsAt) <= now)
      .sort((a: any, b: any) => a.number - b.number);
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(screen.cohort.meetings.length);
    const expected = held.flatMap((m: any) =>
      participants.map((p: any) => {
        const status = m.attendance.find((a: any) => a.personId === p.person.id)?.status;
        return [
          m.number,
          m.title,
          stockholmWallClock(m.startsAt),
          p.person.fullName,
          p.schoolName,
          status ? SETUP.attendance[status] : 'Inte registrerad',
        ];
      }),
    );

    const xlsx = await download(maria, attendancePath('xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('filename="Narvaro-STL-Larkby-2026-27-');
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheet.data[0]).toEqual(['Träff', 'Titel', 'Började', 'Namn', 'Skola', 'Närvaro']);
    const rows = sheet.data.slice(1).map((r) => [r[0], r[1], cellMinute(r[2]), r[3], r[4], r[5]]);
    expect(rows).toEqual(expected);
    // The same figure as the screen's progress: meetings attended per participant.
    for (const p of participants) {
      const present = rows.filter((r) => r[3] === p.person.fullName && r[5] === 'Närvarande').length;
      expect(present).toBe(p.meetingsAttended);
    }

    const csv = await download(maria, attendancePath('csv'));
    expect(csv.status).toBe(200);
    const [header, ...csvRows] = readDelimitedText(await csv.text(), ';').rows;
    expect(header).toEqual(['Träff', 'Titel', 'Började', 'Namn', 'Skola', 'Närvaro']);
    expect(csvRows).toEqual(
      expected.map((r: unknown[]) => [
        String(r[0]),
        r[1],
        String(r[2]).replace('T', ' '),
        String(r[3]).startsWith('=') ? `'${r[3]}` : r[3],
        r[4] ?? '',
        r[5],
      ]),
    );
  });

  it('gives a school leader their own school only, as their follow-up page does', async () => {
    const rektor = await api.signedIn(REKTOR_EKBACKE);
    const theirs = (await rektor.ok(SCREEN, { c: SEEDED })).cohortProgress.nodes;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(24);
    const res = await download(rektor, progressPath('xlsx'));
    expect(res.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
    expect(sheet.data.slice(1).map((r) => r[0])).toEqual(theirs.map((r: any) => r.person.fullName));
    // Administrators see the whole cohort.
    const admin = await api.signedIn(ADMIN);
    const all = await readXlsxFile(
      Buffer.from(await (await download(admin, progressPath('xlsx'))).arrayBuffer()),
    );
    expect(all[0].data).toHaveLength(25);
  });

  it('refuses a teacher of the cohort, a leader of another cohort, outsiders and anonymous callers, as JSON', async () => {
    const other = await addOrganisation(api.db, 'Norrviks kommun', 'norrvik');
    await addPerson(api.db, {
      organisationId: other.id,
      email: 'admin@norrvik.example',
      fullName: 'Nils Admin',
      roles: ['ADMINISTRATOR', 'COURSE_LEADER'],
    });
    const [sara, johan, karin, outsideAdmin] = await Promise.all([
      api.signedIn(SARA),
      api.signedIn(JOHAN),
      api.signedIn(KARIN),
      api.signedIn('admin@norrvik.example'),
    ]);
    const cases: [GqlClient | null, string, number, string][] = [
      // A participant sees their own progress only (myProgress), never the list.
      [sara, progressPath('xlsx'), 403, 'FORBIDDEN'],
      [sara, attendancePath('csv'), 403, 'FORBIDDEN'],
      // Johan leads the seeded cohort, not Maria's new one: it does not exist for him.
      [johan, progressPath('xlsx', mariasOwnCohort), 404, 'NOT_FOUND'],
      [johan, attendancePath('csv', mariasOwnCohort), 404, 'NOT_FOUND'],
      // A course leader of the organisation who leads neither.
      [karin, progressPath('csv'), 404, 'NOT_FOUND'],
      [outsideAdmin, progressPath('xlsx'), 404, 'NOT_FOUND'],
      [null, progressPath('xlsx'), 401, 'UNAUTHENTICATED'],
      [null, attendancePath('csv'), 401, 'UNAUTHENTICATED'],
      // Malformed requests are refused the same way, before any query.
      [maria, progressPath('pdf'), 404, 'NOT_FOUND'],
      [maria, '/export/cohorts/not-an-id/progress.xlsx', 404, 'NOT_FOUND'],
      [maria, '/export/cohorts/00000000-0000-4000-8000-000000000000/progress.csv', 404, 'NOT_FOUND'],
    ];
    for (const [client, path, status, code] of cases) {
      const res = await download(client, path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = await res.json();
      expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|QueryFailedError|SELECT/);
    }
    // Johan may export the cohort he leads.
    expect((await download(johan, progressPath('csv'))).status).toBe(200);
  });

  it('refuses a download that another site starts in the browser', async () => {
    const res = await download(maria, progressPath('xlsx'), { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    for (const site of ['same-origin', 'none']) {
      expect((await download(maria, progressPath('xlsx'), { 'sec-fetch-site': site })).status).toBe(200);
    }
  });
});
