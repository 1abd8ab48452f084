export interface SmtpErrorClass {
  /** true: retrying cannot help (dead-letter it); false: try again later. */
  permanent: boolean;
  /** Short, loggable and fit to show an administrator: code, SMTP reply, command. */
  reason: string;
  /**
   * true: the whole message reached the server, which then neither accepted nor refused it (a
   * timeout or a dropped connection after the end of data). It may have been delivered: sending it
   * again risks a copy, so it is neither retried nor failed.
   */
  outcomeUnknown?: boolean;
}

interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
}

/** Problems with the connection or the server as a whole: the message itself is fine. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'ETLS',
  'EMAXLIMIT',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Problems with this message (no or malformed recipients, too big) that no retry will fix, even
 * when no server reply says so.
 */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE']);

const MAX_REASON = 500;

function reasonOf(e: SmtpErrorLike): string {
  const parts = [
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : undefined,
    typeof e.command === 'string' && e.command !== 'API' ? `(${e.command})` : undefined,
  ].filter(Boolean);
  const reason = (parts.join(' ') || 'unknown error').replace(/\s+/g, ' ').trim();
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

/**
 * Decides retry or dead-letter for a failed send.
 * - A 5xx reply (recipient or message refused) is permanent; a 4xx reply (greylisting, mailbox
 *   busy, rate limit) is transient.
 * - Connection failures, timeouts and TLS problems are transient.
 * - Authentication failures are treated as transient although the reply is 5xx: they are a fault
 *   of the platform's settings, not of this message, and the message must survive until the
 *   settings are fixed.
 * - Anything unrecognised is transient: retrying is cheaper than losing mail.
 */
export function classifySmtpError(err: unknown): SmtpErrorClass {
  if (err && typeof err === 'object' && 'permanent' in err && 'reason' in err) {
    const known = err as { permanent: unknown; reason: unknown; outcomeUnknown?: unknown };
    if (typeof known.permanent === 'boolean' && typeof known.reason === 'string') {
      return {
        permanent: known.permanent,
        reason: known.reason,
        ...(known.outcomeUnknown === true ? { outcomeUnknown: true } : {}),
      };
    }
  }
  const e: SmtpErrorLike = err && typeof err === 'object' ? (err as SmtpErrorLike) : { message: String(err) };
  const reason = reasonOf(e);
  if (e.code === 'EAUTH') return { permanent: false, reason };
  if (typeof e.responseCode === 'number') return { permanent: e.responseCode >= 500, reason };
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return { permanent: false, reason };
  if (typeof e.code === 'string' && PERMANENT_CODES.has(e.code)) return { permanent: true, reason };
  return { permanent: false, reason };
}

/** A failed send, already classified. `cause` is the error nodemailer gave. */
export class MailDeliveryError extends Error {
  readonly permanent: boolean;
  readonly reason: string;
  readonly code: string | undefined;
  readonly responseCode: number | undefined;
  /** The message was handed over whole and no reply came: it may have been delivered. */
  readonly outcomeUnknown: boolean;

  constructor(cause: unknown, options: { outcomeUnknown?: boolean } = {}) {
    const { permanent, reason } = classifySmtpError(cause);
    const unknown = options.outcomeUnknown === true;
    super(
      `Mail delivery ${unknown ? 'unconfirmed' : `failed (${permanent ? 'permanent' : 'transient'})`}: ${reason}`,
      { cause },
    );
    this.name = 'MailDeliveryError';
    this.permanent = permanent;
    this.reason = reason;
    this.outcomeUnknown = unknown;
    const e = (cause && typeof cause === 'object' ? cause : {}) as SmtpErrorLike;
    this.code = typeof e.code === 'string' ? e.code : undefined;
    this.responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  }
}
