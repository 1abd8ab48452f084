import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
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
  /** Per message being sent (keyed by its raw stream): called once the server asked for the data. */
  private readonly dataTaken = new WeakMap<object, () => void>();

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
    // The stream the SMTP connection reads the message from is only read once the server answered
    // DATA with 354: when it ends, the whole message went to the server (nodemailer's public plugin
    // step 'stream'; the returned stream is the same one, only watched).
    this.transporter.use('stream', (mail, done) => {
      const raw = (mail.data as { raw?: unknown }).raw;
      const taken = raw && typeof raw === 'object' ? this.dataTaken.get(raw) : undefined;
      if (taken) {
        mail.message.processFunc((output) => {
          output.once('end', taken);
          return output;
        });
      }
      done();
    });
  }

  async send(message: OutgoingMail, hooks: SendHooks = {}): Promise<SendResult> {
    // Composed here, not by sendMail: the bytes are fixed before the conversation (Date and MIME
    // boundaries included, so a resend is identical). The 'stream' plugin tells when the server
    // took all of them: after that, a timeout or a dropped connection leaves the outcome unknown.
    const node = new MailComposer({
      from: message.from ?? this.config.from,
      to: message.to,
      replyTo: message.replyTo,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      messageId: message.messageId,
      date: message.date,
      baseBoundary: boundaryFor(message.messageId),
      attachments: message.attachments?.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
      })),
      disableFileAccess: true,
      disableUrlAccess: true,
    }).compile();
    // Given, or made now and written into the header, so the result names the one the mail carries.
    const messageId = node.messageId();
    let raw: Buffer;
    try {
      raw = await node.build();
    } catch (err) {
      throw new MailDeliveryError(Object.assign(err as Error, { code: 'EMESSAGE' }));
    }
    let handedOver = false;
    const stream = new Readable({
      read() {
        // Read when the pool starts the transaction for this message (MAIL FROM follows).
        hooks.onTransmit?.();
        this.push(raw);
        this.push(null);
      },
    });
    this.dataTaken.set(stream, () => {
      handedOver = true;
    });
    try {
      const info = await this.transporter.sendMail({ envelope: node.getEnvelope(), raw: stream });
      return {
        messageId,
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
