import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/**
 * A real SMTP server inside the test process (the `smtp-server` package), that parses what it
 * receives with `mailparser`. It can refuse recipients or messages with a given reply code, so
 * tests see the same failures a real server produces.
 */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
  raw: Buffer;
}

export interface TestSmtpServerOptions {
  /** 0 (default) picks a free port. Pass a port to bring a stopped server back on the same one. */
  port?: number;
  /** An SMTP reply code (550, 451…) to refuse this recipient with, or undefined to accept. */
  rejectRecipient?: (address: string) => number | undefined;
  /** An SMTP reply code to refuse the whole message with after DATA. */
  rejectMessage?: (raw: Buffer) => number | undefined;
  /**
   * A slow server: milliseconds to wait, after the whole message arrived (and was kept, so it
   * counts as received), before replying 250. Longer than the client's timeout: the client never
   * learns that the message was accepted.
   */
  replyDelayMs?: (raw: Buffer) => number;
  /** Keep the message, then cut the connection without replying to the end of data. */
  dropAfterData?: (raw: Buffer) => boolean;
  /** Require a login with these credentials (over plain text: test only). */
  auth?: { user: string; pass: string };
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** Every mail accepted so far, in order of arrival. */
  received: ReceivedMail[];
  /** Resolves once at least `count` mails have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** What the server keeps of a client connection (smtp-server's internals, for cutting one). */
interface SessionConnection {
  id: string;
  _socket?: { destroy(): void };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const delayed = new Set<NodeJS.Timeout>();

  const server = new SMTPServer({
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Idle pooled client connections get a 421 this soon after close(), so stopping is quick.
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpError(535, 'Authentication failed'));
      }
    },
    onRcptTo(address, _session, callback) {
      const code = options.rejectRecipient?.(address.address);
      callback(code ? smtpError(code, `Recipient ${address.address} refused`) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const code = options.rejectMessage?.(raw);
        if (code) {
          callback(smtpError(code, 'Message refused'));
          return;
        }
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              parsed,
              raw,
            });
            for (const wake of [...waiters]) wake();
            if (options.dropAfterData?.(raw)) {
              const connections = (server as unknown as { connections: Set<SessionConnection> }).connections;
              for (const c of connections) if (c.id === session.id) c._socket?.destroy();
              return;
            }
            const delay = options.replyDelayMs?.(raw) ?? 0;
            if (delay > 0) {
              const timer = setTimeout(() => {
                delayed.delete(timer);
                callback(null);
              }, delay);
              delayed.add(timer);
            } else callback(null);
          },
          (err: Error) => callback(err),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after start (a client dropping mid-session) are part of what tests provoke.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    received,
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(received.slice());
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} mails, got ${received.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => {
      for (const timer of delayed) clearTimeout(timer);
      delayed.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
