import readXlsxFile from 'read-excel-file/node';
import { readDelimitedText } from '@stl/shared/domain';
import { ADMIN, MARIA, REKTOR_EKBACKE } from './cohort.fixtures';
import { seedDashboardWorld } from './support/dashboard-fixtures';
import type { DashboardWorld } from './support/dashboard-fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const TURNAROUND = 'received waiting medianHours p90Hours';
const FIGURES = `id label participants completed completionRate onTrack behind needsSupport publishedAnalyses
  overdueAnalyses overdueFeedback overdueReviewTasks meetingsHeld meetingsAttended attendanceRate
  peerTurnaround { ${TURNAROUND} } leaderTurnaround { ${TURNAROUND} }`;
const DASHBOARD = `query($org: ID, $year: String, $school: ID, $cohort: ID) {
  organisationDashboard(organisationId: $org, schoolYear: $year, schoolId: $school, cohortId: $cohort) {
    organisationId schoolYear schoolId cohortId schoolYears computedAt
    schools { id name } cohorts { id name schoolYear startsOn endsOn }
    total { ${FIGURES} } bySchool { ${FIGURES} } byCohort { ${FIGURES} } bySchoolYear { ${FIGURES} }
    rounds { number participants published }
  }
}`;

/** Turnaround as the API gives it: [received, waiting, median, p90]. */
const ta = (received: number, waiting: number, median: number | null, p90: number | null) => ({
  received,
  waiting,
  medianHours: median,
  p90Hours: p90,
});

interface Expected {
  participants: number;
  completed: number;
  onTrack: number;
  behind?: number;
  needsSupport: number;
  publishedAnalyses: number;
  overdueAnalyses: number;
  overdueFeedback: number;
  overdueReviewTasks: number;
  meetingsHeld: number;
  meetingsAttended: number;
  peer: ReturnType<typeof ta>;
  leader: ReturnType<typeof ta>;
}

/** The figures worked out by hand (docs/dashboard.md, "The test organisation"). */
function figures(id: string | null, label: string, e: Expected) {
  return {
    id,
    label,
    participants: e.participants,
    completed: e.completed,
    completionRate: e.participants ? e.completed / e.participants : null,
    onTrack: e.onTrack,
    behind: e.behind ?? 0,
    needsSupport: e.needsSupport,
    publishedAnalyses: e.publishedAnalyses,
    overdueAnalyses: e.overdueAnalyses,
    overdueFeedback: e.overdueFeedback,
    overdueReviewTasks: e.overdueReviewTasks,
    meetingsHeld: e.meetingsHeld,
    meetingsAttended: e.meetingsAttended,
    attendanceRate: e.meetingsHeld ? e.meetingsAttended / e.meetingsHeld : null,
    peerTurnaround: e.peer,
    leaderTurnaround: e.leader,
  };
}

/** Floating point from SQL (percentile_cont, epoch / 3600): equal to 9 decimals. */
function close(actual: unknown): unknown {
  if (typeof actual === 'number') return Math.round(actual * 1e9) / 1e9;
  if (Array.isArray(actual)) return actual.map(close);
  if (actual && typeof actual === 'object')
    return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, close(v)]));
  return actual;
}

