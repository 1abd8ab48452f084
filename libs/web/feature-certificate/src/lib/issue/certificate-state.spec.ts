import { certificateState, mayReissue } from './certificate-state';

describe('a participant’s certificate state', () => {
  it('follows the certificate first, then the completion rule', () => {
    expect(certificateState({ completed: false, certificate: null })).toBe('NOT_COMPLETED');
    expect(certificateState({ completed: true, certificate: null })).toBe('READY');
    expect(certificateState({ completed: true, certificate: { revokedAt: null } })).toBe('ISSUED');
    // Issued stays issued even if a late correction changes the figures.
    expect(certificateState({ completed: false, certificate: { revokedAt: null } })).toBe('ISSUED');
    expect(certificateState({ completed: true, certificate: { revokedAt: '2027-06-20T10:00:00Z' } })).toBe(
      'REVOKED',
    );
  });

  it('offers a new certificate only to a completed participant whose certificate was revoked', () => {
    expect(mayReissue({ completed: true, certificate: { revokedAt: '2027-06-20T10:00:00Z' } })).toBe(true);
    expect(mayReissue({ completed: false, certificate: { revokedAt: '2027-06-20T10:00:00Z' } })).toBe(false);
    expect(mayReissue({ completed: true, certificate: { revokedAt: null } })).toBe(false);
    expect(mayReissue({ completed: true, certificate: null })).toBe(false);
  });
});
