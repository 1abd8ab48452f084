import type { ReceivedMail } from '@stl/mail/data-access-transport/testing';

/** The token of the account link in a received mail (after # in the link of the text version). */
export function tokenIn(
  mail: ReceivedMail,
  path: '/invitation' | '/reset-password' | '/sign-in-link',
): string {
  const text = String(mail.parsed.text ?? '');
  const match = new RegExp(`https?://[^\\s]*${path}#([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in the mail: ${text}`);
  return match[1];
}

export const ME = `{ me { person { id fullName } } }`;
