import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { CaughtMessage, MessageStore } from './message-store';

/** Mails larger than this are refused with 552, as a real server would. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const addressList = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) =>
    o.value.map((v) => (v.name ? `${v.name} <${v.address}>` : (v.address ?? ''))),
  );

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * An SMTP server for development that accepts every mail (any login, no TLS) and keeps it in the
 * store. It never relays anything anywhere.
 */
export function createCatcherSmtpServer(
  store: MessageStore,
  onMessage?: (m: CaughtMessage) => void,
): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'STL mail catcher: nothing is delivered',
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anyone' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `Message exceeds ${MAX_MESSAGE_BYTES} bytes`));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { skipImageLinks: true }).then(
          (parsed) => {
            const stored = store.add({
              receivedAt: new Date(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              from: addressList(parsed.from)[0] ?? '',
              to: addressList(parsed.to),
              cc: addressList(parsed.cc),
              subject: parsed.subject ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              text: parsed.text ?? null,
              headers: parsed.headerLines.map((h) => ({ key: h.key, line: h.line })),
              attachments: parsed.attachments.map((a, i) => ({
                filename: a.filename ?? `bilaga-${i + 1}`,
                contentType: a.contentType,
                size: a.size,
                content: a.content,
              })),
              raw,
            });
            onMessage?.(stored);
            callback(null);
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
}
