import { createHash, createHmac } from 'node:crypto';

/**
 * The token of a mailed single-use account link (ADR 0013), derived from its `account_token` row id
 * and MAIL_LINK_SECRET. The row stores only the SHA-256 of this token and the outbox only the row
 * id, so a copy of the database alone holds no usable link; the token exists in the mail only.
 * Rotating the secret voids every link not yet used.
 */
export function accountLinkToken(tokenId: string, secret: string): string {
  return createHmac('sha256', secret).update(`account-link:v1:${tokenId}`).digest('base64url');
}

/** What `account_token.token_hash` holds: the hex SHA-256 of a token as it arrives from a link. */
export function accountTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
