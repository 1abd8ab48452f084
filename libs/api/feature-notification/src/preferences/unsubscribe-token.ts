import { createHmac, timingSafeEqual } from 'node:crypto';
import { isMailKind, isMandatoryKind } from '@stl/mail/util-templates';
import type { MailKind } from '@stl/mail/util-templates';

/**
 * One-click unsubscribe links: `v1.<personId>.<KIND>.<HMAC-SHA256>` signed with MAIL_LINK_SECRET.
 * No login and no expiry (a link in an old mail must keep working); the signature makes it
 * impossible to turn off someone else's mail by editing the link. Rotating the secret voids every
 * link already sent.
 */
export interface UnsubscribeClaim {
  personId: string;
  kind: MailKind;
}

const VERSION = 'v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(personId: string, kind: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`unsubscribe:${VERSION}:${personId}:${kind}`)
    .digest('base64url');
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  return `${VERSION}.${claim.personId}.${claim.kind}.${mac(claim.personId, claim.kind, secret)}`;
}

/** The claim of a genuine token, or null for anything else (never throws on bad input). */
export function verifyUnsubscribeToken(token: unknown, secret: string): UnsubscribeClaim | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [version, personId, kind, signature, ...rest] = token.split('.');
  if (version !== VERSION || rest.length > 0 || !signature) return null;
  if (!UUID.test(personId ?? '') || !isMailKind(kind ?? '') || isMandatoryKind(kind)) return null;
  const expected = Buffer.from(mac(personId, kind, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { personId, kind: kind as MailKind };
}

/** The link in a mail's footer and List-Unsubscribe header. */
export function unsubscribeUrl(publicWebUrl: string, claim: UnsubscribeClaim, secret: string): string {
  return `${publicWebUrl}/unsubscribe?token=${encodeURIComponent(signUnsubscribeToken(claim, secret))}`;
}
