import { parseCsv, previewImport } from './csv-import';

const TEACHERS = [
  { id: 'p1', fullName: 'Sara Lindqvist', email: 'sara.lindqvist@larkby.se', schoolName: 'Ekbackeskolan' },
  { id: 'p2', fullName: 'Erik Johansson', email: 'erik.johansson@larkby.se', schoolName: 'Ekbackeskolan' },
  { id: 'p3', fullName: 'Ingrid Svensson', email: 'ingrid.svensson@larkby.se', schoolName: 'Solviksskolan' },
];

describe('CSV import of participants', () => {
  it('reads semicolon files with a Swedish header and quoted fields', () => {
    const csv =
      '\uFEFFNamn;E-post;Skola\r\n"Lindqvist, Sara";Sara.Lindqvist@larkby.se;Ekbackeskolan\r\n\r\n;erik.johansson@larkby.se;\r\n';
    expect(parseCsv(csv)).toEqual({
      hadHeader: true,
      rows: [
        { line: 2, email: 'Sara.Lindqvist@larkby.se', name: 'Lindqvist, Sara', school: 'Ekbackeskolan' },
        { line: 4, email: 'erik.johansson@larkby.se', name: '', school: '' },
      ],
    });
  });

  it('reads a bare list of addresses, one per line, and comma files without a header', () => {
    expect(parseCsv('a@x.se\nb@x.se').rows.map((r) => r.email)).toEqual(['a@x.se', 'b@x.se']);
    expect(parseCsv('a@x.se,Anna A,Skolan').rows[0]).toEqual({
      line: 1,
      email: 'a@x.se',
      name: 'Anna A',
      school: 'Skolan',
    });
  });

  it('says for every row what will happen, before anything changes', () => {
    const { rows } = parseCsv(
      [
        'sara.lindqvist@larkby.se;Sara Lindqvist',
        'ERIK.JOHANSSON@larkby.se;Erik J;Solviksskolan',
        'ingrid.svensson@larkby.se',
        'nobody@larkby.se',
        'not an address',
        'sara.lindqvist@larkby.se',
      ].join('\n'),
    );
    const preview = previewImport(rows, TEACHERS, [
      { personId: 'p1', withdrawn: false },
      { personId: 'p3', withdrawn: true },
    ]);
    expect(preview.rows.map((r) => [r.line, r.outcome])).toEqual([
      [1, 'ALREADY_IN'],
      [2, 'ENROL'],
      [3, 'REJOIN'],
      [4, 'UNKNOWN_EMAIL'],
      [5, 'INVALID_EMAIL'],
      [6, 'DUPLICATE'],
    ]);
    expect(preview.rows[1].warnings).toEqual(['NAME_DIFFERS', 'SCHOOL_DIFFERS']);
    expect(preview.rows[1].personName).toBe('Erik Johansson');
    expect(preview.rows[5].firstLine).toBe(1);
    expect(preview.toEnrol).toEqual(['p2', 'p3']);
    expect(preview.counts).toEqual({
      ENROL: 1,
      REJOIN: 1,
      ALREADY_IN: 1,
      INVALID_EMAIL: 1,
      UNKNOWN_EMAIL: 1,
      DUPLICATE: 1,
    });
  });
});
