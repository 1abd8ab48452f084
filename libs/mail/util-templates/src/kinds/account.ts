import type { Composer, RenderKit } from '../kit';
import type { Block } from '../layout';
import { MailTemplateError } from '../errors';
import { MAIL_PATHS } from '../links';
import type { AccountLinkData, InvitationData, PasswordResetData, SignInLinkData } from '../mail-data';

/**
 * The link of an account mail: the page, with the token in the fragment so that it never reaches a
 * web server's or proxy's access log (ADR 0013).
 */
function accountLink(path: string, d: AccountLinkData, k: RenderKit): string {
  if (!d.token) throw new MailTemplateError('An account mail needs its token, derived at send time');
  return `${k.link(path)}#${encodeURIComponent(d.token)}`;
}

function linkFacts(d: AccountLinkData, k: RenderKit): Block[] {
  return [
    { type: 'facts', items: [{ label: k.t.account.validUntil, value: k.dateTime(d.expiresAt) }] },
    { type: 'paragraph', text: k.t.account.singleUse },
  ];
}

export const composeInvitation: Composer<InvitationData> = (d, k) => {
  const t = k.t.account.invitation;
  return {
    subject: t.subject({ organisation: d.organisationName }),
    heading: t.heading,
    blocks: [
      { type: 'paragraph', text: t.intro({ inviter: d.inviterName, organisation: d.organisationName }) },
      ...linkFacts(d, k),
    ],
    action: { label: t.action, url: accountLink(MAIL_PATHS.invitation, d, k) },
    reason: t.reason({ organisation: d.organisationName }),
  };
};

export const composePasswordReset: Composer<PasswordResetData> = (d, k) => {
  const t = k.t.account.passwordReset;
  return {
    subject: t.subject,
    heading: t.heading,
    blocks: [
      { type: 'paragraph', text: t.intro },
      ...linkFacts(d, k),
      { type: 'paragraph', text: k.t.account.notYou },
    ],
    action: { label: t.action, url: accountLink(MAIL_PATHS.passwordReset, d, k) },
    reason: t.reason,
  };
};

export const composeSignInLink: Composer<SignInLinkData> = (d, k) => {
  const t = k.t.account.signInLink;
  return {
    subject: t.subject,
    heading: t.heading,
    blocks: [
      { type: 'paragraph', text: t.intro },
      ...linkFacts(d, k),
      { type: 'paragraph', text: k.t.account.notYou },
    ],
    action: { label: t.action, url: accountLink(MAIL_PATHS.signInLink, d, k) },
    reason: t.reason,
  };
};
