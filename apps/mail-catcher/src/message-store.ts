export interface CaughtAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface CaughtMessage {
  id: string;
  receivedAt: Date;
  /** What the sending client said in MAIL FROM / RCPT TO: who the mail was really delivered to. */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string | null;
  text: string | null;
  /** Header lines as they arrived, in order. */
  headers: { key: string; line: string }[];
  attachments: CaughtAttachment[];
  raw: Buffer;
}

/** The last `limit` messages in memory; the oldest is dropped when a new one arrives. */
export class MessageStore {
  private readonly messages: CaughtMessage[] = [];
  private nextId = 1;

  constructor(private readonly limit = 500) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  }

  add(message: Omit<CaughtMessage, 'id'>): CaughtMessage {
    const stored = { id: String(this.nextId++), ...message };
    this.messages.push(stored);
    if (this.messages.length > this.limit) this.messages.splice(0, this.messages.length - this.limit);
    return stored;
  }

  /** Newest first. */
  list(): CaughtMessage[] {
    return this.messages.slice().reverse();
  }

  get(id: string): CaughtMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages.length = 0;
  }

  get size(): number {
    return this.messages.length;
  }
}
