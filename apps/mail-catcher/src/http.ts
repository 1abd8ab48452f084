import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { CaughtMessage, MessageStore } from './message-store';
import { listPage, messagePage, notFoundPage } from './pages';

/** Scripts may run nowhere: not in the UI, and (inherited by the srcdoc frame) not in a mail. */
const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const html = (res: ServerResponse, status: number, body: string): void =>
  send(res, status, body, HTML_HEADERS);

const json = (res: ServerResponse, status: number, body: unknown): void =>
  send(res, status, JSON.stringify(body), {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });

/** A download, never rendered by the browser on this origin (an attachment may be HTML). */
function download(res: ServerResponse, filename: string, contentType: string, body: Buffer): void {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  send(res, 200, body, {
    'Content-Type': contentType || 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Content-Security-Policy': 'sandbox',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  send(res, 405, 'Method Not Allowed', { 'Content-Type': 'text/plain; charset=utf-8', Allow: allow });
}

export function summary(m: CaughtMessage): Record<string, unknown> {
  return {
    id: m.id,
    receivedAt: m.receivedAt.toISOString(),
    from: m.from,
    to: m.to,
    subject: m.subject,
    size: m.raw.length,
    attachments: m.attachments.length,
  };
}

export function detail(m: CaughtMessage): Record<string, unknown> {
  return {
    id: m.id,
    receivedAt: m.receivedAt.toISOString(),
    envelope: m.envelope,
    from: m.from,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    html: m.html,
    text: m.text,
    headers: m.headers,
    attachments: m.attachments.map((a, i) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      url: `/messages/${m.id}/attachments/${i}`,
    })),
    sourceUrl: `/messages/${m.id}/source`,
  };
}

function matches(m: CaughtMessage, query: string): boolean {
  const q = query.toLowerCase();
  return [m.subject, m.from, ...m.to, ...m.cc, ...m.envelope.to].some((s) => s.toLowerCase().includes(q));
}

/** A form post from another site (the page is on localhost, but any site could post to it). */
function crossSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && origin !== `http://${req.headers.host ?? ''}`;
}

function route(req: IncomingMessage, res: ServerResponse, store: MessageStore, smtpPort: () => number): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  let m: RegExpExecArray | null;

  if (path === '/api/messages') {
    if (method === 'GET') return json(res, 200, store.list().map(summary));
    if (method === 'DELETE') {
      store.clear();
      res.writeHead(204).end();
      return;
    }
    return methodNotAllowed(res, 'GET, DELETE');
  }
  if ((m = /^\/api\/messages\/([^/]+)$/.exec(path))) {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    const found = store.get(decodeURIComponent(m[1] ?? ''));
    return found ? json(res, 200, detail(found)) : json(res, 404, { error: 'not_found' });
  }
  if (path === '/messages/delete') {
    if (method !== 'POST') return methodNotAllowed(res, 'POST');
    if (crossSite(req)) return send(res, 403, 'Forbidden', { 'Content-Type': 'text/plain; charset=utf-8' });
    store.clear();
    res.writeHead(303, { Location: '/' }).end();
    return;
  }
  if (method !== 'GET') return methodNotAllowed(res, 'GET');
  if (path === '/') {
    const query = (url.searchParams.get('q') ?? '').trim();
    const all = store.list();
    return html(
      res,
      200,
      listPage(query ? all.filter((x) => matches(x, query)) : all, all.length, query, smtpPort()),
    );
  }
  if ((m = /^\/messages\/([^/]+)$/.exec(path))) {
    const found = store.get(decodeURIComponent(m[1] ?? ''));
    return found ? html(res, 200, messagePage(found)) : html(res, 404, notFoundPage());
  }
  if ((m = /^\/messages\/([^/]+)\/attachments\/(\d+)$/.exec(path))) {
    const attachment = store.get(decodeURIComponent(m[1] ?? ''))?.attachments[Number(m[2])];
    if (!attachment) return html(res, 404, notFoundPage());
    return download(res, attachment.filename, attachment.contentType, attachment.content);
  }
  if ((m = /^\/messages\/([^/]+)\/source$/.exec(path))) {
    const found = store.get(decodeURIComponent(m[1] ?? ''));
    if (!found) return html(res, 404, notFoundPage());
    return download(res, `mejl-${found.id}.eml`, 'message/rfc822', found.raw);
  }
  return html(res, 404, notFoundPage());
}

/** The web UI and JSON API, on `node:http` only. */
export function createCatcherHttpServer(store: MessageStore, smtpPort: () => number): Server {
  return createServer((req, res) => {
    try {
      route(req, res, store, smtpPort);
    } catch {
      if (!res.headersSent)
        send(res, 500, 'Internal Server Error', { 'Content-Type': 'text/plain; charset=utf-8' });
      else res.end();
    }
  });
}
