import { daysBetween } from '@stl/shared/domain';
/** The certificate facts the standing needs (AdminCertification has them). */
export interface CertificationFacts {
  issuedOn: string;
  validUntil: string;
  status: 'VALID' | 'EXPIRING_SOON' | 'EXPIRED' | 'NOT_YET_VALID' | 'REVOKED';
}

/** The tones of `<stl-status-badge>`. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** How one certificate stands, as words and a badge: never colour alone. */
export interface Standing {
  /** `admin.certifications.status.<STATUS>`, with `days` where it helps. */
  key: string;
  params: { days: number; date: string };
  tone: BadgeTone;
  /** Needs the administrator's attention (expired or expiring soon). */
  warning: boolean;
}

const TONES: Record<CertificationFacts['status'], BadgeTone> = {
  VALID: 'success',
  EXPIRING_SOON: 'warning',
  EXPIRED: 'danger',
  NOT_YET_VALID: 'info',
  REVOKED: 'neutral',
};

/**
 * The API computes each certificate's status for today (the same rule, with its 60-day warning,
 * that decides who may lead a cohort); the screen adds how many days are left or have passed.
 */
export function standingOf(cert: CertificationFacts, today: string): Standing {
  const status = cert.status;
  const days =
    status === 'NOT_YET_VALID'
      ? daysBetween(today, cert.issuedOn)
      : status === 'EXPIRED'
        ? daysBetween(cert.validUntil, today)
        : daysBetween(today, cert.validUntil);
  const dated = status === 'EXPIRING_SOON' || status === 'EXPIRED' || status === 'NOT_YET_VALID';
  const suffix = status === 'EXPIRING_SOON' && days === 0 ? '_TODAY' : dated && days === 1 ? '_ONE' : '';
  return {
    key: `admin.certifications.status.${status}${suffix}`,
    params: { days, date: status === 'NOT_YET_VALID' ? cert.issuedOn : cert.validUntil },
    tone: TONES[status],
    warning: status === 'EXPIRED' || status === 'EXPIRING_SOON',
  };
}

/** A course leader's standing overall: the certificate that counts today, else the latest one. */
export type LeaderStanding = 'CERTIFIED' | 'EXPIRING_SOON' | 'EXPIRED' | 'NOT_YET_VALID' | 'NONE';

export function leaderStandingOf(certs: readonly Pick<CertificationFacts, 'status'>[]): LeaderStanding {
  const live = certs.filter((c) => c.status !== 'REVOKED');
  if (live.some((c) => c.status === 'VALID')) return 'CERTIFIED';
  if (live.some((c) => c.status === 'EXPIRING_SOON')) {
    // A renewal already issued for later days means nothing needs doing.
    return live.some((c) => c.status === 'NOT_YET_VALID') ? 'CERTIFIED' : 'EXPIRING_SOON';
  }
  if (live.some((c) => c.status === 'NOT_YET_VALID')) return 'NOT_YET_VALID';
  if (live.some((c) => c.status === 'EXPIRED')) return 'EXPIRED';
  return 'NONE';
}

export const LEADER_TONES: Record<LeaderStanding, BadgeTone> = {
  CERTIFIED: 'success',
  EXPIRING_SOON: 'warning',
  EXPIRED: 'danger',
  NOT_YET_VALID: 'info',
  NONE: 'danger',
};

/** Leaders needing attention first (no valid certificate, then expiring), then by name. */
export function byAttention<T extends { fullName: string; standing: LeaderStanding }>(a: T, b: T): number {
  const rank: Record<LeaderStanding, number> = {
    NONE: 0,
    EXPIRED: 0,
    EXPIRING_SOON: 1,
    NOT_YET_VALID: 2,
    CERTIFIED: 3,
  };
  return rank[a.standing] - rank[b.standing] || a.fullName.localeCompare(b.fullName, 'sv');
}
