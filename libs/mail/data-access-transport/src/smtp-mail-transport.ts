import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailDeliveryError } from './classify-smtp-error';
import { parseMailConfig } from './mail-config';
import type { SmtpMailConfig } from './mail-config';
import type { MailTransport, OutgoingMail, SendHooks, SendResult } from './mail-transport';

export interface SmtpTransportOptions {
  /** Parallel connections to the server. */
  maxConnections?: number;
  /** Messages per connection before it is recycled. */
  maxMessages?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** The pool's defaults: what MailSender uses unless SMTP_MAX_CONNECTIONS / SMTP_TIMEOUT_SECONDS say otherwise. */
export const SMTP_DEFAULTS = {
  maxConnections: 5,
  maxMessages: 100,
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  socketTimeoutMs: 30_000,
} as const satisfies Required<SmtpTransportOptions>;

/**
 * The longest one SMTP transaction can take on a pooled connection before nodemailer gives up:
 * connecting, the greeting, then each command's reply (MAIL FROM, RCPT TO, DATA, the end of data)
 * within the socket timeout. What a delivery job's expiry and the shutdown grace are sized from.
 */
export function smtpTransactionBoundMs(o: SmtpTransportOptions = {}): number {
  const t = { ...SMTP_DEFAULTS, ...o };
  return t.connectionTimeoutMs + t.greetingTimeoutMs + 5 * t.socketTimeoutMs;
}

type Address = string | { address: string };

/** What the transport learns about one message while the pool sends it. */
interface SendWatch {
  /** Its data started going to the server (DATA was answered with 354). */
  started: () => void;
  /** All of its bytes went to the server (after DATA's 354). */
  handedOver: () => void;
}
const addressOf = (a: Address): string => (typeof a === 'string' ? a : a.address);

/**
 * A stable Message-ID for an idempotency key: a message re-sent after a crash carries the same
 * Message-ID, which mail systems use to drop duplicates.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'stl.localhost';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

/**
 * The MIME boundary seed of a message: fixed per Message-ID, so a message composed again (a resend)
 * has the same bytes. nodemailer otherwise draws it at random for each send.
 */
function boundaryFor(messageId: string | undefined): string | undefined {
  return messageId
    ? createHash('sha256').update(`boundary:${messageId}`).digest('hex').slice(0, 16)
    : undefined;
}

/**
 * `MailTransport` over SMTP with nodemailer, pooling connections so a worker can send many
 * messages without a handshake each. Failures reject with a classified `MailDeliveryError`; one
 * that came after the whole message was handed to the server, without a reply, is marked
 * `outcomeUnknown` (the server may well have accepted it).
 */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private readonly config: SmtpMailConfig;
  /**
   * Per message being sent, keyed by the headers object handed to sendMail (nodemailer copies the
   * message's fields shallowly, so the 'stream' plugin sees that same object).
   */
  private readonly watches = new WeakMap<object, SendWatch>();

  constructor(config: SmtpMailConfig, options: SmtpTransportOptions = {}) {
    this.config = parseMailConfig(config);
    const { host, port, secure, user, pass } = this.config;
    this.transporter = createTransport({
      pool: true,
      host,
      port,
      secure,
      auth: user ? { user, pass } : undefined,
      maxConnections: options.maxConnections ?? SMTP_DEFAULTS.maxConnections,
      maxMessages: options.maxMessages ?? SMTP_DEFAULTS.maxMessages,
      connectionTimeout: options.connectionTimeoutMs ?? SMTP_DEFAULTS.connectionTimeoutMs,
      greetingTimeout: options.greetingTimeoutMs ?? SMTP_DEFAULTS.greetingTimeoutMs,
      socketTimeout: options.socketTimeoutMs ?? SMTP_DEFAULTS.socketTimeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    // nodemailer's public plugin step 'stream': the message's process function runs when a pooled
    // connection starts the transaction (it asks for the message stream right before MAIL FROM),
    // and that stream is only piped to the connection once the server answered DATA with 354: its
    // 'resume' (pipe() starts the flow) is when the data starts going out, and its end means the
    // whole message went to the server. The returned stream is the same one, only watched.
    this.transporter.use('stream', (mail, done) => {
      const headers = (mail.data as { headers?: unknown }).headers;
      const watch = headers && typeof headers === 'object' ? this.watches.get(headers) : undefined;
      if (watch) {
        mail.message.processFunc((output) => {
          output.once('resume', watch.started);
          output.once('end', watch.handedOver);
          return output;
        });
      }
      done();
    });
  }

  async send(message: OutgoingMail, hooks: SendHooks = {}): Promise<SendResult> {
    // Composed by nodemailer as it streams to the server, once (issue 16: composing the bytes first
    // and then handing them over as raw data processed every message twice). The bytes are still
    // fixed before the conversation: the Date header and the Message-ID come with the message, and
    // the MIME boundaries are seeded from the Message-ID, so a resend is identical.
    const headers = { ...message.headers };
    let handedOver = false;
    this.watches.set(headers, {
      started: () => hooks.onTransmit?.(),
      handedOver: () => {
        handedOver = true;
      },
    });
    try {
      const info = await this.transporter.sendMail({
        from: message.from ?? this.config.from,
        to: message.to,
        replyTo: message.replyTo,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers,
        messageId: message.messageId,
        date: message.date,
        baseBoundary: boundaryFor(message.messageId),
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
      return {
        messageId: info.messageId,
        accepted: (info.accepted as Address[]).map(addressOf),
        rejected: (info.rejected as Address[]).map(addressOf),
      };
    } catch (err) {
      // A reply (4xx/5xx to the end of data) is a known refusal; no reply after the whole message
      // went out (a timeout, a cut connection) is not: the server may have delivered it.
      const replied = typeof (err as { responseCode?: unknown })?.responseCode === 'number';
      throw new MailDeliveryError(err, { outcomeUnknown: handedOver && !replied });
    }
  }

  async verify(): Promise<void> {
    try {
      await this.transporter.verify();
    } catch (err) {
      throw new MailDeliveryError(err);
    }
  }

  close(): void {
    this.transporter.close();
  }
}
