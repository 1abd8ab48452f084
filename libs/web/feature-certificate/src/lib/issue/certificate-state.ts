/** Where a participant stands with their certificate of completion, as the leaders' table shows it. */
export type CertificateState = 'NOT_COMPLETED' | 'READY' | 'ISSUED' | 'REVOKED';

export interface CertificateRowLike {
  completed: boolean;
  certificate: { revokedAt?: string | null } | null;
}

/**
 * A valid certificate is ISSUED whatever the figures say now (it states what was counted when it
 * was issued); a revoked one is REVOKED; otherwise READY when the completion rule says completed.
 */
export function certificateState(row: CertificateRowLike): CertificateState {
  if (row.certificate) return row.certificate.revokedAt ? 'REVOKED' : 'ISSUED';
  return row.completed ? 'READY' : 'NOT_COMPLETED';
}

/** Completed participants whose certificate was revoked may be given a new one, one by one. */
export function mayReissue(row: CertificateRowLike): boolean {
  return row.completed && certificateState(row) === 'REVOKED';
}
