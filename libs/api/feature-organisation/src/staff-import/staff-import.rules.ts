import { Role } from '@stl/api/data-access-db';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { normaliseEmail } from '../person/role-rules';
import { emailProblem, nameProblem } from '../platform/onboarding-rules';
import type { StaffTable } from './staff-file';

/** What applying a row would do. */
export enum StaffImportOutcome {
  NEW = 'NEW',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  ERROR = 'ERROR',
}

/** Column names accepted in the first row, Swedish and English, compared lower-cased. */
const HEADERS = {
  name: ['namn', 'name', 'fullständigt namn', 'full name', 'för- och efternamn'],
  email: ['e-post', 'epost', 'e-postadress', 'email', 'e-mail', 'e-mail address', 'mail', 'mejl'],
  school: ['skola', 'school', 'skolenhet', 'enhet'],
  roles: ['roller', 'roll', 'roles', 'role'],
} as const;
type Column = keyof typeof HEADERS;

/** Role names accepted in the roles cell, Swedish and English, compared lower-cased. */
const ROLE_WORDS: Record<string, Role> = {
  lärare: Role.TEACHER,
  teacher: Role.TEACHER,
  rektor: Role.SCHOOL_LEADER,
  skolledare: Role.SCHOOL_LEADER,
  'school leader': Role.SCHOOL_LEADER,
  principal: Role.SCHOOL_LEADER,
  kursledare: Role.COURSE_LEADER,
  'course leader': Role.COURSE_LEADER,
  administratör: Role.ADMINISTRATOR,
  administrator: Role.ADMINISTRATOR,
  admin: Role.ADMINISTRATOR,
};
for (const role of Object.values(Role)) ROLE_WORDS[role.toLowerCase()] = role;

const normal = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/_/g, ' ');

export interface ImportGrant {
  role: Role;
  schoolId: string | null;
}

/** A person already on the platform with an address in the file. */
export interface KnownPerson {
  id: string;
  email: string;
  fullName: string;
  organisationId: string | null;
  schoolId: string | null;
  grants: ImportGrant[];
}

export interface KnownSchool {
  id: string;
  name: string;
  unitCode: string | null;
}

export interface StaffImportChange {
  field: 'fullName' | 'school';
  from: string | null;
  to: string;
}

export interface PlannedRow {
  line: number;
  name: string;
  email: string;
  school: string;
  roles: string;
  outcome: StaffImportOutcome;
  personId: string | null;
  changes: StaffImportChange[];
  rolesAdded: Role[];
  /** Roles the person holds that the file does not name: kept, never removed by an import. */
  rolesKept: Role[];
  problems: FieldProblem[];
  /** What to write (for NEW and UPDATE). */
  write: { fullName: string; email: string; schoolId: string | null; grants: ImportGrant[] } | null;
}

/** The column of each known name in the header row; name and e-mail are required. */
export function staffColumns(header: readonly string[]): Record<Column, number> {
  const find = (c: Column) => header.findIndex((h) => (HEADERS[c] as readonly string[]).includes(normal(h)));
  const columns = { name: find('name'), email: find('email'), school: find('school'), roles: find('roles') };
  const missing = (['name', 'email', 'roles'] as const).filter((c) => columns[c] < 0);
  if (missing.length) {
    const message = `The first row must name the columns: name (namn), e-mail (e-post), school (skola) and roles (roller). Missing: ${missing.join(', ')}.`;
    throw new BadInputError(message, [{ field: 'file', code: 'COLUMNS_MISSING', message }]);
  }
  return columns;
}

