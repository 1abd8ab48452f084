import { createHash } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailDeliveryError } from './classify-smtp-error';
import { parseMailConfig } from './mail-config';
import type { SmtpMailConfig } from './mail-config';
import type { MailTransport, OutgoingMail, SendResult } from './mail-transport';

export interface SmtpTransportOptions {
  /** Parallel connections to the server. */
  maxConnections?: number;
  /** Messages per connection before it is recycled. */
  maxMessages?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
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
 * `MailTransport` over SMTP with nodemailer, pooling connections so a worker can send many
 * messages without a handshake each. Failures reject with a classified `MailDeliveryError`.
 */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private readonly config: SmtpMailConfig;

  constructor(config: SmtpMailConfig, options: SmtpTransportOptions = {}) {
    this.config = parseMailConfig(config);
    const { host, port, secure, user, pass } = this.config;
    this.transporter = createTransport({
      pool: true,
      host,
      port,
      secure,
      auth: user ? { user, pass } : undefined,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: options.maxMessages ?? 100,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
      greetingTimeout: options.greetingTimeoutMs ?? 10_000,
      socketTimeout: options.socketTimeoutMs ?? 30_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: OutgoingMail): Promise<SendResult> {
    try {
      const info = await this.transporter.sendMail({
        from: message.from ?? this.config.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
        messageId: message.messageId,
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
      throw new MailDeliveryError(err);
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
