import { Role } from '@stl/api/data-access-db';
import type { FieldProblem } from '@stl/api/util-errors';

/** E-mail addresses are sign-in names: stored trimmed, lower-cased and in one Unicode form. */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/**
 * A SCHOOL_LEADER grant names the school led; no other role is tied to a school (a teacher's school
 * is their home school on the person). Returns the problem with `field`, or null.
 */
export function grantSchoolProblem(role: Role, schoolId: string | null, field: string): FieldProblem | null {
  if (role === Role.SCHOOL_LEADER && !schoolId) {
    return { field, code: 'SCHOOL_REQUIRED', message: 'A school leader role needs the school they lead.' };
  }
  if (role !== Role.SCHOOL_LEADER && schoolId) {
    return {
      field,
      code: 'SCHOOL_NOT_ALLOWED',
      message: `Only a school leader role names a school; leave the school out for ${role}.`,
    };
  }
  return null;
}

/**
 * An administrator may not remove their own ADMINISTRATOR grant (a person holds at most one per
 * organisation, so it is always their last). Another administrator must do it, which also means an
 * organisation can never be left without an administrator through this API.
 */
export function roleRevocationRefusal(actorPersonId: string, personId: string, role: Role): string | null {
  return actorPersonId === personId && role === Role.ADMINISTRATOR
    ? 'You cannot remove your own administrator role: the organisation could be left without one. Ask another administrator to do it.'
    : null;
}

/** One grant per role and school; later duplicates in a request are dropped. */
export function distinctGrants<T extends { role: Role; schoolId?: string | null }>(grants: T[]): T[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.role}:${g.schoolId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
