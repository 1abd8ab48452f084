import { byAttention, leaderStandingOf, standingOf } from './certification-standing';
import type { CertificationFacts } from './certification-standing';

const cert = (
  status: CertificationFacts['status'],
  issuedOn: string,
  validUntil: string,
): CertificationFacts => ({
  issuedOn,
  validUntil,
  status,
});

describe('certification standing', () => {
  it('says how long is left, or how long ago it ran out, with a badge tone', () => {
    const soon = standingOf(cert('EXPIRING_SOON', '2022-01-01', '2027-01-15'), '2026-12-02');
    expect(soon).toEqual({
      key: 'admin.certifications.status.EXPIRING_SOON',
      params: { days: 44, date: '2027-01-15' },
      tone: 'warning',
      warning: true,
    });
    const expired = standingOf(cert('EXPIRED', '2020-06-12', '2024-06-30'), '2026-12-02');
    expect(expired.params.days).toBe(885);
    expect(expired.tone).toBe('danger');
    expect(expired.warning).toBe(true);
    const future = standingOf(cert('NOT_YET_VALID', '2027-01-10', '2031-01-10'), '2026-12-02');
    expect(future.params).toEqual({ days: 39, date: '2027-01-10' });
    expect(standingOf(cert('VALID', '2025-06-13', '2029-06-30'), '2026-12-02').warning).toBe(false);
    expect(standingOf(cert('EXPIRING_SOON', '2022-01-01', '2026-12-03'), '2026-12-02').key).toBe(
      'admin.certifications.status.EXPIRING_SOON_ONE',
    );
    expect(standingOf(cert('EXPIRING_SOON', '2022-01-01', '2026-12-02'), '2026-12-02').key).toBe(
      'admin.certifications.status.EXPIRING_SOON_TODAY',
    );
    expect(standingOf(cert('EXPIRED', '2022-01-01', '2026-12-01'), '2026-12-02').key).toBe(
      'admin.certifications.status.EXPIRED_ONE',
    );
    expect(standingOf(cert('REVOKED', '2025-06-13', '2029-06-30'), '2026-12-02').tone).toBe('neutral');
  });

  it('sums up a leader: a renewal issued in time settles an expiring certificate', () => {
    expect(leaderStandingOf([])).toBe('NONE');
    expect(leaderStandingOf([cert('REVOKED', '2025-01-01', '2029-01-01')])).toBe('NONE');
    expect(leaderStandingOf([cert('EXPIRED', '2020-01-01', '2024-01-01')])).toBe('EXPIRED');
    expect(leaderStandingOf([cert('EXPIRING_SOON', '2022-01-01', '2027-01-01')])).toBe('EXPIRING_SOON');
    expect(
      leaderStandingOf([
        cert('EXPIRING_SOON', '2022-01-01', '2027-01-01'),
        cert('NOT_YET_VALID', '2027-01-02', '2031-01-01'),
      ]),
    ).toBe('CERTIFIED');
    expect(
      leaderStandingOf([
        cert('EXPIRED', '2020-01-01', '2024-01-01'),
        cert('VALID', '2024-01-01', '2030-01-01'),
      ]),
    ).toBe('CERTIFIED');
  });

  it('lists those needing attention first', () => {
    const list = [
      { fullName: 'Maria Berg', standing: 'CERTIFIED' as const },
      { fullName: 'Karin Sjö', standing: 'EXPIRED' as const },
      { fullName: 'Anna Ek', standing: 'EXPIRING_SOON' as const },
    ].sort(byAttention);
    expect(list.map((l) => l.fullName)).toEqual(['Karin Sjö', 'Anna Ek', 'Maria Berg']);
  });
});
