import type { AddressInfo, Server as NetServer } from 'node:net';
import { createCatcherHttpServer } from './http';
import { MessageStore } from './message-store';
import type { CaughtMessage } from './message-store';
import { createCatcherSmtpServer } from './smtp';

export interface MailCatcherOptions {
  /** 0 picks a free port. Default 1025. */
  smtpPort?: number;
  /** 0 picks a free port. Default 1080. */
  httpPort?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only); 0.0.0.0 in a container. */
  host?: string;
  /** How many mails to keep. Default 500. */
  maxMessages?: number;
  /** Called for each mail caught, e.g. to log it. */
  onMessage?: (message: CaughtMessage) => void;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  close(): Promise<void>;
}

/** Listens on the underlying `net.Server` (what `SMTPServer.listen` does too); resolves to the port. */
function listen(server: NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the SMTP server and the web UI; both stop with `close()`. */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const store = new MessageStore(options.maxMessages ?? 500);
  let smtpPort = 0;
  const smtp = createCatcherSmtpServer(store, options.onMessage);
  const http = createCatcherHttpServer(store, () => smtpPort);
  smtpPort = await listen(smtp.server, options.smtpPort ?? 1025, host);
  let httpPort: number;
  try {
    httpPort = await listen(http, options.httpPort ?? 1080, host);
  } catch (err) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw err;
  }
  // A client dropping mid-session is not a reason to stop catching.
  smtp.on('error', () => undefined);

  return {
    smtpPort,
    httpPort,
    close: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
