#!/usr/bin/env node
// Pre-compresses the built web app (ADR 0023): beside every text file of dist/apps/web/browser over
// 1 kB it writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9), which the API
// serves by the browser's Accept-Encoding (apps/api/src/app/web-static.ts). A form that would not
// be smaller is not written. Runs as the last step of `nx build web`; takes the folder as argument.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/apps/web/browser';
const TEXT = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.svg',
  '.txt',
  '.webmanifest',
  '.ico',
  '.map',
]);
const MIN_BYTES = 1024;

let files = 0;
let raw = 0;
let br = 0;
let gz = 0;
for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !TEXT.has(extname(path))) continue;
  // A rebuild into the same folder must not leave a stale compressed form of an older file.
  rmSync(`${path}.br`, { force: true });
  rmSync(`${path}.gz`, { force: true });
  const bytes = readFileSync(path);
  if (bytes.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli);
  if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip);
  files += 1;
  raw += bytes.length;
  br += Math.min(brotli.length, bytes.length);
  gz += Math.min(gzip.length, bytes.length);
}
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`compressed ${files} files in ${dir}: ${kB(raw)} → ${kB(br)} brotli, ${kB(gz)} gzip`);