/** The roles named in a cell ("Lärare, Rektor"), or the words not understood. */
export function parseRoles(cell: string): { roles: Role[]; unknown: string[] } {
  const words = cell
    .split(/[,;|/+]/)
    .map(normal)
    .filter((w) => w);
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const role = ROLE_WORDS[w];
    if (!role) unknown.push(w);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

const sameGrant = (a: ImportGrant, b: ImportGrant) =>
  a.role === b.role && (a.schoolId ?? null) === (b.schoolId ?? null);

/**
 * What importing the table into the organisation would do, row by row. People are matched by
 * e-mail address (case-insensitive). A matched person's name and school are updated, roles are
 * added, never removed; an empty school cell changes nothing. Pure: the caller loads the schools
 * and the people with the file's addresses.
 */
export function planStaffImport(
  table: StaffTable,
  organisationId: string,
  schools: readonly KnownSchool[],
  people: ReadonlyMap<string, KnownPerson>,
): PlannedRow[] {
  const columns = staffColumns(table.rows[0]);
  const schoolByKey = new Map<string, KnownSchool>();
  for (const s of schools) {
    schoolByKey.set(normal(s.name), s);
    if (s.unitCode) schoolByKey.set(normal(s.unitCode), s);
  }
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const firstLineOf = new Map<string, number>();
  return table.rows.slice(1).map((cells, i): PlannedRow => {
    const line = table.lines[i + 1];
    const at = (c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
    const name = at(columns.name).replace(/\s+/g, ' ');
    const rawEmail = at(columns.email);
    const email = normaliseEmail(rawEmail);
    const school = at(columns.school);
    const rolesCell = at(columns.roles);
    const problems: FieldProblem[] = [];
    const named = nameProblem('name', name, 'full name');
    if (named) problems.push(named);
    const badEmail = emailProblem('email', rawEmail);
    if (badEmail) problems.push(badEmail);
    else if (firstLineOf.has(email)) {
      problems.push({
        field: 'email',
        code: 'DUPLICATE_IN_FILE',
        message: `The same address is on line ${firstLineOf.get(email)}.`,
      });
    } else firstLineOf.set(email, line);
    const found = school ? schoolByKey.get(normal(school)) : undefined;
    if (school && !found) {
      problems.push({
        field: 'school',
        code: 'UNKNOWN_SCHOOL',
        message: `No school of the organisation is called "${school}".`,
      });
    }
    const { roles, unknown } = parseRoles(rolesCell);
    if (unknown.length) {
      problems.push({
        field: 'roles',
        code: 'UNKNOWN_ROLE',
        message: `Unknown role: ${unknown.join(', ')}. Use lärare, rektor, kursledare or administratör.`,
      });
    }
    if (roles.includes(Role.SCHOOL_LEADER) && !school) {
      problems.push({
        field: 'school',
        code: 'SCHOOL_REQUIRED',
        message: 'A school leader (rektor) needs the school they lead.',
      });
    }
    const person = badEmail ? undefined : people.get(email);
    if (person && person.organisationId !== organisationId) {
      problems.push({
        field: 'email',
        code: 'EMAIL_TAKEN',
        message: 'Someone outside this organisation already signs in with this address.',
      });
    }
    if (!person && !roles.length && !unknown.length) {
      problems.push({
        field: 'roles',
        code: 'ROLE_MISSING',
        message: 'Give a new person at least one role.',
      });
    }
    const base = { line, name, email: badEmail ? rawEmail : email, school, roles: rolesCell };
    if (problems.length) {
      return {
        ...base,
        outcome: StaffImportOutcome.ERROR,
        personId: person?.id ?? null,
        changes: [],
        rolesAdded: [],
        rolesKept: [],
        problems,
        write: null,
      };
    }
    const schoolId = found?.id ?? null;
    const grants = roles.map((role) => ({ role, schoolId: role === Role.SCHOOL_LEADER ? schoolId : null }));
    if (!person) {
      return {
        ...base,
        outcome: StaffImportOutcome.NEW,
        personId: null,
        changes: [],
        rolesAdded: roles,
        rolesKept: [],
        problems: [],
        write: { fullName: name, email, schoolId, grants },
      };
    }
    const changes: StaffImportChange[] = [];
    if (name !== person.fullName) changes.push({ field: 'fullName', from: person.fullName, to: name });
    if (schoolId && schoolId !== person.schoolId) {
      changes.push({
        field: 'school',
        from: person.schoolId ? (schoolName.get(person.schoolId) ?? null) : null,
        to: found?.name ?? school,
      });
    }
    const added = grants.filter((g) => !person.grants.some((h) => sameGrant(g, h)));
    const kept = [
      ...new Set(person.grants.filter((h) => !grants.some((g) => sameGrant(g, h))).map((h) => h.role)),
    ];
    const outcome = changes.length || added.length ? StaffImportOutcome.UPDATE : StaffImportOutcome.UNCHANGED;
    return {
      ...base,
      outcome,
      personId: person.id,
      changes,
      rolesAdded: [...new Set(added.map((g) => g.role))],
      rolesKept: kept,
      problems: [],
      write:
        outcome === StaffImportOutcome.UPDATE
          ? { fullName: name, email, schoolId: schoolId ?? person.schoolId, grants: added }
          : null,
    };
  });
}
