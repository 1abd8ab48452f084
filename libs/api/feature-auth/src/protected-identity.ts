import { randomInt } from 'node:crypto';
import { Role } from '@stl/api/data-access-db';
import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

/**
 * Skyddade personuppgifter (ADR 0031): the one place that decides what name and e-mail address of a
 * person someone else gets to see, on screen (GraphQL), in mail and in exports. Every caller passes
 * the viewer (the signed-in actor, or a mail's recipient) and the person; nothing else reads
 * `protectedIdentity`.
 */

/** Who is looking: the signed-in actor, or the recipient of a mail (loaded by `nameViewer`). */
export type NameViewer = Pick<Actor, 'personId' | 'organisationId' | 'grants'>;

/** The parts of a person the rule looks at. */
export interface NamedPerson {
  id: string;
  organisationId: string | null;
  schoolId: string | null;
  fullName: string;
  protectedIdentity: boolean;
  pseudonym: string | null;
}

/**
 * Whether the viewer sees the person's real name: always for an unprotected person; for a protected
 * one only the person, their organisation's administrators and course leaders (who enrol people and
 * run the course) and the school leaders of the person's own school. Peers and school leaders of
 * other schools see the pseudonym.
 */
export function seesRealName(viewer: NameViewer, person: NamedPerson): boolean {
  if (!person.protectedIdentity) return true;
  if (person.id === viewer.personId) return true;
  const org = person.organisationId;
  if (org === null || org !== viewer.organisationId) return false;
  return viewer.grants.some(
    (g) =>
      g.organisationId === org &&
      (g.role === Role.ADMINISTRATOR ||
        g.role === Role.COURSE_LEADER ||
        (g.role === Role.SCHOOL_LEADER && g.schoolId !== null && g.schoolId === person.schoolId)),
  );
}

/** The name the viewer is shown: the real one, or the stable pseudonym. */
export function displayName(viewer: NameViewer, person: NamedPerson): string {
  return seesRealName(viewer, person) ? person.fullName : (person.pseudonym ?? PSEUDONYM_FALLBACK);
}

/** Never shown in practice: the database refuses a protected person without a pseudonym. */
const PSEUDONYM_FALLBACK = 'Deltagare';

/** Administrators of the person's organisation (never the rest of the organisation). */
export function administersPersonOf(
  viewer: NameViewer,
  person: Pick<NamedPerson, 'organisationId'>,
): boolean {
  return (
    person.organisationId !== null &&
    viewer.grants.some((g) => g.role === Role.ADMINISTRATOR && g.organisationId === person.organisationId)
  );
}

/**
 * Whether the protected-identity rule lets the viewer have the person's e-mail address: for a
 * protected person only the person and administrators. (Who may see addresses at all is decided by
 * the caller's own rule; this only narrows it.)
 */
export function mayRevealEmail(viewer: NameViewer, person: NamedPerson): boolean {
  return !person.protectedIdentity || person.id === viewer.personId || administersPersonOf(viewer, person);
}

/** Exports travel beyond the platform: a protected person is in them for administrators only. */
export function includedInExport(viewer: NameViewer, person: NamedPerson): boolean {
  // The same people as for the address: a file is forwarded, so no more than the address rule.
  return mayRevealEmail(viewer, person);
}

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, U). */
const PSEUDONYM_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** A fresh candidate pseudonym, e.g. "Deltagare K7M2"; the caller makes sure it is unused. */
export function newPseudonym(): string {
  let code = '';
  for (let i = 0; i < 4; i++) code += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)];
  return `Deltagare ${code}`;
}

interface PersonRow {
  id: string;
  organisation_id: string | null;
  school_id: string | null;
  full_name: string;
  protected_identity: boolean;
  pseudonym: string | null;
}

/** Who sees what name in mail: `name(recipientId, personId)` is what that recipient may be shown. */
export type NameBook = (recipientId: string, personId: string) => string;

/**
 * The names of some people as some mail recipients may see them, read in the caller's transaction
 * with two queries: what every mail that names someone other than its recipient goes through.
 */
export async function nameBook(
  manager: EntityManager,
  recipientIds: Iterable<string>,
  personIds: Iterable<string>,
): Promise<NameBook> {
  const recipients = [...new Set(recipientIds)];
  const ids = [...new Set(personIds)];
  const people: PersonRow[] = ids.length
    ? await manager.query(
        `SELECT id, organisation_id, school_id, full_name, protected_identity, pseudonym
           FROM person WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const viewers = new Map<string, NameViewer>();
  if (people.some((p) => p.protected_identity) && recipients.length) {
    const rows: {
      id: string;
      organisation_id: string | null;
      role: Role | null;
      grant_org: string | null;
      school_id: string | null;
    }[] = await manager.query(
      `SELECT p.id, p.organisation_id, g.role, g.organisation_id AS grant_org, g.school_id
           FROM person p LEFT JOIN role_grant g ON g.person_id = p.id
          WHERE p.id = ANY($1::uuid[])`,
      [recipients],
    );
    for (const r of rows) {
      const viewer = viewers.get(r.id) ?? {
        personId: r.id,
        organisationId: r.organisation_id ?? '',
        grants: [],
      };
      if (r.role !== null && r.grant_org !== null) {
        viewer.grants.push({ role: r.role, organisationId: r.grant_org, schoolId: r.school_id });
      }
      viewers.set(r.id, viewer);
    }
  }
  return (recipientId, personId) => {
    const p = byId.get(personId);
    if (!p) return '';
    const person: NamedPerson = {
      id: p.id,
      organisationId: p.organisation_id,
      schoolId: p.school_id,
      fullName: p.full_name,
      protectedIdentity: p.protected_identity,
      pseudonym: p.pseudonym,
    };
    // A recipient not found is nobody in particular: the pseudonym is what they may see.
    const viewer = viewers.get(recipientId) ?? { personId: recipientId, organisationId: '', grants: [] };
    return displayName(viewer, person);
  };
}