describe('the organisation dashboard (issue 14): every figure, hand-checked, to whom it is shown', () => {
  let api: TestApi;
  let w: DashboardWorld;
  let admin: GqlClient;
  let leaderA: GqlClient;
  let leaderB: GqlClient;

  // ---- Expected figures ----------------------------------------------------------------------
  let ALFA: ReturnType<typeof figures>;
  let BETA: ReturnType<typeof figures>;
  let YEAR_2627: ReturnType<typeof figures>;
  let YEAR_2526: ReturnType<typeof figures>;

  beforeAll(async () => {
    api = await startTestApi();
    w = await seedDashboardWorld(api.db);
    [admin, leaderA, leaderB] = await Promise.all([
      api.signedIn(w.emails.admin),
      api.signedIn(w.emails.leaderA),
      api.signedIn(w.emails.leaderB),
    ]);
    ALFA = figures(w.alfa, 'STL Alfa', {
      participants: 4,
      completed: 2,
      onTrack: 2,
      needsSupport: 2,
      publishedAnalyses: 23,
      overdueAnalyses: 1,
      overdueFeedback: 2,
      overdueReviewTasks: 2,
      meetingsHeld: 12,
      meetingsAttended: 11,
      peer: ta(21, 2, 24, 48),
      // 24×5, 48×12, 60, 72, 84, 96, 108: p90 at 18.9 → 72 + 0.9 × 12.
      leader: ta(22, 1, 48, 82.8),
    });
    BETA = figures(w.beta, 'STL Beta', {
      participants: 2,
      completed: 0,
      onTrack: 1,
      needsSupport: 1,
      publishedAnalyses: 1,
      overdueAnalyses: 1,
      overdueFeedback: 1,
      overdueReviewTasks: 1,
      meetingsHeld: 2,
      meetingsAttended: 1,
      // A group of one: no critical friend yet; one leader's feedback after 10 hours is both percentiles.
      peer: ta(0, 1, null, null),
      leader: ta(1, 0, 10, 10),
    });
    YEAR_2627 = figures(null, '2026/27', {
      participants: 6,
      completed: 2,
      onTrack: 3,
      needsSupport: 3,
      publishedAnalyses: 24,
      overdueAnalyses: 2,
      overdueFeedback: 3,
      overdueReviewTasks: 3,
      meetingsHeld: 14,
      meetingsAttended: 12,
      peer: ta(21, 3, 24, 48),
      // 10, 24×5, 48×12, 60, 72, 84, 96, 108: p90 at 19.8 → 72 + 0.8 × 12.
      leader: ta(23, 1, 48, 81.6),
    });
    YEAR_2526 = figures(null, '2025/26', {
      participants: 2,
      completed: 0,
      onTrack: 2,
      needsSupport: 0,
      publishedAnalyses: 2,
      overdueAnalyses: 0,
      overdueFeedback: 1,
      overdueReviewTasks: 0,
      meetingsHeld: 4,
      meetingsAttended: 3,
      // Two analyses, 48 and 96 hours: median 72, p90 48 + 0.9 × 48.
      peer: ta(2, 0, 72, 91.2),
      leader: ta(1, 1, 12, 12),
    });
  });
  afterAll(() => api.close());

  const dashboard = (c: GqlClient, v: Record<string, unknown> = {}) =>
    c.ok(DASHBOARD, { org: w.organisation, ...v }).then((d) => close(d.organisationDashboard) as any);

  it('shows an administrator every cohort and school of the year, with every figure', async () => {
    const d = await dashboard(admin, { year: '2026/27' });
    expect(d.schoolYear).toBe('2026/27');
    expect(d.schoolYears).toEqual(['2026/27', '2025/26']);
    expect(d.schools.map((s: any) => s.name)).toEqual(['Björkskolan', 'Ekskolan']);
    expect(d.cohorts.map((c: any) => [c.name, c.schoolYear, c.startsOn, c.endsOn])).toEqual([
      ['STL Alfa', '2026/27', '2026-08-17', '2027-06-11'],
      ['STL Beta', '2026/27', '2026-08-24', '2027-06-11'],
    ]);
    expect(d.total).toEqual(close({ ...YEAR_2627, label: '' }));
    expect(d.byCohort).toEqual(close([ALFA, BETA]));
    expect(d.bySchool).toEqual(
      close([
        figures(w.bjorkskolan, 'Björkskolan', {
          participants: 2,
          completed: 0,
          onTrack: 1,
          needsSupport: 1,
          publishedAnalyses: 6,
          overdueAnalyses: 1,
          overdueFeedback: 1,
          overdueReviewTasks: 2,
          meetingsHeld: 4,
          meetingsAttended: 4,
          peer: ta(5, 1, 6, 6),
          // 10, 60, 72, 84, 96, 108: median (72 + 84) / 2, p90 at 4.5 → (96 + 108) / 2.
          leader: ta(6, 0, 78, 102),
        }),
        figures(w.ekskolan, 'Ekskolan', {
          participants: 3,
          completed: 1,
          onTrack: 1,
          needsSupport: 2,
          publishedAnalyses: 12,
          overdueAnalyses: 1,
          overdueFeedback: 2,
          overdueReviewTasks: 1,
          meetingsHeld: 7,
          meetingsAttended: 5,
          // 12×4, 24×2, 48×2, 72×2: median at 4.5 → 24, p90 at 8.1 → 72.
          peer: ta(10, 2, 24, 72),
          leader: ta(11, 1, 48, 48),
        }),
        // A group of one participant enrolled from no school.
        figures(null, '', {
          participants: 1,
          completed: 1,
          onTrack: 1,
          needsSupport: 0,
          publishedAnalyses: 6,
          overdueAnalyses: 0,
          overdueFeedback: 0,
          overdueReviewTasks: 0,
          meetingsHeld: 3,
          meetingsAttended: 3,
          peer: ta(6, 0, 36, 36),
          leader: ta(6, 0, 48, 48),
        }),
      ]),
    );
    expect(d.bySchoolYear).toEqual(close([YEAR_2526, YEAR_2627]));
    expect(d.rounds).toEqual([
      { number: 1, participants: 6, published: 5 },
      { number: 2, participants: 6, published: 4 },
      { number: 3, participants: 6, published: 4 },
      { number: 4, participants: 6, published: 4 },
      { number: 5, participants: 6, published: 4 },
      { number: 6, participants: 6, published: 3 },
    ]);
  });

  it('the per-school and per-cohort counts add up to the whole, and agree with the progress matrix', async () => {
    const d = await dashboard(admin, { year: '2026/27' });
    for (const key of [
      'participants',
      'completed',
      'publishedAnalyses',
      'overdueReviewTasks',
      'meetingsAttended',
    ]) {
      const sum = (rows: any[]) => rows.reduce((s, r) => s + r[key], 0);
      expect(sum(d.bySchool)).toBe(d.total[key]);
      expect(sum(d.byCohort)).toBe(d.total[key]);
    }
    const matrix = await admin.ok(
      `query($c: ID!) { cohortProgress(cohortId: $c, first: 100) { nodes { completed publishedCount supportLevel } } }`,
      { c: w.alfa },
    );
    const rows = matrix.cohortProgress.nodes;
    expect(rows.filter((r: any) => r.completed).length).toBe(ALFA.completed);
    expect(rows.reduce((s: number, r: any) => s + r.publishedCount, 0)).toBe(ALFA.publishedAnalyses);
    expect(rows.filter((r: any) => r.supportLevel === 'NEEDS_SUPPORT').length).toBe(ALFA.needsSupport);
  });

  it('narrows to a school, to a cohort, and picks the year of a cohort of another year', async () => {
    const school = await dashboard(admin, { year: '2026/27', school: w.bjorkskolan });
    expect(school.schoolId).toBe(w.bjorkskolan);
    expect(school.total.participants).toBe(2);
    expect(school.total.leaderTurnaround).toEqual(ta(6, 0, 78, 102));
    expect(school.byCohort.map((c: any) => [c.label, c.participants, c.publishedAnalyses])).toEqual([
      ['STL Alfa', 1, 5],
      ['STL Beta', 1, 1],
    ]);
    expect(school.bySchool.map((s: any) => s.label)).toEqual(['Björkskolan']);

    const gamma = await dashboard(admin, { cohort: w.gamma });
    // No year asked, none of the cohort's in the current one: the latest before it.
    expect(gamma.schoolYear).toBe('2025/26');
    expect(gamma.schoolYears).toEqual(['2025/26']);
    expect(gamma.total).toEqual(close({ ...YEAR_2526, label: '' }));
  });

  it('shows a course leader the cohorts they lead and nothing else', async () => {
    const a = await dashboard(leaderA, { year: '2026/27' });
    expect(a.cohorts.map((c: any) => c.name)).toEqual(['STL Alfa']);
    expect(a.total).toEqual(close({ ...ALFA, id: null, label: '' }));
    expect(a.schoolYears).toEqual(['2026/27', '2025/26']);
    expect(a.bySchoolYear.map((y: any) => [y.label, y.participants])).toEqual([
      ['2025/26', 2],
      ['2026/27', 4],
    ]);
    expect(a.schools.map((s: any) => s.name)).toEqual(['Björkskolan', 'Ekskolan']);

    const b = await dashboard(leaderB, { year: '2026/27' });
    expect(b.byCohort).toEqual(close([BETA]));
    expect(b.schoolYears).toEqual(['2026/27']);
    expect(b.bySchoolYear.map((y: any) => y.label)).toEqual(['2026/27']);
  });

  it('refuses a leader of another cohort, teachers, school leaders and other organisations', async () => {
    expect(await leaderA.code(DASHBOARD, { org: w.organisation, cohort: w.beta })).toBe('FORBIDDEN');
    expect(await leaderB.code(DASHBOARD, { org: w.organisation, cohort: w.alfa })).toBe('FORBIDDEN');
    const teacher = await api.signedIn(w.emails.teacher);
    expect(await teacher.code(DASHBOARD, { org: w.organisation })).toBe('FORBIDDEN');
    const rektor = await api.signedIn(w.emails.rektor);
    expect(await rektor.code(DASHBOARD, { org: w.organisation })).toBe('FORBIDDEN');
    // Lärkby's administrator and a Lärkby school leader: Provkommun does not exist for them.
    const otherAdmin = await api.signedIn(ADMIN);
    expect(await otherAdmin.code(DASHBOARD, { org: w.organisation })).toBe('NOT_FOUND');
    expect(await otherAdmin.code(DASHBOARD, { org: null, cohort: w.alfa })).toBe('NOT_FOUND');
    expect(await otherAdmin.code(DASHBOARD, { org: null, school: w.ekskolan })).toBe('NOT_FOUND');
    expect(await (await api.signedIn(REKTOR_EKBACKE)).code(DASHBOARD, { org: w.organisation })).toBe(
      'NOT_FOUND',
    );
    // Their own organisation's dashboard holds nothing of Provkommun.
    const own = await otherAdmin.ok(DASHBOARD, {});
    expect(own.organisationDashboard.cohorts.map((c: any) => c.id)).not.toContain(w.alfa);
    const larkbyLeader = await api.signedIn(MARIA);
    expect(await larkbyLeader.code(DASHBOARD, { org: w.organisation })).toBe('NOT_FOUND');
    expect(await api.client().code(DASHBOARD, { org: w.organisation })).toBe('UNAUTHENTICATED');
    expect(await admin.code(DASHBOARD, { org: w.organisation, year: '2026-27' })).toBe('BAD_USER_INPUT');
  });

  // ---- The export of the organisation's follow-up -------------------------------------------

  const download = (client: GqlClient | null, query = 'schoolYear=2026%2F27', format = 'xlsx') =>
    fetch(`${api.url}/export/organisations/${w.organisation}/follow-up.${format}?${query}`, {
      headers: client?.sessionCookie ? { cookie: client.sessionCookie } : {},
    });

  /** The export's 21 figure columns for a group of the API. */
  const cells = (f: any) => [
    f.participants,
    f.completed,
    f.completionRate,
    f.onTrack,
    f.behind,
    f.needsSupport,
    f.publishedAnalyses,
    f.overdueAnalyses,
    f.overdueFeedback,
    f.overdueReviewTasks,
    f.meetingsHeld,
    f.meetingsAttended,
    f.attendanceRate,
    f.peerTurnaround.received,
    f.peerTurnaround.waiting,
    f.peerTurnaround.medianHours,
    f.peerTurnaround.p90Hours,
    f.leaderTurnaround.received,
    f.leaderTurnaround.waiting,
    f.leaderTurnaround.medianHours,
    f.leaderTurnaround.p90Hours,
  ];

  /** The first sheet's (and the CSV's) headings, in Swedish, as a spreadsheet user reads them. */
  const HEADINGS = [
    'Organisation',
    'Läsår',
    'Skola',
    'Deltagare',
    'Fullföljt',
    'Andel fullföljt',
    'Enligt plan',
    'Efter',
    'Behöver stöd',
    'Publicerade analyser',
    'Försenade analyser',
    'Försenad återkoppling',
    'Försenade uppdrag som kritisk vän',
    'Träffar hållna (per deltagare)',
    'Träffar närvarat',
    'Närvaro',
    'Kritisk vän: analyser med återkoppling',
    'Kritisk vän: analyser som väntar',
    'Kritisk vän: median (timmar)',
    'Kritisk vän: 90:e percentilen (timmar)',
    'Kursledare: analyser med återkoppling',
    'Kursledare: analyser som väntar',
    'Kursledare: median (timmar)',
    'Kursledare: 90:e percentilen (timmar)',
  ];

  it("downloads the organisation's follow-up as XLSX with the API's figures, dates as dates", async () => {
    const d = await dashboard(admin, { year: '2026/27' });
    const res = await download(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('Uppf%C3%B6ljning%20Provkommun%202026-27');
    const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['Uppföljning', 'Kohorter', 'Läsår', 'Analysomgångar']);
    const [header, ...rows] = sheets[0].data;
    expect(header).toEqual(HEADINGS);
    expect(rows.map((r) => close(r))).toEqual([
      ['Provkommun', '2026/27', 'Alla', ...cells(d.total)],
      ...d.bySchool.map((s: any) => ['Provkommun', '2026/27', s.id ? s.label : 'Ingen skola', ...cells(s)]),
    ]);
    const [, ...cohortRows] = sheets[1].data;
    expect(cohortRows.map((r) => close([r[0], r[1], ...r.slice(4)]))).toEqual(
      d.byCohort.map((c: any) => [c.label, '2026/27', ...cells(c)]),
    );
    // The cohort's first and last day, as dates (read back as midnight UTC of the Stockholm day).
    expect(cohortRows[0][2]).toBeInstanceOf(Date);
    expect((cohortRows[0][2] as unknown as Date).toISOString().slice(0, 10)).toBe('2026-08-17');
    expect((cohortRows[0][3] as unknown as Date).toISOString().slice(0, 10)).toBe('2027-06-11');
    const [, ...yearRows] = sheets[2].data;
    expect(yearRows.map((r) => close(r))).toEqual(d.bySchoolYear.map((y: any) => [y.label, ...cells(y)]));
    const [, ...roundRows] = sheets[3].data;
    expect(roundRows).toEqual(
      d.rounds.map((r: any) => [r.number, r.participants, r.published, r.published / r.participants]),
    );
  });

  it('downloads the same as CSV, narrowed as the screen is, for a course leader too', async () => {
    const d = await dashboard(leaderA, { year: '2026/27', school: w.ekskolan });
    const res = await download(leaderA, `schoolYear=2026%2F27&school=${w.ekskolan}`, 'csv');
    expect(res.status).toBe(200);
    const [header, ...rows] = readDelimitedText(await res.text()).rows;
    expect(header).toEqual(HEADINGS);
    // CSV numbers are Swedish: a decimal comma, shares as percentages to one decimal ("66,7 %"),
    // hours to one decimal. Read back, every cell of every row is the API's figure.
    const SHARES = new Set([2, 12]);
    const read = (cell: string, i: number): number | null => {
      if (cell === '') return null;
      if (SHARES.has(i)) {
        expect(cell).toMatch(/^\d+(,\d)? %$/);
        return Number(cell.replace(' %', '').replace(',', '.'));
      }
      expect(cell).toMatch(/^\d+(,\d)?$/);
      return Number(cell.replace(',', '.'));
    };
    const asWritten = (v: number | null, i: number) =>
      v === null ? null : SHARES.has(i) ? Math.round(v * 1000) / 10 : Math.round(v * 10) / 10;
    expect(rows.map((r) => [r.slice(0, 3), r.slice(3).map(read)])).toEqual(
      [d.total, ...d.bySchool].map((f: any, n: number) => [
        ['Provkommun', '2026/27', n === 0 ? 'Alla' : f.label],
        cells(f).map(asWritten),
      ]),
    );
    // Narrowed to Ekskolan, the leader of Alfa sees Alfa's two Ekskolan participants, P1 and P2
    // (docs/dashboard.md), worked out by hand: P1 completed (50 %); critical friends 12×4, 24×2,
    // 48×2, 72×2: median 24, 90th percentile at 8.1 → 72; leader 24×5, 48×6: 48 and 48.
    expect(rows.map((r) => r[2])).toEqual(['Alla', 'Ekskolan']);
    expect([3, 4, 5, 16, 18, 19, 20, 22, 23].map((i) => rows[0][i])).toEqual([
      '2',
      '1',
      '50 %',
      '10',
      '24',
      '72',
      '11',
      '48',
      '48',
    ]);
  });

  it('refuses the download to whoever the dashboard refuses', async () => {
    expect((await download(null)).status).toBe(401);
    expect((await download(await api.signedIn(w.emails.teacher))).status).toBe(403);
    expect((await download(await api.signedIn(ADMIN))).status).toBe(404);
    expect((await download(leaderA, `cohort=${w.beta}`)).status).toBe(403);
    expect((await download(admin, 'schoolYear=2026-27')).status).toBe(422);
  });
});
