import fc from 'fast-check';
import type { CertificationLike } from './certification';
import { certificationCovers, certificationsCover, certificationStatus } from './certification';
import { addDays, daysBetween } from './iso-date';

const cohort = { startsOn: '2026-08-01', endsOn: '2027-06-30' };
const cert = (
  issuedOn: string,
  validUntil: string,
  revokedAt: Date | string | null = null,
): CertificationLike => ({
  issuedOn,
  validUntil,
  revokedAt,
});

describe('certificationCovers', () => {
  it('covers a period that lies within its validity, both ends included', () => {
    expect(certificationCovers(cert('2026-08-01', '2027-06-30'), cohort)).toBe(true);
    expect(certificationCovers(cert('2020-01-01', '2030-12-31'), cohort)).toBe(true);
  });

  it('does not cover when it starts one day late or ends one day early', () => {
    expect(certificationCovers(cert('2026-08-02', '2027-06-30'), cohort)).toBe(false);
    expect(certificationCovers(cert('2026-08-01', '2027-06-29'), cohort)).toBe(false);
  });

  it('covers nothing once revoked, even if revoked after the period', () => {
    expect(
      certificationCovers(cert('2020-01-01', '2030-12-31', new Date('2029-01-01T00:00:00Z')), cohort),
    ).toBe(false);
    expect(certificationCovers(cert('2020-01-01', '2030-12-31', '2025-03-01T10:00:00Z'), cohort)).toBe(false);
  });

  it('treats a missing or null revokedAt as not revoked', () => {
    expect(certificationCovers({ issuedOn: '2020-01-01', validUntil: '2030-12-31' }, cohort)).toBe(true);
  });

  it('handles a period ending on a leap day', () => {
    const period = { startsOn: '2024-01-01', endsOn: '2024-02-29' };
    expect(certificationCovers(cert('2023-01-01', '2024-02-29'), period)).toBe(true);
    expect(certificationCovers(cert('2023-01-01', '2024-02-28'), period)).toBe(false);
  });

  it('fails closed on malformed input', () => {
    expect(certificationCovers(cert('2020-01-01', '2030-02-30'), cohort)).toBe(false);
    expect(certificationCovers(cert('2031-01-01', '2020-01-01'), cohort)).toBe(false);
    expect(
      certificationCovers(cert('2020-01-01', '2030-12-31'), { startsOn: '2027-06-30', endsOn: '2026-08-01' }),
    ).toBe(false);
    expect(
      certificationCovers(cert('2020-01-01', '2030-12-31'), { startsOn: '2026-8-1', endsOn: '2027-06-30' }),
    ).toBe(false);
  });
});

describe('certificationsCover', () => {
  it('accepts a renewal that starts the day after the old certificate ends', () => {
    const certs = [cert('2027-01-01', '2029-12-31'), cert('2024-01-01', '2026-12-31')];
    expect(certificationsCover(certs, cohort)).toBe(true);
    expect(certs.some((c) => certificationCovers(c, cohort))).toBe(false);
  });

  it('rejects a one-day gap between certificates', () => {
    expect(
      certificationsCover([cert('2024-01-01', '2026-12-31'), cert('2027-01-02', '2029-12-31')], cohort),
    ).toBe(false);
  });

  it('ignores revoked certificates when joining them', () => {
    const certs = [
      cert('2024-01-01', '2026-12-31'),
      cert('2027-01-01', '2029-12-31', '2027-03-01T00:00:00Z'),
    ];
    expect(certificationsCover(certs, cohort)).toBe(false);
  });

  it('is false with no certificates', () => {
    expect(certificationsCover([], cohort)).toBe(false);
  });

  it('agrees with a day-by-day check', () => {
    const base = '2026-01-01';
    const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 5 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (spans, start, length) => {
          const certs = spans.map(([s, l, revoked]) =>
            cert(addDays(base, s), addDays(base, s + l), revoked ? '2026-01-01T00:00:00Z' : null),
          );
          const period = { startsOn: addDays(base, start), endsOn: addDays(base, start + length) };
          let everyDay = true;
          for (let day = period.startsOn; day <= period.endsOn; day = addDays(day, 1)) {
            everyDay &&= certs.some((c) => certificationCovers(c, { startsOn: day, endsOn: day }));
          }
          expect(certificationsCover(certs, period)).toBe(everyDay);
        },
      ),
    );
  });
});

describe('certificationStatus', () => {
  const c = cert('2025-01-01', '2027-06-30');

  it('is NOT_YET_VALID before the issue date and VALID from it', () => {
    expect(certificationStatus(c, '2024-12-31')).toBe('NOT_YET_VALID');
    expect(certificationStatus(c, '2025-01-01')).toBe('VALID');
  });

  it('warns from 60 days before the last valid day, and expires the day after it', () => {
    expect(daysBetween('2027-05-01', '2027-06-30')).toBe(60);
    expect(certificationStatus(c, '2027-04-30')).toBe('VALID');
    expect(certificationStatus(c, '2027-05-01')).toBe('EXPIRING_SOON');
    expect(certificationStatus(c, '2027-06-30')).toBe('EXPIRING_SOON');
    expect(certificationStatus(c, '2027-07-01')).toBe('EXPIRED');
  });

  it('counts the leap day when measuring 60 days', () => {
    const leap = cert('2023-01-01', '2024-03-31');
    // 2024-01-31 + 60 days = 2024-03-31 because February 2024 has 29 days.
    expect(certificationStatus(leap, '2024-01-31')).toBe('EXPIRING_SOON');
    expect(certificationStatus(leap, '2024-01-30')).toBe('VALID');
  });

  it('reports REVOKED whatever the dates say', () => {
    expect(certificationStatus(cert('2025-01-01', '2027-06-30', new Date()), '2026-01-01')).toBe('REVOKED');
    expect(certificationStatus(cert('2025-01-01', '2027-06-30', '2026-01-01T00:00:00Z'), '2030-01-01')).toBe(
      'REVOKED',
    );
  });

  it('throws on malformed dates instead of guessing', () => {
    expect(() => certificationStatus(c, '2026-02-29')).toThrow(RangeError);
    expect(() => certificationStatus(cert('2025-1-1', '2027-06-30'), '2026-01-01')).toThrow(RangeError);
  });
});
