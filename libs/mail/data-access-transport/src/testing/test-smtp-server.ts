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

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();

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
            callback(null);
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
