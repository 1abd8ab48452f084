import { Server as NetServer } from 'node:net';
import type { Server } from 'node:http';

/**
 * Stops an HTTP server taking work without failing any request it already has (SIGTERM, issue 13):
 * the port closes at once (new connections are refused, so a load balancer tries another
 * instance); requests in flight finish; a request arriving on a kept-alive connection is still
 * answered, with `Connection: close`, so the client opens its next connection elsewhere. Idle
 * kept-alive connections are closed after `idleGraceMs` rather than at once, since closing one
 * while its client is sending on it resets that request. Resolves when every connection has ended,
 * or after `timeoutMs`, when the rest are cut.
 */
export function drainHttp(
  server: Server,
  options: { timeoutMs: number; idleGraceMs?: number },
): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
  return new Promise<void>((resolve) => {
    const idle = setTimeout(() => server.closeIdleConnections(), options.idleGraceMs ?? 1_000);
    const cut = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, options.timeoutMs);
    // net.Server's close, not http.Server's: the latter also closes idle connections at once.
    NetServer.prototype.close.call(server, () => {
      clearTimeout(idle);
      clearTimeout(cut);
      resolve();
    });
  });
}
