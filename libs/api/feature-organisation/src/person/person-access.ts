import { Role } from '@stl/api/data-access-db';
import { hasRole, mayRevealEmail, schoolsLedBy } from '@stl/api/feature-auth';
import type { Actor, NamedPerson } from '@stl/api/feature-auth';

/** The parts of a person the visibility rules look at. */
export interface PersonRef {
  id: string;
  /** Null for a platform operator, whom no organisation's people see (ADR 0015). */
  organisationId: string | null;
  schoolId: string | null;
}

/**
 * Whom an actor may list in their organisation. Administrators see everyone; course leaders too,
 * because they enrol participants; school leaders see the people of the schools they lead; anyone
 * else (teachers) may not list people at all.
 */
export type PeopleScope = { kind: 'everyone' } | { kind: 'schools'; schoolIds: string[] } | { kind: 'none' };

export function peopleScope(actor: Actor): PeopleScope {
  if (hasRole(actor, Role.ADMINISTRATOR) || hasRole(actor, Role.COURSE_LEADER)) return { kind: 'everyone' };
  const schoolIds = schoolsLedBy(actor);
  return schoolIds.length ? { kind: 'schools', schoolIds } : { kind: 'none' };
}

/** Everyone sees themself; others as far as their scope reaches, and never across organisations. */
export function canSeePerson(actor: Actor, person: PersonRef): boolean {
  if (person.organisationId !== actor.organisationId) return false;
  if (person.id === actor.personId) return true;
  const scope = peopleScope(actor);
  if (scope.kind === 'everyone') return true;
  return scope.kind === 'schools' && person.schoolId !== null && scope.schoolIds.includes(person.schoolId);
}

/**
 * E-mail addresses: the person, the organisation's administrators and its course leaders; of a
 * person with a protected identity only the person and administrators (ADR 0031).
 */
export function canSeeEmail(actor: Actor, person: PersonRef & NamedPerson): boolean {
  if (person.organisationId !== actor.organisationId) return false;
  if (!mayRevealEmail(actor, person)) return false;
  return (
    person.id === actor.personId || hasRole(actor, Role.ADMINISTRATOR) || hasRole(actor, Role.COURSE_LEADER)
  );
}

/** Whether searching people may match on e-mail: only for those who may read the addresses. */
export function canSearchByEmail(actor: Actor): boolean {
  return hasRole(actor, Role.ADMINISTRATOR) || hasRole(actor, Role.COURSE_LEADER);
}

/** Certifications: the person themself and the organisation's administrators. */
export function canSeeCertifications(actor: Actor, person: PersonRef): boolean {
  if (person.organisationId !== actor.organisationId) return false;
  return person.id === actor.personId || hasRole(actor, Role.ADMINISTRATOR);
}

/** Fields of UpdatePersonInput that a person may change on their own account. */
export const SELF_EDITABLE_FIELDS: ReadonlySet<string> = new Set(['fullName', 'locale']);

/**
 * Why the actor may not make this change to a person they can see, or null when they may.
 * Administrators change anything except their own active flag (a deactivated administrator could
 * leave the organisation without one); everyone changes their own name and language.
 */
export function personUpdateRefusal(
  actor: Actor,
  person: PersonRef,
  changes: { fields: string[]; deactivates: boolean },
): string | null {
  const self = person.id === actor.personId;
  if (person.organisationId !== null && hasRole(actor, Role.ADMINISTRATOR, person.organisationId)) {
    return self && changes.deactivates
      ? 'You cannot deactivate your own account. Ask another administrator to do it.'
      : null;
  }
  if (!self) return 'Only an administrator of the organisation may change other people.';
  const others = changes.fields.filter((f) => !SELF_EDITABLE_FIELDS.has(f));
  return others.length
    ? `You may change your own name and language; ask an administrator to change ${others.join(', ')}.`
    : null;
}
