import type { Locale, Role } from '@stl/api/data-access-db';

export interface ActorGrant {
  role: Role;
  organisationId: string;
  schoolId: string | null;
}

/** The signed-in person behind a request, with their organisation roles. */
export interface Actor {
  personId: string;
  organisationId: string;
  schoolId: string | null;
  locale: Locale;
  sessionId: string;
  grants: ActorGrant[];
}

export function hasRole(actor: Actor, role: Role, organisationId = actor.organisationId): boolean {
  return actor.grants.some((g) => g.role === role && g.organisationId === organisationId);
}

export function schoolsLedBy(actor: Actor): string[] {
  return actor.grants
    .filter((g) => g.role === 'SCHOOL_LEADER' && g.schoolId)
    .map((g) => g.schoolId as string);
}

/**
 * A signed-in platform operator (ADR 0015): runs the service, manages organisations and their
 * administrators, belongs to no organisation and never reaches course content. Kept apart from
 * `Actor`, so no organisation-level rule can mistake an operator for a member.
 */
export interface OperatorActor {
  personId: string;
  locale: Locale;
  sessionId: string;
}

/** Whoever a session belongs to: a member of an organisation, or a platform operator. */
export type SessionHolder = { actor: Actor; operator: null } | { actor: null; operator: OperatorActor };
