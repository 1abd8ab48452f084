import { CERTIFICATION_EXPIRY_WARNING_DAYS } from './constants';
import type { DatePeriod, IsoDate } from './iso-date';
import { addDays, daysBetween, isDatePeriod, isIsoDate } from './iso-date';

/**
 * The parts of a course leader's certification the rules need. `validUntil` is the last valid day.
 * `revokedAt` is a Date from the database or an ISO string from GraphQL; either way, set means revoked.
 */
export interface CertificationLike {
  readonly issuedOn: IsoDate;
  readonly validUntil: IsoDate;
  readonly revokedAt?: Date | string | null;
}

export const CertificationStatus = {
  Valid: 'VALID',
  ExpiringSoon: 'EXPIRING_SOON',
  Expired: 'EXPIRED',
  NotYetValid: 'NOT_YET_VALID',
  Revoked: 'REVOKED',
} as const;
export type CertificationStatus = (typeof CertificationStatus)[keyof typeof CertificationStatus];

const isRevoked = (cert: CertificationLike): boolean => cert.revokedAt != null && cert.revokedAt !== '';

/** Certificates that can count at all; malformed ones are ignored rather than trusted. */
const usable = (cert: CertificationLike): boolean =>
  !isRevoked(cert) &&
  isIsoDate(cert.issuedOn) &&
  isIsoDate(cert.validUntil) &&
  cert.issuedOn <= cert.validUntil;

/**
 * True when the certificate is valid on every day of the period, both ends included. A revoked
 * certificate covers nothing, whenever it was revoked: revocation means it must not be relied on.
 * Malformed dates or an empty period give false, because this check grants permission.
 */
export function certificationCovers(cert: CertificationLike, period: DatePeriod): boolean {
  return (
    usable(cert) &&
    isDatePeriod(period) &&
    cert.issuedOn <= period.startsOn &&
    period.endsOn <= cert.validUntil
  );
}

/**
 * True when the certificates together leave no day of the period uncovered. A leader whose
 * certificate is renewed mid-year (the new one starting the day after the old one ends) is
 * certified for the whole cohort even though neither certificate covers it alone.
 */
export function certificationsCover(certs: readonly CertificationLike[], period: DatePeriod): boolean {
  if (!isDatePeriod(period)) return false;
  const ordered = certs
    .filter(usable)
    .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
  // Walk forward from the first day of the period; each certificate may extend the covered stretch.
  let firstUncovered = period.startsOn;
  for (const cert of ordered) {
    if (cert.issuedOn > firstUncovered) return false;
    if (cert.validUntil >= firstUncovered) {
      if (cert.validUntil >= period.endsOn) return true;
      firstUncovered = addDays(cert.validUntil, 1);
    }
  }
  return false;
}

/**
 * Status on a given day, for badges and reminders. Revocation wins over everything else.
 * EXPIRING_SOON means the last valid day is at most 60 days away (today itself included).
 * Throws RangeError for malformed dates, since there is no honest status to show for them.
 */
export function certificationStatus(cert: CertificationLike, today: IsoDate): CertificationStatus {
  if (isRevoked(cert)) return CertificationStatus.Revoked;
  for (const [name, value] of [
    ['today', today],
    ['issuedOn', cert.issuedOn],
    ['validUntil', cert.validUntil],
  ] as const) {
    if (!isIsoDate(value))
      throw new RangeError(`certificationStatus: ${name} is not a YYYY-MM-DD date: ${value}`);
  }
  if (today < cert.issuedOn) return CertificationStatus.NotYetValid;
  if (today > cert.validUntil) return CertificationStatus.Expired;
  return daysBetween(today, cert.validUntil) <= CERTIFICATION_EXPIRY_WARNING_DAYS
    ? CertificationStatus.ExpiringSoon
    : CertificationStatus.Valid;
}
