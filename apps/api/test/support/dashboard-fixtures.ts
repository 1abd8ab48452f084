import type { DataSource } from 'typeorm';
import { addOrganisation, addPerson } from '../cohort.fixtures';

/**
 * A small organisation with known answers for the dashboard (issue 14): Provkommun, schools
 * Ekskolan and Björkskolan, cohorts STL Alfa and STL Beta (2026/27) and STL Gamma (2025/26). Every
 * date is fixed in the past (or far ahead), so the overdue flags and the percentiles are the same
 * on any day before July 2027. docs/dashboard.md works the expected figures out by hand.
 */
export interface DashboardWorld {
  organisation: string;
  ekskolan: string;
  bjorkskolan: string;
  alfa: string;
  beta: string;
  gamma: string;
  emails: { admin: string; leaderA: string; leaderB: string; teacher: string; rektor: string };
}

const H = 3_600_000;
const D = 24 * H;
const t = (iso: string) => new Date(iso).getTime();

export async function seedDashboardWorld(db: DataSource): Promise<DashboardWorld> {
  const org = await addOrganisation(db, 'Provkommun', 'provkommun');
  const ekskolan = org.schoolId;
  await db.query(`UPDATE school SET name = 'Ekskolan' WHERE id = $1`, [ekskolan]);
  const [{ id: bjorkskolan }] = await db.query(
    `INSERT INTO school (organisation_id, name) VALUES ($1, 'Björkskolan') RETURNING id`,
    [org.id],
  );
  const certification = { issuedOn: '2025-06-01', validUntil: '2028-06-01' };
  const person = (email: string, fullName: string, roles: string[], schoolId: string | null = null) =>
    addPerson(db, { organisationId: org.id, email, fullName, roles, schoolId, certification });
  const emails = {
    admin: 'admin@prov.example',
    leaderA: 'leader.a@prov.example',
    leaderB: 'leader.b@prov.example',
    teacher: 'p1@prov.example',
    rektor: 'rektor@prov.example',
  };
  await person(emails.admin, 'Ada Admin', ['ADMINISTRATOR']);
  const leaderA = await person(emails.leaderA, 'Lena Ledare', ['COURSE_LEADER']);
  const leaderB = await person(emails.leaderB, 'Leo Ledare', ['COURSE_LEADER']);
  await person(emails.rektor, 'Rut Rektor', ['SCHOOL_LEADER']);
  await db.query(
    `UPDATE role_grant SET school_id = $2 WHERE person_id = (SELECT id FROM person WHERE email = $1)`,
    [emails.rektor, ekskolan],
  );
  const teacher = (n: string, school: string | null, email = `${n.toLowerCase()}@prov.example`) =>
    person(email, `Lärare ${n}`, ['TEACHER'], school);
  const P1 = await teacher('P1', ekskolan);
  const P2 = await teacher('P2', ekskolan);
  const P3 = await teacher('P3', bjorkskolan);
  const P4 = await teacher('P4', null);
  const P5 = await teacher('P5', ekskolan);
  const Q1 = await teacher('Q1', bjorkskolan);
  const Q2 = await teacher('Q2', ekskolan);
  const Z1 = await teacher('Z1', ekskolan);
  const Z2 = await teacher('Z2', ekskolan);

  const [{ id: templateVersion }] = await db.query(`SELECT id FROM analysis_template_version LIMIT 1`);

  const cohort = async (name: string, year: string, startsOn: string, endsOn: string, share: number) => {
    const [{ id }] = await db.query(
      `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on, status, required_attendance_share)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6) RETURNING id`,
      [org.id, name, year, startsOn, endsOn, share],
    );
    return id as string;
  };
  const member = (
    cohortId: string,
    personId: string,
    role: string,
    schoolId: string | null,
    leftAt?: string,
  ) =>
    db.query(
      `INSERT INTO cohort_membership (cohort_id, person_id, role, school_id, left_at) VALUES ($1, $2, $3, $4, $5)`,
      [cohortId, personId, role, schoolId, leftAt ?? null],
    );
  const round = async (cohortId: string, number: number, opensAt: number) => {
    const [{ id }] = await db.query(
      `INSERT INTO analysis_round (cohort_id, number, title, template_version_id, opens_at, submission_deadline, feedback_deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        cohortId,
        number,
        `Analys ${number}`,
        templateVersion,
        new Date(opensAt),
        new Date(opensAt + 7 * D),
        new Date(opensAt + 14 * D),
      ],
    );
    return id as string;
  };
  const meeting = async (cohortId: string, number: number, startsAt: string) => {
    const [{ id }] = await db.query(
      `INSERT INTO meeting (cohort_id, number, title, starts_at, ends_at, mode)
       VALUES ($1, $2, $3, $4, $5, 'DIGITAL') RETURNING id`,
      [cohortId, number, `Träff ${number}`, new Date(startsAt), new Date(t(startsAt) + 2 * H)],
    );
    return id as string;
  };
  const attend = (meetingId: string, personId: string, status: 'PRESENT' | 'ABSENT', by: string) =>
    db.query(
      `INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id) VALUES ($1, $2, $3, $4)`,
      [meetingId, personId, status, by],
    );
  /** A published analysis (version 1), first published at `at`. */
  const publish = async (cohortId: string, roundId: string, authorId: string, at: number) => {
    const [{ id }] = await db.query(
      `INSERT INTO analysis (round_id, cohort_id, author_id, status, published_version, first_published_at, last_published_at)
       VALUES ($1, $2, $3, 'PUBLISHED', 1, $4, $4) RETURNING id`,
      [roundId, cohortId, authorId, new Date(at)],
    );
    const [{ id: version }] = await db.query(
      `INSERT INTO analysis_version (analysis_id, version, answers, privacy_confirmed_at, published_at)
       VALUES ($1, 1, '[]', $2, $2) RETURNING id`,
      [id, new Date(at)],
    );
    return { id: id as string, version: version as string, at };
  };
  type Published = Awaited<ReturnType<typeof publish>>;
  /** An assignment on the analysis; with `afterHours`, done with feedback that many hours after publication. */
  const assign = async (
    cohortId: string,
    roundId: string,
    a: Published,
    reviewerId: string,
    kind: 'PEER' | 'LEADER',
    afterHours: number | null,
  ) => {
    const done = afterHours === null ? null : new Date(a.at + afterHours * H);
    const [{ id }] = await db.query(
      `INSERT INTO review_assignment (round_id, cohort_id, analysis_id, reviewer_id, kind, source, completed_at)
       VALUES ($1, $2, $3, $4, $5, 'MANUAL', $6) RETURNING id`,
      [roundId, cohortId, a.id, reviewerId, kind, done],
    );
    if (done)
      await db.query(
        `INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps, created_at)
         VALUES ($1, $2, $3, $4, $5, 'Bra.', 'Hur?', 'Vidare.', $6)`,
        [id, a.id, a.version, reviewerId, kind, done],
      );
  };

  // ---- STL Alfa, 2026/27: six rounds all past, four meetings (three held) --------------------
  const alfa = await cohort('STL Alfa', '2026/27', '2026-08-17', '2027-06-11', 0.75);
  await member(alfa, leaderA, 'LEADER', null);
  for (const [p, s] of [
    [P1, ekskolan],
    [P2, ekskolan],
    [P3, bjorkskolan],
    [P4, null],
  ] as const)
    await member(alfa, p, 'PARTICIPANT', s);
  await member(alfa, P5, 'PARTICIPANT', ekskolan, '2026-10-01T00:00:00Z');
  const alfaMeetings = [
    await meeting(alfa, 1, '2026-09-01T10:00:00Z'),
    await meeting(alfa, 2, '2026-10-01T10:00:00Z'),
    await meeting(alfa, 3, '2026-11-01T10:00:00Z'),
    await meeting(alfa, 4, '2027-04-01T10:00:00Z'),
  ];
  const present: [string, number[]][] = [
    [P1, [0, 1, 2]],
    [P2, [0, 1]],
    [P3, [0, 1, 2]],
    [P4, [0, 1, 2]],
    [P5, [0]],
  ];
  for (const [p, held] of present)
    for (let i = 0; i < 3; i++)
      await attend(alfaMeetings[i], p, held.includes(i) ? 'PRESENT' : 'ABSENT', leaderA);
  // Hours to feedback per author and round (null: none yet); reviewer = the next in the ring.
  const peerHours: [string, string, (number | null)[]][] = [
    [P1, P2, [24, 24, 48, 48, 72, 72]],
    [P2, P3, [12, 12, 12, 12, null, null]],
    [P3, P4, [6, 6, 6, 6, 6]],
    [P4, P1, [36, 36, 36, 36, 36, 36]],
  ];
  const leaderHours = new Map<string, (number | null)[]>([
    [P1, [48, 48, 48, 48, 48, 48]],
    [P2, [24, 24, 24, 24, 24, null]],
    [P3, [60, 72, 84, 96, 108]],
    [P4, [48, 48, 48, 48, 48, 48]],
  ]);
  for (let r = 1; r <= 6; r++) {
    const opens = t('2026-08-20T10:00:00Z') + 7 * (r - 1) * D;
    const roundId = await round(alfa, r, opens);
    for (const [author, reviewer, hours] of peerHours) {
      if (r > hours.length) continue; // P3 never published round 6
      const a = await publish(alfa, roundId, author, opens + 6 * D);
      await assign(alfa, roundId, a, reviewer, 'PEER', hours[r - 1]);
      await assign(alfa, roundId, a, leaderA, 'LEADER', leaderHours.get(author)?.[r - 1] ?? null);
    }
    if (r === 1) {
      // Withdrawn: counted nowhere.
      const a = await publish(alfa, roundId, P5, opens + 6 * D);
      await assign(alfa, roundId, a, leaderA, 'LEADER', 5);
    }
  }

  // ---- STL Beta, 2026/27: round 1 past, rounds 2–6 ahead; one of two meetings held ----------
  const beta = await cohort('STL Beta', '2026/27', '2026-08-24', '2027-06-11', 0.75);
  await member(beta, leaderB, 'LEADER', null);
  await member(beta, Q1, 'PARTICIPANT', bjorkskolan);
  await member(beta, Q2, 'PARTICIPANT', ekskolan);
  const betaMeeting = await meeting(beta, 1, '2026-09-10T10:00:00Z');
  await meeting(beta, 2, '2027-03-10T10:00:00Z');
  await attend(betaMeeting, Q1, 'PRESENT', leaderB);
  await attend(betaMeeting, Q2, 'ABSENT', leaderB);
  const betaR1 = await round(beta, 1, t('2026-09-01T10:00:00Z'));
  for (let r = 2; r <= 6; r++) await round(beta, r, t('2027-02-01T10:00:00Z') + 7 * (r - 2) * D);
  const q1 = await publish(beta, betaR1, Q1, t('2026-09-07T10:00:00Z'));
  await assign(beta, betaR1, q1, Q2, 'PEER', null);
  await assign(beta, betaR1, q1, leaderB, 'LEADER', 10);

  // ---- STL Gamma, 2025/26 (led by Lena too): one round, two meetings held ------------------
  const gamma = await cohort('STL Gamma', '2025/26', '2025-08-18', '2026-06-12', 0.5);
  await member(gamma, leaderA, 'LEADER', null);
  await member(gamma, Z1, 'PARTICIPANT', ekskolan);
  await member(gamma, Z2, 'PARTICIPANT', ekskolan);
  const g1 = await meeting(gamma, 1, '2026-02-01T10:00:00Z');
  const g2 = await meeting(gamma, 2, '2026-03-01T10:00:00Z');
  await attend(g1, Z1, 'PRESENT', leaderA);
  await attend(g2, Z1, 'PRESENT', leaderA);
  await attend(g1, Z2, 'PRESENT', leaderA);
  await attend(g2, Z2, 'ABSENT', leaderA);
  const gammaR1 = await round(gamma, 1, t('2026-01-10T10:00:00Z'));
  const z1 = await publish(gamma, gammaR1, Z1, t('2026-01-16T10:00:00Z'));
  const z2 = await publish(gamma, gammaR1, Z2, t('2026-01-16T10:00:00Z'));
  await assign(gamma, gammaR1, z1, Z2, 'PEER', 48);
  await assign(gamma, gammaR1, z2, Z1, 'PEER', 96);
  await assign(gamma, gammaR1, z1, leaderA, 'LEADER', 12);

  return { organisation: org.id, ekskolan, bjorkskolan, alfa, beta, gamma, emails };
}
