import { Locale, Role } from '@stl/api/data-access-db';
import type { Actor, ActorGrant } from '@stl/api/feature-auth';
import {
  canSearchByEmail,
  canSeeCertifications,
  canSeeEmail,
  canSeePerson,
  peopleScope,
  personUpdateRefusal,
} from './person-access';

const ORG = 'org-1';
const actor = (personId: string, ...grants: [Role, string?][]): Actor => ({
  personId,
  organisationId: ORG,
  schoolId: null,
  locale: Locale.sv,
  sessionId: 's',
  grants: grants.map(([role, schoolId]): ActorGrant => ({
    role,
    organisationId: ORG,
    schoolId: schoolId ?? null,
  })),
});
const person = (
  id: string,
  schoolId: string | null = 'school-a',
  organisationId = ORG,
  protectedIdentity = false,
) => ({
  id,
  organisationId,
  schoolId,
  fullName: `Name of ${id}`,
  protectedIdentity,
  pseudonym: protectedIdentity ? 'Deltagare K7M2' : null,
});

const admin = actor('admin', [Role.ADMINISTRATOR]);
const leader = actor('leader', [Role.COURSE_LEADER]);
const rektor = actor('rektor', [Role.SCHOOL_LEADER, 'school-a']);
const teacher = actor('teacher', [Role.TEACHER]);

describe('who sees whom', () => {
  it('scopes listing by role; a teacher may not list, a school leader of two schools sees both', () => {
    expect(peopleScope(admin)).toEqual({ kind: 'everyone' });
    expect(peopleScope(leader)).toEqual({ kind: 'everyone' });
    expect(peopleScope(teacher)).toEqual({ kind: 'none' });
    const twoSchools = actor('r2', [Role.SCHOOL_LEADER, 'a'], [Role.SCHOOL_LEADER, 'b'], [Role.TEACHER]);
    expect(peopleScope(twoSchools)).toEqual({ kind: 'schools', schoolIds: ['a', 'b'] });
  });

  it('lets a school leader see people of their school only, and nobody see another organisation', () => {
    expect(canSeePerson(rektor, person('t1', 'school-a'))).toBe(true);
    expect(canSeePerson(rektor, person('t2', 'school-b'))).toBe(false);
    expect(canSeePerson(rektor, person('t3', null))).toBe(false);
    expect(canSeePerson(admin, person('x', 'school-a', 'org-2'))).toBe(false);
    expect(canSeePerson(teacher, person('teacher', null))).toBe(true);
    expect(canSeePerson(teacher, person('other'))).toBe(false);
  });

  it('shows e-mail to self, administrators and course leaders; certifications to self and administrators', () => {
    const sara = person('sara');
    expect([admin, leader, rektor, teacher].map((a) => canSeeEmail(a, sara))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(canSeeEmail(teacher, person('teacher'))).toBe(true);
    expect(canSeeEmail(admin, person('sara', 'school-a', 'org-2'))).toBe(false);
    // A protected identity (ADR 0031): the person and administrators only.
    const hidden = person('sara', 'school-a', ORG, true);
    expect([admin, leader, rektor, teacher].map((a) => canSeeEmail(a, hidden))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(canSeeEmail(actor('sara', [Role.TEACHER]), hidden)).toBe(true);
    expect([admin, leader, rektor, teacher].map((a) => canSeeCertifications(a, sara))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(canSeeCertifications(leader, person('leader'))).toBe(true);
    expect([admin, leader, rektor, teacher].map(canSearchByEmail)).toEqual([true, true, false, false]);
  });
});

describe('personUpdateRefusal', () => {
  it('lets anyone change their own name and language, nothing else', () => {
    const me = person('teacher');
    expect(
      personUpdateRefusal(teacher, me, { fields: ['fullName', 'locale'], deactivates: false }),
    ).toBeNull();
    expect(
      personUpdateRefusal(teacher, me, { fields: ['fullName', 'schoolId'], deactivates: false }),
    ).toMatch(/ask an administrator to change schoolId/);
  });

  it('refuses non-administrators changing others, even school leaders of their school', () => {
    expect(personUpdateRefusal(rektor, person('t1'), { fields: ['fullName'], deactivates: false })).toMatch(
      /Only an administrator/,
    );
  });

  it('lets an administrator change anything except deactivating themself', () => {
    expect(personUpdateRefusal(admin, person('t1'), { fields: ['active'], deactivates: true })).toBeNull();
    expect(
      personUpdateRefusal(admin, person('admin'), { fields: ['schoolId'], deactivates: false }),
    ).toBeNull();
    expect(personUpdateRefusal(admin, person('admin'), { fields: ['active'], deactivates: true })).toMatch(
      /cannot deactivate your own account/,
    );
  });
});
