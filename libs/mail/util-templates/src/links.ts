import { MailTemplateError } from './errors';

/**
 * Pages of the web app that mails link to. The web app's router must serve these paths; keep the
 * two in step (a renamed route breaks every mail already in people's inboxes).
 */
export const MAIL_PATHS = {
  /** The sign-in page. */
  signIn: '/sign-in',
  cohorts: '/cohorts',
  /** The cohort overview, with its meetings. */
  cohort: '/cohorts/:cohortId',
  /** The participant's own analysis of a round, in the editor. */
  analysisEditor: '/cohorts/:cohortId/rounds/:roundId/analysis',
  /** My critical-friend tasks and the feedback I received. */
  reviewTasks: '/cohorts/:cohortId/feedback',
  /** The feedback form for one analysis (critical friends and course leaders). */
  review: '/cohorts/:cohortId/feedback/analyses/:analysisId',
  /** A published analysis, to read it. */
  analysis: '/cohorts/:cohortId/analyses/:analysisId',
  /** The author's view of the feedback on their analysis: reply, mark helpful. */
  receivedFeedback: '/cohorts/:cohortId/feedback/received/:analysisId',
  /** The course leader's progress matrix. */
  cohortProgress: '/cohorts/:cohortId/follow-up',
  /** The school leader's view of their school. */
  schoolProgress: '/school',
  mailSettings: '/settings/notifications',
  /** Accepting an invitation; the token follows in the fragment (#), which never reaches a server log. */
  invitation: '/invitation',
  /** Setting a new password from a reset link; token in the fragment. */
  passwordReset: '/reset-password',
  /** Signing in with a one-time link; token in the fragment. */
  signInLink: '/sign-in-link',
  /** The accessibility statement (tillgänglighetsredogörelse), with its report form. */
  accessibilityStatement: '/tillganglighet',
} as const;

export type MailPath = (typeof MAIL_PATHS)[keyof typeof MAIL_PATHS];

/** The `:name` placeholders of a path, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { [K in PathParamNames<P>]: string | number };

/** Arguments after the path: none for a path without placeholders, else one value per placeholder. */
export type PathArgs<P extends string> = [PathParamNames<P>] extends [never] ? [] : [params: PathParams<P>];

function parseHttpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MailTemplateError(`${what} is not an absolute URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MailTemplateError(`${what} must be an http(s) URL: ${value}`);
  }
  return url;
}

/**
 * A URL taken from data (a video link, material, the signed unsubscribe link) is only put in a mail
 * if it is http(s): escaping stops markup, not a `javascript:` link.
 */
export function safeUrl(value: string, what = 'URL'): string {
  return parseHttpUrl(value.trim(), what).toString();
}

/**
 * Absolute link to a page of the web app: `baseUrl` (may carry a path prefix such as
 * `https://stl.example.se/app`) + `path` with its placeholders filled in and URL-encoded.
 */
export function absoluteUrl<P extends string>(baseUrl: string, path: P, ...args: PathArgs<P>): string {
  const base = parseHttpUrl(baseUrl, 'baseUrl');
  const params = (args[0] ?? {}) as Record<string, string | number | undefined>;
  const filled = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new MailTemplateError(`Link ${path} needs a value for :${name}`);
    }
    return encodeURIComponent(String(value));
  });
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${filled}`;
}

/**
 * Headers for one-click unsubscribe (RFC 8058). The endpoint behind the URL must accept a POST
 * with the body `List-Unsubscribe=One-Click` as well as a GET from the link in the mail.
 */
export function listUnsubscribeHeaders(unsubscribeUrl: string): {
  'List-Unsubscribe': string;
  'List-Unsubscribe-Post': string;
} {
  return {
    'List-Unsubscribe': `<${safeUrl(unsubscribeUrl, 'unsubscribeUrl')}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
