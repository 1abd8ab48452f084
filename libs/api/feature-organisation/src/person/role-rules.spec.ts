import { Role } from '@stl/api/data-access-db';
import { distinctGrants, grantSchoolProblem, normaliseEmail, roleRevocationRefusal } from './role-rules';

describe('normaliseEmail', () => {
  it('trims and lower-cases, so the same address always finds the same account', () => {
    expect(normaliseEmail('  Sara.Lindqvist@Larkby.EXAMPLE \t')).toBe('sara.lindqvist@larkby.example');
  });

  it('writes composed and decomposed letters the same way', () => {
    expect(normaliseEmail('Åsa@example.se')).toBe(normaliseEmail('A\u030asa@example.se'));
  });
});

describe('grantSchoolProblem', () => {
  it('requires a school for a school leader and refuses one for every other role', () => {
    expect(grantSchoolProblem(Role.SCHOOL_LEADER, 's1', 'schoolId')).toBeNull();
    expect(grantSchoolProblem(Role.SCHOOL_LEADER, null, 'roles.0.schoolId')).toMatchObject({
      field: 'roles.0.schoolId',
      code: 'SCHOOL_REQUIRED',
    });
    for (const role of [Role.TEACHER, Role.COURSE_LEADER, Role.ADMINISTRATOR]) {
      expect(grantSchoolProblem(role, null, 'schoolId')).toBeNull();
      expect(grantSchoolProblem(role, 's1', 'schoolId')?.code).toBe('SCHOOL_NOT_ALLOWED');
    }
  });
});

describe('roleRevocationRefusal (an organisation keeps an administrator)', () => {
  it('refuses an administrator removing their own administrator role', () => {
    expect(roleRevocationRefusal('p1', 'p1', Role.ADMINISTRATOR)).toMatch(/another administrator/);
  });

  it('allows removing another administrator, or one’s own other roles', () => {
    expect(roleRevocationRefusal('p1', 'p2', Role.ADMINISTRATOR)).toBeNull();
    expect(roleRevocationRefusal('p1', 'p1', Role.COURSE_LEADER)).toBeNull();
  });
});

describe('distinctGrants', () => {
  it('keeps one grant per role and school, treating a missing school as none', () => {
    expect(
      distinctGrants([
        { role: Role.TEACHER },
        { role: Role.TEACHER, schoolId: null },
        { role: Role.SCHOOL_LEADER, schoolId: 'a' },
        { role: Role.SCHOOL_LEADER, schoolId: 'b' },
        { role: Role.SCHOOL_LEADER, schoolId: 'a' },
      ]),
    ).toEqual([
      { role: Role.TEACHER },
      { role: Role.SCHOOL_LEADER, schoolId: 'a' },
      { role: Role.SCHOOL_LEADER, schoolId: 'b' },
    ]);
  });
});
