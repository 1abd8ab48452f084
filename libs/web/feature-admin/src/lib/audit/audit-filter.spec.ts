import { auditApiFilter, auditExportQuery, auditFilterFromParams, utcTime } from './audit-filter';

describe('audit page filters', () => {
  const params = (p: Record<string, string>) => (name: string) => p[name] ?? null;

  it('reads known values from the URL and leaves out anything else', () => {
    expect(
      auditFilterFromParams(
        params({ from: '2026-12-01', to: 'tomorrow', kind: 'EXPORT', outcome: 'MAYBE', actor: 'x' }),
      ),
    ).toEqual({ from: '2026-12-01', to: '', kind: 'EXPORT', outcome: '', actor: '' });
  });

  it('asks the API for whole UTC days, "to" included', () => {
    const f = { from: '2026-12-01', to: '2026-12-31', kind: '', outcome: 'REFUSED', actor: '' };
    expect(auditApiFilter(f)).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      kind: null,
      outcome: 'REFUSED',
      actorId: null,
    });
    expect(auditExportQuery(f)).toBe(
      '?from=2026-12-01T00%3A00%3A00.000Z&to=2027-01-01T00%3A00%3A00.000Z&outcome=REFUSED',
    );
    expect(auditExportQuery({ from: '', to: '', kind: '', outcome: '', actor: '' })).toBe('');
  });

  it('shows times in UTC', () => {
    expect(utcTime('2026-12-06T10:15:03.123Z')).toBe('2026-12-06 10:15:03 UTC');
  });
});
