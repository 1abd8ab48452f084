import { startMailCatcher } from './catcher';

function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) {
    process.stderr.write(`${name} must be a port number (0–65535), got "${raw}"\n`);
    process.exit(1);
  }
  return value;
}

async function main(): Promise<void> {
  const host = process.env['MAIL_CATCHER_HOST']?.trim() || '127.0.0.1';
  const catcher = await startMailCatcher({
    smtpPort: port('MAIL_CATCHER_SMTP_PORT', 1025),
    httpPort: port('MAIL_CATCHER_HTTP_PORT', 1080),
    host,
    onMessage: (m) => process.stdout.write(`Caught mail to ${m.envelope.to.join(', ')}: ${m.subject}\n`),
  });
  const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  process.stdout.write(
    `Mail catcher: SMTP on ${host}:${catcher.smtpPort}, read the mail at http://${shown}:${catcher.httpPort}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void catcher.close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Mail catcher failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
