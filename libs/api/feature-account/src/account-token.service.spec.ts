import type { DataSource } from 'typeorm';
import { AccountTokenPurpose } from '@stl/api/data-access-db';
import { accountLinkToken, accountTokenHash } from '@stl/api/feature-notification';
import { loadConfig } from '@stl/api/util-config';
import { DomainError } from '@stl/api/util-errors';
import { AccountTokenService, linkRefused } from './account-token.service';

describe('AccountTokenService (ADR 0013)', () => {
  const service = (env: Record<string, string> = {}) =>
    // Only the lifetimes are asked of it here; nothing touches the database.
    new AccountTokenService(null as unknown as DataSource, loadConfig(env));

  it('gives each purpose its configured lifetime', () => {
    const s = service({ INVITATION_TTL_HOURS: '48', PASSWORD_RESET_TTL_MINUTES: '20' });
    expect(s.lifetimeMs(AccountTokenPurpose.INVITATION)).toBe(48 * 3600_000);
    expect(s.lifetimeMs(AccountTokenPurpose.PASSWORD_RESET)).toBe(20 * 60_000);
    expect(service().lifetimeMs(AccountTokenPurpose.SIGN_IN_LINK)).toBe(15 * 60_000);
  });

  it('refuses a token that cannot be one before asking the database anything', async () => {
    const s = service();
    await expect(s.check(AccountTokenPurpose.PASSWORD_RESET, 'short')).rejects.toMatchObject({
      code: 'LINK_INVALID',
    });
    await expect(s.check(AccountTokenPurpose.PASSWORD_RESET, `${'a'.repeat(42)}!`)).rejects.toBeInstanceOf(
      DomainError,
    );
  });

  it('derives tokens of the accepted shape from the row id and the secret, and stores only their hash', () => {
    const id = '0c0c0000-0000-4000-8000-000000000001';
    const token = accountLinkToken(id, 's'.repeat(40));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(accountLinkToken(id, 's'.repeat(40))).toBe(token);
    expect(accountLinkToken(id, 't'.repeat(40))).not.toBe(token);
    expect(accountTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(accountTokenHash(token)).not.toContain(token);
  });

  it('says why a link does not work, with a stable code', () => {
    expect(linkRefused('LINK_EXPIRED')).toMatchObject({
      code: 'LINK_EXPIRED',
      message: expect.stringMatching(/expired/),
    });
    expect(linkRefused('LINK_USED').message).toMatch(/used already/);
  });
});
