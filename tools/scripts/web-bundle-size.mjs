#!/usr/bin/env node
// The size of the web app's initial JavaScript (what a browser fetches before the first page
// renders): the scripts and module preloads index.html names, raw and gzipped (level 9, as a
// server would send them). Run after `npx nx build web` (or `npx nx run web:bundle-size`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/apps/web/browser';
const indexFile = join(dir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`${indexFile} not found: build the web app first (npx nx build web).`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const files = [
  ...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
].map((m) => m[1]);
const unique = [...new Set(files)];
const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
let raw = 0;
let gzip = 0;
for (const f of unique) {
  const bytes = readFileSync(join(dir, f));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += gz;
  console.log(`${f.padEnd(28)} ${kB(bytes.length).padStart(10)} raw ${kB(gz).padStart(10)} gzip`);
}
console.log(`${'initial JavaScript'.padEnd(28)} ${kB(raw).padStart(10)} raw ${kB(gzip).padStart(10)} gzip`);
