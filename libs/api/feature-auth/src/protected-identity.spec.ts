import { Role } from '@stl/api/data-access-db';
import {
  displayName,
  includedInExport,
  mayRevealEmail,
  newPseudonym,
  seesRealName,
} from './protected-identity';
import type { NameViewer, NamedPerson } from './protected-identity';

const ORG = 'org-1';
const viewer = (personId: string, ...grants: [Role, string?, string?][]): NameViewer => ({
  personId,
  organisationId: ORG,
  grants: grants.map(([role, schoolId, organisationId]) => ({
    role,
    schoolId: schoolId ?? null,
    organisationId: organisationId ?? ORG,
  })),
});
const sara = (protectedIdentity: boolean): NamedPerson => ({
  id: 'sara',
  organisationId: ORG,
  schoolId: 'ekbacke',
  fullName: 'Sara Lindqvist',
  protectedIdentity,
  pseudonym: protectedIdentity ? 'Deltagare K7M2' : null,
});

const self = viewer('sara', [Role.TEACHER]);
const peer = viewer('ingrid', [Role.TEACHER]);
const admin = viewer('asa', [Role.ADMINISTRATOR]);
const courseLeader = viewer('maria', [Role.COURSE_LEADER]);
const ownRektor = viewer('birgitta', [Role.SCHOOL_LEADER, 'ekbacke']);
const otherRektor = viewer('stefan', [Role.SCHOOL_LEADER, 'solvik']);
const foreignAdmin = { ...viewer('olle', [Role.ADMINISTRATOR, undefined, 'org-2']), organisationId: 'org-2' };
const everyone = { self, peer, admin, courseLeader, ownRektor, otherRektor, foreignAdmin };
const each = <T>(f: (v: NameViewer) => T) =>
  Object.fromEntries(Object.entries(everyone).map(([k, v]) => [k, f(v)]));

describe('protected identity (ADR 0031)', () => {
  it('shows everyone the name of an unprotected person', () => {
    expect(Object.values(each((v) => displayName(v, sara(false))))).toEqual(Array(7).fill('Sara Lindqvist'));
  });

  it('shows the name of a protected person to herself, administrators, course leaders and her own school leader only', () => {
    expect(each((v) => seesRealName(v, sara(true)))).toEqual({
      self: true,
      peer: false,
      admin: true,
      courseLeader: true,
      ownRektor: true,
      otherRektor: false,
      foreignAdmin: false,
    });
    expect(displayName(peer, sara(true))).toBe('Deltagare K7M2');
    expect(displayName(otherRektor, sara(true))).toBe('Deltagare K7M2');
  });

  it('reveals the address and puts her in exports for herself and administrators only', () => {
    const expected = {
      self: true,
      peer: false,
      admin: true,
      courseLeader: false,
      ownRektor: false,
      otherRektor: false,
      foreignAdmin: false,
    };
    expect(each((v) => mayRevealEmail(v, sara(true)))).toEqual(expected);
    expect(each((v) => includedInExport(v, sara(true)))).toEqual(expected);
    expect(Object.values(each((v) => includedInExport(v, sara(false))))).toEqual(Array(7).fill(true));
  });

  it('draws pseudonyms of four unambiguous characters', () => {
    const drawn = new Set(Array.from({ length: 200 }, () => newPseudonym()));
    for (const p of drawn) expect(p).toMatch(/^Deltagare [A-HJKMNP-TV-Z2-9]{4}$/);
    expect(drawn.size).toBeGreaterThan(190);
  });
});
