/**
 * Enrolling a class list: a CSV file (or pasted text) with one e-mail address per row, and
 * optionally a name and a school. The preview says, row by row, what applying it will do, before
 * anything changes. Pure: no Angular.
 */
import { readDelimitedText } from '@stl/shared/domain';
import { isEmailAddress } from '@stl/web/ui';

export interface CsvRow {
  /** 1-based line in the file, as a spreadsheet shows it. */
  line: number;
  email: string;
  name: string;
  school: string;
}

export interface ParsedCsv {
  rows: CsvRow[];
  /** True when the first line named the columns and was skipped. */
  hadHeader: boolean;
}

export type RowOutcome =
  /** A teacher not in the cohort: will be enrolled. */
  | 'ENROL'
  /** Withdrawn earlier: will be enrolled again. */
  | 'REJOIN'
  /** Already a participant: nothing changes. */
  | 'ALREADY_IN'
  /** Not an e-mail address. */
  | 'INVALID_EMAIL'
  /** No active teacher of the organisation has this address. */
  | 'UNKNOWN_EMAIL'
  /** The same address on an earlier row. */
  | 'DUPLICATE';

/** Worth a look, but no reason to stop: the file's name or school differs from the register's. */
export type RowWarning = 'NAME_DIFFERS' | 'SCHOOL_DIFFERS';

export interface TeacherRecord {
  id: string;
  fullName: string;
  email: string | null;
  schoolName: string | null;
}

export interface MembershipRecord {
  personId: string;
  withdrawn: boolean;
}

export interface PreviewRow extends CsvRow {
  outcome: RowOutcome;
  warnings: RowWarning[];
  /** The matched teacher, if any. */
  personId: string | null;
  personName: string | null;
  /** Line of the first row with the same address, for DUPLICATE. */
  firstLine: number | null;
}

export interface ImportPreview {
  rows: PreviewRow[];
  /** Who applying will enrol (ENROL and REJOIN), in file order. */
  toEnrol: string[];
  counts: Record<RowOutcome, number>;
}

const HEADERS = {
  email: ['e-post', 'epost', 'e-postadress', 'email', 'e-mail', 'mail', 'mejl'],
  name: ['namn', 'name', 'fullständigt namn', 'full name'],
  school: ['skola', 'school', 'enhet', 'skolenhet'],
};

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads the text of a CSV file: header optional; without one, the columns are e-mail, name, school. */
export function parseCsv(text: string): ParsedCsv {
  const { rows: table, lines } = readDelimitedText(text);
  let columns = { email: 0, name: 1, school: 2 };
  let hadHeader = false;
  const rows: CsvRow[] = [];
  table.forEach((fields, index) => {
    if (!hadHeader && rows.length === 0 && !fields.some((f) => f.includes('@'))) {
      const find = (names: string[]) => fields.findIndex((f) => names.includes(normal(f)));
      const email = find(HEADERS.email);
      if (email >= 0) {
        columns = { email, name: find(HEADERS.name), school: find(HEADERS.school) };
        hadHeader = true;
        return;
      }
    }
    const at = (i: number) => (i >= 0 ? (fields[i] ?? '') : '');
    rows.push({
      line: lines[index],
      email: at(columns.email),
      name: at(columns.name),
      school: at(columns.school),
    });
  });
  return { rows, hadHeader };
}

/** What importing the rows would do, given the organisation's teachers and the cohort's members. */
export function previewImport(
  rows: readonly CsvRow[],
  teachers: readonly TeacherRecord[],
  memberships: readonly MembershipRecord[],
): ImportPreview {
  const byEmail = new Map(teachers.filter((t) => t.email).map((t) => [normal(t.email as string), t]));
  const membership = new Map(memberships.map((m) => [m.personId, m]));
  const seen = new Map<string, number>();
  const counts: Record<RowOutcome, number> = {
    ENROL: 0,
    REJOIN: 0,
    ALREADY_IN: 0,
    INVALID_EMAIL: 0,
    UNKNOWN_EMAIL: 0,
    DUPLICATE: 0,
  };
  const toEnrol: string[] = [];
  const result = rows.map((row): PreviewRow => {
    const email = normal(row.email);
    const base = { ...row, warnings: [] as RowWarning[], personId: null, personName: null, firstLine: null };
    let preview: PreviewRow;
    if (!isEmailAddress(email)) preview = { ...base, outcome: 'INVALID_EMAIL' };
    else if (seen.has(email)) preview = { ...base, outcome: 'DUPLICATE', firstLine: seen.get(email) ?? null };
    else {
      seen.set(email, row.line);
      const teacher = byEmail.get(email);
      if (!teacher) preview = { ...base, outcome: 'UNKNOWN_EMAIL' };
      else {
        const member = membership.get(teacher.id);
        const outcome: RowOutcome = !member ? 'ENROL' : member.withdrawn ? 'REJOIN' : 'ALREADY_IN';
        const warnings: RowWarning[] = [];
        if (row.name && normal(row.name) !== normal(teacher.fullName)) warnings.push('NAME_DIFFERS');
        if (row.school && normal(row.school) !== normal(teacher.schoolName ?? ''))
          warnings.push('SCHOOL_DIFFERS');
        preview = { ...base, outcome, warnings, personId: teacher.id, personName: teacher.fullName };
        if (outcome !== 'ALREADY_IN') toEnrol.push(teacher.id);
      }
    }
    counts[preview.outcome]++;
    return preview;
  });
  return { rows: result, toEnrol, counts };
}
