import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEMO_IDS, DEMO_PASSWORD } from '@stl/api/data-access-db';

/** Demo people used by the cohort tests (all sign in with the demo password). */
export const ADMIN = 'admin@larkby.example';
export const MARIA = 'maria.berg@larkby.example'; // course leader, valid certification, leads the seeded cohort
export const JOHAN = 'johan.ek@larkby.example'; // course leader, co-leads the seeded cohort
export const KARIN = 'karin.sjo@larkby.example'; // course leader whose certification expired in 2024
export const SARA = 'sara.lindqvist@larkby.example'; // teacher at Ekbackeskolan, participant
export const INGRID = 'ingrid.svensson@larkby.example'; // teacher at Solviksskolan, participant
export const REKTOR_EKBACKE = 'rektor.ekbacke@larkby.example'; // school leader of Ekbackeskolan

export const ORG = DEMO_IDS.organisation;
export const SEEDED = DEMO_IDS.cohort;
export const EKBACKE = DEMO_IDS.school(1);
export const MARIA_ID = DEMO_IDS.person(2);
export const JOHAN_ID = DEMO_IDS.person(3);
export const KARIN_ID = DEMO_IDS.person(4);
/** Demo teachers are persons 100–123; 100–105 teach at Ekbackeskolan, 106–111 at Solviksskolan. */
export const TEACHER = (n: number) => DEMO_IDS.person(100 + n);

let passwordHash: Promise<string> | null = null;

/** A person who signs in with the demo password, with organisation roles, made behind the API. */
export async function addPerson(
  db: DataSource,
  p: {
    organisationId: string;
    email: string;
    fullName: string;
    schoolId?: string | null;
    roles: string[];
    certification?: { issuedOn: string; validUntil: string };
  },
): Promise<string> {
  passwordHash ??= hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 });
  const id = randomUUID();
  await db.query(
    `INSERT INTO person (id, organisation_id, email, full_name, school_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, p.organisationId, p.email, p.fullName, p.schoolId ?? null, await passwordHash],
  );
  for (const role of p.roles) {
    await db.query(`INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, $2, $3)`, [
      id,
      role,
      p.organisationId,
    ]);
  }
  if (p.certification) {
    await db.query(
      `INSERT INTO certification (person_id, issued_on, valid_until, issuer) VALUES ($1, $2, $3, 'STL-utbildarnätverket')`,
      [id, p.certification.issuedOn, p.certification.validUntil],
    );
  }
  return id;
}

/** Another school authority with one school, made behind the API. */
export async function addOrganisation(db: DataSource, name: string, slug: string) {
  const [org] = await db.query(`INSERT INTO organisation (name, slug) VALUES ($1, $2) RETURNING id`, [
    name,
    slug,
  ]);
  const [school] = await db.query(
    `INSERT INTO school (organisation_id, name) VALUES ($1, 'Centralskolan') RETURNING id`,
    [org.id],
  );
  return { id: org.id as string, schoolId: school.id as string };
}

/** Row counts of the tables the cohort features write, to show that a refused request wrote nothing. */
export async function rowCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = [
    'cohort',
    'cohort_membership',
    'meeting',
    'attendance',
    'analysis_round',
    'analysis_template',
    'analysis_template_version',
    'template_section',
  ];
  const [row] = await db.query(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`,
  );
  return row;
}

/** Stockholm time in winter (UTC+1) as an ISO instant. */
export const at = (date: string, time = '13:00') => new Date(`${date}T${time}:00+01:00`).toISOString();

/** The n-th meeting of a test cohort running 2026-08-17 to 2027-06-11: one a fortnight from September. */
export function meetingInput(n: number, overrides: Record<string, unknown> = {}) {
  const day = new Date(Date.UTC(2026, 8, 1 + 14 * (n - 1)));
  const date = day.toISOString().slice(0, 10);
  return {
    title: `Träff ${n}`,
    startsAt: at(date, '13:00'),
    endsAt: at(date, '16:00'),
    mode: n % 2 ? 'PHYSICAL' : 'DIGITAL',
    location: n % 2 ? 'Lärkby utbildningscenter' : null,
    videoUrl: n % 2 ? null : 'https://meet.larkby.example/stl',
    ...overrides,
  };
}

/** The n-th round: opens after meeting n, closes for submissions 7 days later, for feedback 12 days later. */
export function roundInput(n: number, templateVersionId: string, overrides: Record<string, unknown> = {}) {
  const opens = new Date(Date.UTC(2026, 8, 1 + 14 * (n - 1), 16));
  const plus = (days: number) => new Date(opens.getTime() + days * 86_400_000).toISOString();
  return {
    title: `Analys ${n}`,
    templateVersionId,
    opensAt: opens.toISOString(),
    submissionDeadline: plus(7),
    feedbackDeadline: plus(12),
    ...overrides,
  };
}
