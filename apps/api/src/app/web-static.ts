import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import Negotiator from 'negotiator';

/** Paths the web app's SPA fallback must never answer: the API's own routes. */
export const API_PREFIXES = ['/graphql', '/health', '/unsubscribe', '/auth', '/export', '/files'];

/** What a cached response must say: hashed bundles never change, anything else is asked about. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * A file the Angular build names by its content (`main-JTX7TGTW.js`, `chunk-CnyJiUx-.js`,
 * `styles-….css`, `media/…-HASH.woff2`): a new build gives it a new name, so it may be cached for a
 * year. Anything else (index.html, the icons and files of apps/web/public) keeps its name across
 * builds and is revalidated.
 */
export function isHashed(urlPath: string): boolean {
  return (
    /^\/(main|polyfills|styles|chunk|worker|scripts)-[A-Za-z0-9_-]{8}\.(js|css)$/.test(urlPath) ||
    /^\/media\/[^/]+-[A-Z0-9]{8}\.[a-z0-9]+$/.test(urlPath)
  );
}

/** Encodings made at build time (tools/scripts/compress-web.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];
const PREFERRED = ['br', 'gzip', 'identity'];

/** negotiator 1.x breaks ties by the server's preference; @types/negotiator describes only 0.6. */
interface EncodingNegotiator {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
}

/**
 * The encoding to send of those at hand: the client's highest q, and brotli on a tie (browsers
 * list `gzip, deflate, br, zstd`, all at q=1).
 */
function negotiate(req: Request, available: readonly Encoding[]): Encoding | undefined {
  if (!available.length) return undefined;
  const negotiator = new Negotiator(req) as unknown as EncodingNegotiator;
  const chosen = negotiator.encoding([...available, 'identity'], { preferred: PREFERRED });
  return available.find((e) => e === chosen);
}

interface WebFile {
  path: string;
  /** Its URL path, `/main-JTX7TGTW.js`. */
  url: string;
  /** Encodings present beside the file (`main.js.br`, `main.js.gz`). */
  encodings: Encoding[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** The built web app's files, by URL path, read once at boot (a new build means a new process). */
function indexWebFiles(dir: string): Map<string, WebFile> {
  const all = new Set(listFiles(dir));
  const files = new Map<string, WebFile>();
  for (const path of all) {
    if (ENCODINGS.some((e) => path.endsWith(e.suffix))) continue;
    const encodings = ENCODINGS.filter((e) => all.has(path + e.suffix)).map((e) => e.name);
    const url = '/' + relative(dir, path).split(sep).join('/');
    files.set(url, { path, url, encodings });
  }
  return files;
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the built web app (ADR 0023): each file in the form the browser accepts best of those made
 * at build time (brotli, gzip, plain), with `Vary: Accept-Encoding`; hashed files cached for a
 * year as immutable, index.html and other unhashed files revalidated (`no-cache`). Every other GET
 * that is not an API route and names no file gets index.html (the client-side routes).
 */
export function webStatic(dir: string) {
  const root = resolve(dir);
  const files = indexWebFiles(root);
  const index = files.get('/index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    let file = files.get(req.path);
    if (!file) {
      // A missing asset (an old bundle's name) is a 404, not the app's HTML under a .js name.
      if (extname(req.path) || !index) return next();
      file = index;
    }
    const encoding = negotiate(req, file.encodings);
    const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
    // The type is the original file's, not that of `.br`; send() keeps a Content-Type already set.
    res.type(extname(file.path));
    if (file.encodings.length) res.vary('Accept-Encoding');
    if (encoding) res.set('Content-Encoding', encoding);
    res.set('Cache-Control', isHashed(file.url) ? IMMUTABLE : REVALIDATE);
    res.sendFile(file.path + suffix, { cacheControl: false, dotfiles: 'deny' }, (err?: Error) => {
      if (err && !res.headersSent) next(err);
    });
  };
}

/** The built web app is served at / when its folder holds index.html (after `nx build web`). */
export function webAppAt(dir: string): boolean {
  return existsSync(resolve(dir, 'index.html'));
}
