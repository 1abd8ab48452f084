import type { GqlError } from './support/gql-client';
import type { TestApi } from './support/test-api';
import type { DataSource } from 'typeorm';
import { DEMO_DOMAIN, DEMO_IDS } from '@stl/api/data-access-db';

/** Demo people by e-mail, for readable tests. */
export const LARKBY = {
  organisation: DEMO_IDS.organisation,
  admin: `admin@${DEMO_DOMAIN}`,
  maria: `maria.berg@${DEMO_DOMAIN}`,
  karin: `karin.sjo@${DEMO_DOMAIN}`,
  rektorEkbacke: `rektor.ekbacke@${DEMO_DOMAIN}`,
  sara: `sara.lindqvist@${DEMO_DOMAIN}`,
  ids: {
    admin: DEMO_IDS.person(1),
    maria: DEMO_IDS.person(2),
    johan: DEMO_IDS.person(3),
    karin: DEMO_IDS.person(4),
    rektorEkbacke: DEMO_IDS.person(10),
    /** Sara Lindqvist, teacher at Ekbackeskolan. */
    sara: DEMO_IDS.person(100),
    /** Erik Johansson, teacher at Ekbackeskolan. */
    erik: DEMO_IDS.person(101),
    /** Ingrid Svensson, teacher at Solviksskolan. */
    ingrid: DEMO_IDS.person(106),
    ekbacke: DEMO_IDS.school(1),
    solvik: DEMO_IDS.school(2),
    mariaCert: DEMO_IDS.certification(2),
    johanCert: DEMO_IDS.certification(3),
    karinCert: DEMO_IDS.certification(4),
  },
} as const;

/** An id nobody has. */
export const UNKNOWN_ID = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';

const TABLES = ['organisation', 'school', 'person', 'role_grant', 'certification'] as const;

/**
 * The row count and a digest of the full contents of every table this feature writes, so a test
 * can show that a refused mutation changed nothing at all.
 */
export async function snapshot(db: DataSource): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') AS digest FROM "${table}" t`,
    );
    out[table] = `${row.n}:${row.digest}`;
  }
  return out;
}

export interface OtherOrganisation {
  organisation: string;
  school: string;
  admin: string;
  adminEmail: string;
  teacher: string;
}

/**
 * A second organisation with a school, an administrator and a teacher, written straight into the
 * database. Its people share the demo password (the hash is copied from Lärkby's administrator).
 */
export async function createOtherOrganisation(db: DataSource): Promise<OtherOrganisation> {
  const [org] = await db.query(
    `INSERT INTO organisation (name, slug) VALUES ('Norrby kommun', 'norrby') RETURNING id`,
  );
  const [school] = await db.query(
    `INSERT INTO school (organisation_id, name, unit_code) VALUES ($1, 'Norrbyskolan', '11223344') RETURNING id`,
    [org.id],
  );
  const person = async (email: string, fullName: string, role: string) => {
    const [p] = await db.query(
      `INSERT INTO person (organisation_id, email, full_name, school_id, password_hash)
       SELECT $1, $2, $3, $4, password_hash FROM person WHERE id = $5 RETURNING id`,
      [org.id, email, fullName, school.id, LARKBY.ids.admin],
    );
    await db.query(`INSERT INTO role_grant (person_id, role, organisation_id) VALUES ($1, $2, $3)`, [
      p.id,
      role,
      org.id,
    ]);
    return p.id as string;
  };
  const adminEmail = 'admin@norrby.example';
  return {
    organisation: org.id,
    school: school.id,
    admin: await person(adminEmail, 'Nora Norr', 'ADMINISTRATOR'),
    adminEmail,
    teacher: await person('larare@norrby.example', 'Tore Norr', 'TEACHER'),
  };
}

/** Runs a request that must be refused and shows that no row of the feature's tables changed. */
export async function refused(
  api: TestApi,
  email: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GqlError | undefined> {
  const before = await snapshot(api.db);
  const c = await api.signedIn(email);
  const r = await c.request(query, variables);
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(await snapshot(api.db)).toEqual(before);
  return r.errors?.[0];
}
