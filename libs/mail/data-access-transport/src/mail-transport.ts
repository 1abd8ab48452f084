/** Header carrying the outbox message's idempotency key, so a receiver can recognise a duplicate. */
export const IDEMPOTENCY_HEADER = 'X-STL-Idempotency-Key';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

/** A mailbox: a display name and an address. */
export interface MailAddress {
  name: string;
  address: string;
}

export interface OutgoingMail {
  to: string | string[];
  /** Defaults to the transport's configured sender. */
  from?: string;
  /**
   * Where answers go (`Reply-To`), e.g. the course leader who sent a nudge. Fixed when the mail is
   * made, like the Date header, so a resend is byte-identical.
   */
  replyTo?: MailAddress;
  subject: string;
  html: string;
  text: string;
  /**
   * Extra headers, e.g. `X-STL-Idempotency-Key`, `List-Unsubscribe`, `List-Unsubscribe-Post`.
   * Values must be single-line.
   */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /**
   * A fixed Message-ID (`<id@domain>`). Derive it from the idempotency key (see `messageIdFor`) so a
   * message re-sent after a crash has the same Message-ID and mail systems can drop the copy.
   */
  messageId?: string;
  /**
   * The Date header. Set it once, when the mail is made (the outbox row's creation), so a message
   * sent again is byte-identical to the first copy; without it, the moment of sending.
   */
  date?: Date;
}

export interface SendResult {
  messageId: string;
  accepted: string[];
  /** Recipients the server refused while others were accepted. When all are refused, send rejects. */
  rejected: string[];
}

/** The one way the platform sends mail. Implementations: `SmtpMailTransport`. */
export interface SendHooks {
  /**
   * Called once when this message's data starts going to the server (the server answered DATA with
   * 354): from here on the server may end up with the message, whatever happens to this process.
   * Not called for a message that never got that far (no connection, a refused sender or
   * recipient): such a send ends with its outcome.
   */
  onTransmit?: () => void;
}

export interface MailTransport {
  send(message: OutgoingMail, hooks?: SendHooks): Promise<SendResult>;
  /** Connects and (if configured) authenticates, to check the settings at boot or in a health check. */
  verify(): Promise<void>;
  close(): void;
}
