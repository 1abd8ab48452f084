/**
 * Mail throughput: queued reminders (outbox + pg-boss worker) vs plain nodemailer (issue 4).
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/mail-throughput.ts
 *
 * 1. A PostgreSQL server: DATABASE_URL when set, else a throw-away embedded one. A scratch database
 *    on it is migrated and seeded with the demo organisation, and dropped at the end.
 * 2. A local SMTP sink (the `smtp-server` package) on its own thread, as a real server would be
 *    another process: it only counts messages and the distinct X-STL-Idempotency-Key headers, and
 *    drains the data (no parsing, nothing kept).
 * 3. Queued: the real API app (createApp, workers on, no quiet hours, no reminder schedule) with the
 *    outbox in front. BENCH_MAILS "submission due in 48 hours" reminders, each with its own
 *    idempotency key, spread over the 24 demo teachers, are enqueued with OutboxService.enqueueMany
 *    in transactions of BENCH_TX_SIZE. Timed from the first enqueue until the sink has them all and
 *    no outbox row is PENDING: enqueue, render, send-time check, SMTP and bookkeeping included.
 * 4. Plain: the same mails, rendered by the worker's own composer as each is sent (the queued path
 *    renders too, so both times include it), sent by nodemailer straight to the same sink with the
 *    app transport's settings (pooled, SMTP_DEFAULTS: 5 connections, 100 messages per connection;
 *    the same bytes reach the sink). Concurrency as the worker's: it runs fetch loops
 *    (DELIVERY_LOOPS) of MAIL_BATCH_SIZE jobs and sends each batch at once, so the plain sender
 *    keeps DELIVERY_LOOPS × MAIL_BATCH_SIZE sends in flight.
 * 5. Crash recovery (issue 16): BENCH_CRASH_MAILS reminders are enqueued, the API is started as a
 *    child process (apps/api/src/main.ts, workers on) and killed with SIGKILL once the sink has the
 *    first hundred of them; a new app starts, and the time from its start until the sink has every mail is
 *    printed with the configured bound (MAIL_RECOVERY_SECONDS = BENCH_RECOVERY_SECONDS), along with
 *    how many delivery jobs the dead process held and how many mails went out twice.
 *
 * The mails are split into BENCH_ROUNDS rounds (5), queued then plain in odd rounds and plain then
 * queued in even ones, so that both paths see the same stretches of a machine whose load changes by
 * the minute and neither always goes first. Each round's ratio is printed with the load average at
 * its start, and the median of the rounds' ratios is the figure to quote (with their range). Also
 * printed: the CPU per mail of this process and of the PostgreSQL backends serving the app's
 * database (read from /proc, so only for a server on this machine), and how busy this thread's
 * event loop was in each path.
 *
 * Settings (environment): BENCH_MAILS (15000), BENCH_ROUNDS (5), BENCH_CRASH_MAILS (2000), BENCH_RECOVERY_SECONDS
 * (30), BENCH_BATCH_SIZE (MAIL_BATCH_SIZE of the worker, 50), BENCH_TX_SIZE (reminders per enqueue
 * transaction, 500), BENCH_LOG_LEVEL (the app's log level, warn), DATABASE_URL (a PostgreSQL
 * server URL; its scratch database is created and dropped), BENCH_TCP_NODELAY=1 (see below),
 * BENCH_CPU_PROF (a folder: a CPU profile of this thread for the queued and the plain run, to
 * open in Chrome's DevTools), BENCH_COUNT_SQL=1 (the queued run's SQL statements, counted by kind).
 *
 * nodemailer leaves Nagle's algorithm on: the end-of-data line of each message then waits for the
 * server's delayed ACK (about 40 ms on the loopback here), which caps every pooled connection at
 * about 20 mails/s whatever sends them. BENCH_TCP_NODELAY=1 turns it off for every socket this
 * process opens with net.connect (both paths alike), to show what the queue costs without that cap.
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app/create-app';
import {
  DEMO_IDS,
  createScratchDatabase,
  dataSourceOptions,
  runMigrations,
  seedDemo,
  startEmbeddedPostgres,
} from '../../libs/api/data-access-db/src';
import { OutboxService, QUEUE, QUEUE_SCHEMA } from '../../libs/api/feature-notification/src';
import type { NotificationDraft } from '../../libs/api/feature-notification/src';
import { composeMail } from '../../libs/api/feature-notification/src/outbox/compose-mail';
import { DELIVERY_LOOPS } from '../../libs/api/feature-notification/src/queue/delivery-timing';
import { loadConfig } from '../../libs/api/util-config/src';
import { SMTP_DEFAULTS, mailConfigFromEnv } from '../../libs/mail/data-access-transport/src';
import type { OutgoingMail } from '../../libs/mail/data-access-transport/src';
import { MailKind } from '../../libs/mail/util-templates/src';

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const MAILS = intEnv('BENCH_MAILS', 15_000);
const BATCH_SIZE = intEnv('BENCH_BATCH_SIZE', 50);
/** Rounds of queued-then-plain the mails are split into. */
const ROUNDS = intEnv('BENCH_ROUNDS', 5);
const TX_SIZE = intEnv('BENCH_TX_SIZE', 500);
const LOG_LEVEL = process.env['BENCH_LOG_LEVEL'] || 'warn';
/** The crash-recovery run: mails enqueued, and MAIL_RECOVERY_SECONDS of every process in it. */
const CRASH_MAILS = intEnv('BENCH_CRASH_MAILS', 2_000);
const RECOVERY_SECONDS = intEnv('BENCH_RECOVERY_SECONDS', 30);
/** A folder: each timed phase's CPU profile (this thread) is written there as <phase>.cpuprofile. */
const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'] || '';
const TCP_NODELAY = ['1', 'true', 'yes'].includes(process.env['BENCH_TCP_NODELAY'] ?? '');
/** The worker's fetch loops (JobQueue.workDeliveries), each sending a batch at once. */
const WORKER_LOOPS = DELIVERY_LOOPS;
/** SmtpMailTransport's pool defaults, which MailSender uses (SMTP_MAX_CONNECTIONS is not set here). */
const POOL = { maxConnections: SMTP_DEFAULTS.maxConnections, maxMessages: SMTP_DEFAULTS.maxMessages };
/** The demo teachers, DEMO_IDS.person(100..123): participants of the demo cohort. */
const TEACHERS = 24;
/** Give up when the sink has received nothing new for this long. */
const STALL_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => ms / 1000;
const log = (line: string) => console.error(`[bench] ${line}`);
/** CPU time of this process (every thread: app, nodemailer, the sink) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** The CPU time (ms) of each PostgreSQL backend serving the database `db` is connected to. */
async function backendCpu(db: DataSource): Promise<Map<number, number>> {
  const rows: { pid: number }[] = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const tickMs = 1000 / 100; // USER_HZ on Linux
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * tickMs);
    } catch {
      // A server on another machine, or a backend that just ended: not counted.
    }
  }
  return out;
}

/** CPU ms the backends used since `from` (a backend new since then counts from its start). */
function backendCpuSince(from: Map<number, number>, now: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of now) total += ms - (from.get(pid) ?? 0);
  return total;
}

/**
 * Profiles `run` on this thread (the app's and nodemailer's, not the sink's) when BENCH_CPU_PROF
 * names a folder: `node --cpu-prof` would mix the phases, and the set-up, into one profile.
 */
async function profiled<T>(phase: string, run: () => Promise<T>): Promise<T> {
  if (!CPU_PROF_DIR) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const file = join(CPU_PROF_DIR, `${phase}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    log(`${phase}: CPU profile in ${file}`);
    session.disconnect();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** DATABASE_URL's server, else an embedded PostgreSQL in a temporary folder. */
async function postgresServer(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  const given = process.env['DATABASE_URL'];
  if (given) return { serverUrl: given, stop: async () => undefined };
  const parent = mkdtempSync(join(tmpdir(), 'stl-bench-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must reach the folder.
  chmodSync(parent, 0o755);
  log('DATABASE_URL is not set: starting an embedded PostgreSQL');
  const server = await startEmbeddedPostgres({
    dir: join(parent, 'data'),
    port: await freePort(),
    persistent: false,
  });
  return {
    serverUrl: server.serverUrl,
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** Plain JavaScript for the sink's thread (no TypeScript loader needed there). */
const SINK_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { SMTPServer } = require(workerData.smtpServer);
const counter = new Int32Array(workerData.counter);
const KEY = /^x-stl-idempotency-key:[ \\t]*(\\S+)/im;
let keys = new Set();
let bytes = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  closeTimeout: 200,
  onData(stream, _session, callback) {
    let head = '';
    let headDone = false;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (headDone) return;
      head += chunk.toString('latin1');
      const end = head.indexOf('\\r\\n\\r\\n');
      if (end >= 0) { head = head.slice(0, end); headDone = true; }
    });
    stream.on('end', () => {
      const key = KEY.exec(head);
      if (key) keys.add(key[1]);
      Atomics.add(counter, 0, 1);
      callback(null);
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.server.address().port }));
parentPort.on('message', (msg) => {
  if (msg.type === 'stats') parentPort.postMessage({ type: 'stats', received: Atomics.load(counter, 0), distinct: keys.size, bytes });
  if (msg.type === 'reset') {
    keys = new Set();
    bytes = 0;
    Atomics.store(counter, 0, 0);
    parentPort.postMessage({ type: 'reset' });
  }
  if (msg.type === 'close') server.close(() => parentPort.postMessage({ type: 'close' }));
});
`;

interface SinkStats {
  received: number;
  distinct: number;
  bytes: number;
}

interface Sink {
  port: number;
  /** Messages accepted since the last reset (read without a round trip to the sink's thread). */
  received(): number;
  stats(): Promise<SinkStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const counter = new SharedArrayBuffer(4);
  const count = new Int32Array(counter);
  const worker = new Worker(SINK_THREAD, {
    eval: true,
    workerData: { counter, smtpServer: require.resolve('smtp-server') },
  });
  const reply = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (msg: { type: string } & T) => {
        if (msg.type !== type) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(msg);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const { port } = await reply<{ port: number }>('listening');
  const ask = <T>(type: string): Promise<T> => {
    const answer = reply<T>(type);
    worker.postMessage({ type });
    return answer;
  };
  return {
    port,
    received: () => Atomics.load(count, 0),
    stats: async () => {
      const { received, distinct, bytes } = await ask<SinkStats>('stats');
      return { received, distinct, bytes };
    },
    reset: async () => {
      await ask('reset');
    },
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}

/**
 * Waits until the sink holds `count` messages; fails when nothing new arrives for STALL_MS, or
 * when `stuck` (asked once a second) says nothing more can come.
 */
async function waitForSink(
  sink: Sink,
  count: number,
  label: string,
  started: number,
  stuck?: () => Promise<string | null>,
): Promise<void> {
  let last = -1;
  let lastChange = performance.now();
  let lastReport = performance.now();
  let lastProbe = performance.now();
  for (;;) {
    const now = sink.received();
    if (now >= count) return;
    const t = performance.now();
    if (stuck && t - lastProbe > 1_000) {
      lastProbe = t;
      const why = await stuck();
      if (why && sink.received() < count)
        throw new Error(`${label}: the sink got ${sink.received()} of ${count} mails; ${why}`);
    }
    if (now !== last) {
      last = now;
      lastChange = t;
    } else if (t - lastChange > STALL_MS) {
      throw new Error(
        `${label}: the sink got ${now} of ${count} mails and nothing more for ${STALL_MS / 1000} s`,
      );
    }
    if (t - lastReport > 10_000) {
      lastReport = t;
      log(`${label}: ${now}/${count} received after ${seconds(t - started).toFixed(1)} s`);
    }
    await sleep(20);
  }
}

function reminder(runId: string, i: number): NotificationDraft {
  return {
    idempotencyKey: `bench:${runId}:SUBMISSION_DUE_48H:${i}`,
    kind: MailKind.SUBMISSION_DUE_48H,
    recipientId: DEMO_IDS.person(100 + (i % TEACHERS)),
    refs: { cohortId: DEMO_IDS.cohort, roundId: DEMO_IDS.round(4) },
    data: {
      cohortId: DEMO_IDS.cohort,
      cohortName: 'STL Lärkby 2026/27',
      roundId: DEMO_IDS.round(4),
      roundNumber: 4,
      submissionDueAt: '2026-11-29T12:00:00Z',
      hasDraft: false,
    },
  };
}

interface QueuedResult {
  enqueueMs: number;
  receivedMs: number;
  settledMs: number;
  cpuMs: number;
  /** CPU of the PostgreSQL backends serving the app's database (this run's only). */
  pgCpuMs: number;
  /** Event-loop utilisation of this thread (the app's and nodemailer's), 0–1. */
  elu: number;
  statuses: Record<string, number>;
  retried: number;
  jobs: Record<string, number>;
  sink: SinkStats;
}

/** BENCH_COUNT_SQL=1: the statements of the queued run, counted by their first words. */
const sqlCounts = new Map<string, number>();
if (['1', 'true', 'yes'].includes(process.env['BENCH_COUNT_SQL'] ?? '')) {
  // Every pg client of the process (TypeORM's and pg-boss's) shares this prototype.
  const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const q = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : ((config as { text?: string })?.text ?? '?');
    const k = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    sqlCounts.set(k, (sqlCounts.get(k) ?? 0) + 1);
    return q.call(this, config, ...rest);
  };
}

async function runQueued(
  app: INestApplication,
  sink: Sink,
  drafts: NotificationDraft[],
): Promise<QueuedResult> {
  const outbox = app.get(OutboxService);
  const db = app.get(DataSource);
  await sink.reset();
  sqlCounts.clear();
  const pgFrom = await backendCpu(db);
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let queued = 0;
  for (let i = 0; i < drafts.length; i += TX_SIZE) {
    const chunk = drafts.slice(i, i + TX_SIZE);
    const results = await db.transaction((manager) => outbox.enqueueMany(manager, chunk));
    queued += results.filter((r) => r.outcome === 'QUEUED').length;
  }
  const enqueued = performance.now();
  if (queued !== drafts.length) throw new Error(`Only ${queued} of ${drafts.length} reminders were queued`);
  log(
    `queued: ${queued} enqueued in ${seconds(enqueued - started).toFixed(2)} s; ${sink.received()} already received`,
  );
  const statuses = async () => {
    const rows: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status ORDER BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };
  await waitForSink(sink, queued, 'queued', started, async () => {
    const now = await statuses();
    if (now['PENDING']) return null;
    const [failure]: { last_error: string }[] = await db.query(
      `SELECT last_error FROM outbox_message WHERE status <> 'SENT' AND last_error IS NOT NULL LIMIT 1`,
    );
    return `no outbox row is PENDING any more: ${JSON.stringify(now)}${failure ? `, e.g. "${failure.last_error}"` : ''}`;
  });
  const received = performance.now();
  for (;;) {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE status = 'PENDING'`,
    );
    if (n === 0) break;
    if (performance.now() - received > STALL_MS) throw new Error(`${n} outbox rows still PENDING`);
    await sleep(20);
  }
  const settled = performance.now();
  const cpuUsed = cpuMs(cpu);
  const eluUsed = performance.eventLoopUtilization(elu).utilization;
  const pgCpuMs = backendCpuSince(pgFrom, await backendCpu(db));
  for (const [k, n] of [...sqlCounts].sort((a, b) => b[1] - a[1]).slice(0, 12)) log(`sql ${n} × ${k}`);
  sqlCounts.clear();
  // Anything late (a duplicate send) would show in the sink's count a moment later.
  await sleep(500);
  const [{ retried }]: { retried: number }[] = await db.query(
    `SELECT count(*)::int AS retried FROM outbox_message WHERE attempts > 1`,
  );
  const jobRows: { state: string; n: number }[] = await db.query(
    `SELECT state::text, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state ORDER BY state`,
    [QUEUE.MAIL_DELIVER],
  );
  return {
    enqueueMs: enqueued - started,
    receivedMs: received - started,
    settledMs: settled - started,
    cpuMs: cpuUsed,
    pgCpuMs,
    elu: eluUsed,
    statuses: await statuses(),
    retried,
    jobs: Object.fromEntries(jobRows.map((r) => [r.state, r.n])),
    sink: await sink.stats(),
  };
}

interface Person {
  id: string;
  email: string;
  full_name: string;
  locale: string;
}

/** The demo teachers the reminders go to, read once (the queued path reads them per batch). */
async function loadPeople(db: DataSource): Promise<Map<string, Person>> {
  const ids = Array.from({ length: TEACHERS }, (_, i) => DEMO_IDS.person(100 + i));
  const people: Person[] = await db.query(
    `SELECT id, email, full_name, locale FROM person WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(people.map((p) => [p.id, p]));
}

interface ComposeContext {
  publicWebUrl: string;
  linkSecret: string;
  from: string;
}

/** The mail the worker sends for a draft, made by its own composer. */
function compose(
  draft: NotificationDraft,
  people: Map<string, Person>,
  ctx: ComposeContext,
  createdAt: Date,
) {
  const p = people.get(draft.recipientId);
  if (!p) throw new Error(`No person ${draft.recipientId}`);
  return composeMail(
    {
      idempotencyKey: draft.idempotencyKey,
      kind: draft.kind,
      data: draft.data,
      createdAt,
      recipient: { id: p.id, email: p.email, fullName: p.full_name, locale: p.locale },
    },
    ctx,
  );
}

interface PlainResult {
  ms: number;
  cpuMs: number;
  elu: number;
  sink: SinkStats;
}

/**
 * Plain sending: each mail rendered by the worker's composer as it is sent (an app without an
 * outbox renders too; the queued path's time includes its rendering) and handed to nodemailer,
 * `concurrency` at a time, with the app transport's pool settings.
 */
async function runPlain(
  sink: Sink,
  drafts: NotificationDraft[],
  people: Map<string, Person>,
  ctx: ComposeContext,
  concurrency: number,
): Promise<PlainResult> {
  // The settings of SmtpMailTransport (libs/mail/data-access-transport), as MailSender builds it.
  // The sink offers no STARTTLS, so plain text either way (as for the app's transport).
  const transporter = createTransport({
    pool: true,
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    maxConnections: POOL.maxConnections,
    maxMessages: POOL.maxMessages,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  await sink.reset();
  const createdAt = new Date();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  let failed = 0;
  const sender = async (): Promise<void> => {
    while (next < drafts.length) {
      const message = compose(drafts[next++], people, ctx, createdAt);
      try {
        // The same fields SmtpMailTransport.send passes (the same bytes reach the sink).
        await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: message.headers,
          messageId: message.messageId,
          date: message.date,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
      } catch (err) {
        if (failed++ < 5) log(`plain: ${String(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  if (failed > 0) throw new Error(`plain: ${failed} sends failed`);
  await waitForSink(sink, drafts.length, 'plain', started);
  const ms = performance.now() - started;
  const cpuUsed = cpuMs(cpu);
  const eluUsed = performance.eventLoopUtilization(elu).utilization;
  transporter.close();
  return { ms, cpuMs: cpuUsed, elu: eluUsed, sink: await sink.stats() };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function printTable(header: string[], rows: (string | number)[][]): void {
  const text = (v: string | number) =>
    typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => text(r[i] ?? '').length)));
  const line = (cells: (string | number)[]) =>
    cells.map((c, i) => (i === 0 ? text(c).padEnd(widths[i]) : text(c).padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

/** Sockets from net.connect (nodemailer's, in both paths) send small writes at once. */
function disableNagle(): void {
  const connect = net.connect;
  (net as { connect: typeof net.connect }).connect = function (this: unknown, ...args: unknown[]) {
    const socket = (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    socket.setNoDelay(true);
    return socket;
  } as typeof net.connect;
}

interface CrashResult {
  /** Delivery jobs the killed process held (active) when it died. */
  held: number;
  /** Mails not yet at the sink when it died. */
  missing: number;
  /** From the restart until the last of them arrived. */
  recoveryMs: number;
  duplicates: number;
}

/**
 * Crash recovery (issue 16): the API as a child process (apps/api/src/main.ts) delivers a burst;
 * it is killed with SIGKILL mid-burst; a new process starts and the time until every mail the
 * dead one had not sent has arrived is measured, against MAIL_RECOVERY_SECONDS.
 */
async function runCrash(
  databaseUrl: string,
  sink: Sink,
  env: Record<string, string>,
  drafts: NotificationDraft[],
): Promise<CrashResult> {
  await sink.reset();
  const config = loadConfig({ ...env, WORKER_ENABLED: 'false' });
  const enqueuer = await createApp(config, databaseUrl);
  await enqueuer.init();
  enqueuer.flushLogs();
  const outbox = enqueuer.get(OutboxService);
  const db = enqueuer.get(DataSource);
  for (let i = 0; i < drafts.length; i += TX_SIZE) {
    await db.transaction((m) => outbox.enqueueMany(m, drafts.slice(i, i + TX_SIZE)));
  }
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      ...env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      WORKER_ENABLED: 'true',
    },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = performance.now();
  while (sink.received() < Math.min(100, drafts.length / 10)) {
    // Starting the API from TypeScript sources takes minutes on a loaded machine.
    if (performance.now() - started > 600_000) throw new Error('crash: the child process delivered nothing');
    await sleep(5);
  }
  child.kill('SIGKILL');
  await exited;
  const [{ held }]: { held: number }[] = await db.query(
    `SELECT count(*)::int AS held FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'active'`,
    [QUEUE.MAIL_DELIVER],
  );
  const atKill = await sink.stats();
  await enqueuer.close();
  const restarted = await createApp(loadConfig({ ...env, WORKER_ENABLED: 'true' }), databaseUrl);
  const restartedAt = performance.now();
  await restarted.init();
  restarted.flushLogs();
  try {
    for (;;) {
      const now = await sink.stats();
      if (now.distinct >= drafts.length) {
        return {
          held,
          missing: drafts.length - atKill.distinct,
          recoveryMs: performance.now() - restartedAt,
          duplicates: now.received - now.distinct,
        };
      }
      if (performance.now() - restartedAt > 10 * 60_000)
        throw new Error(`crash: ${now.distinct} of ${drafts.length} after 10 min`);
      await sleep(50);
    }
  } finally {
    await restarted.close();
  }
}

async function main(): Promise<void> {
  if (TCP_NODELAY) disableNagle();
  const loadStart = loadavg()[0].toFixed(1);
  const cleanups: { what: string; run: () => Promise<void> }[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) {
      await c.run().catch((err: unknown) => log(`cleanup (${c.what}) failed: ${String(err)}`));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup().then(() => process.exit(130));
    });
  }
  try {
    log(
      `${MAILS} mails, worker batches of ${BATCH_SIZE} × ${WORKER_LOOPS} loops, enqueue transactions of ${TX_SIZE}`,
    );
    const pg = await postgresServer();
    cleanups.push({ what: 'PostgreSQL', run: () => pg.stop() });
    const scratch = await createScratchDatabase(pg.serverUrl, 'stl_bench');
    cleanups.push({ what: 'scratch database', run: () => scratch.drop() });
    await runMigrations(scratch.url);
    const seedDb = await new DataSource(dataSourceOptions(scratch.url, { extra: { max: 2 } })).initialize();
    let people: Map<string, Person>;
    try {
      await seedDemo(seedDb);
      people = await loadPeople(seedDb);
    } finally {
      await seedDb.destroy();
    }

    const sink = await startSink();
    cleanups.push({ what: 'SMTP sink', run: () => sink.close() });

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      LOG_LEVEL,
      PORT: '0',
      WEB_DIST_DIR: 'tmp/no-web-app',
      WORKER_ENABLED: 'true',
      REMINDER_CRON: 'off',
      MAIL_QUIET_HOURS: 'off',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: 'false',
      MAIL_FROM: 'STL-plattformen <no-reply@stl.larkby.test>',
      PUBLIC_WEB_URL: 'https://stl.larkby.test',
      MAIL_LINK_SECRET: 'mail-throughput-bench-link-secret-0123456789',
      MAIL_RETRY_DELAY_SECONDS: '1',
      MAIL_RETRY_LIMIT: '3',
      WORKER_POLL_SECONDS: '0.5',
      MAIL_BATCH_SIZE: String(BATCH_SIZE),
      MAIL_RECOVERY_SECONDS: String(RECOVERY_SECONDS),
    };
    const config = loadConfig(env);
    if (config.notification.smtpMaxConnections !== POOL.maxConnections)
      throw new Error("The plain sender must use the app transport's pool size");
    const runId = Date.now().toString(36);
    const concurrency = WORKER_LOOPS * BATCH_SIZE;
    const ctx: ComposeContext = {
      publicWebUrl: config.notification.publicWebUrl,
      linkSecret: config.notification.linkSecret,
      from: mailConfigFromEnv(config.notification.smtpEnv).from,
    };
    // BENCH_ROUNDS rounds of MAILS / BENCH_ROUNDS mails each, queued then plain in odd rounds and
    // plain then queued in even ones: on a machine whose load changes by the minute, both paths
    // see the same stretches of it, and neither always goes first.
    const perRound = Math.ceil(MAILS / ROUNDS);
    const rounds: {
      queued: QueuedResult;
      plain: PlainResult;
      mails: number;
      order: string;
      load: number;
    }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const count = Math.min(perRound, MAILS - r * perRound);
      if (count <= 0) break;
      const load = loadavg()[0];
      const drafts = Array.from({ length: count }, (_, i) => reminder(`${runId}-${r}`, i));
      const plainFirst = r % 2 === 1;
      const plainRun = async () => {
        const result = await profiled(`plain-${r + 1}`, () =>
          runPlain(sink, drafts, people, ctx, concurrency),
        );
        log(`round ${r + 1} plain: sink ${JSON.stringify(result.sink)}`);
        return result;
      };
      const plainBefore = plainFirst ? await plainRun() : null;
      // The queued run has the app to itself and the plain one runs alone: the app starts after a
      // plain run and is closed (its workers stop polling) before the next.
      const app = await createApp(config, scratch.url);
      await app.init();
      // createApp buffers logs until listen(); without listening they would stay in memory, unseen.
      app.flushLogs();
      let appOpen = true;
      const closeApp = async () => {
        if (!appOpen) return;
        appOpen = false;
        await app.close();
      };
      cleanups.push({ what: `API app (round ${r + 1})`, run: closeApp });
      const queued = await profiled(`queued-${r + 1}`, () => runQueued(app, sink, drafts));
      log(
        `round ${r + 1} queued: outbox ${JSON.stringify(queued.statuses)}, ${queued.retried} sent more than once, ` +
          `jobs ${JSON.stringify(queued.jobs)}, sink ${JSON.stringify(queued.sink)}`,
      );
      await closeApp();
      const plain = plainBefore ?? (await plainRun());
      rounds.push({
        queued,
        plain,
        mails: count,
        order: plainFirst ? 'plain, queued' : 'queued, plain',
        load,
      });
      log(
        `round ${r + 1} (load ${load.toFixed(1)}): queued ${(count / seconds(queued.settledMs)).toFixed(0)} mails/s, ` +
          `plain ${(count / seconds(plain.ms)).toFixed(0)} mails/s, ratio ${(plain.ms / queued.settledMs).toFixed(3)}`,
      );
    }
    const sum = (f: (x: (typeof rounds)[number]) => number) => rounds.reduce((t, x) => t + f(x), 0);
    const queued = {
      enqueueMs: sum((x) => x.queued.enqueueMs),
      receivedMs: sum((x) => x.queued.receivedMs),
      settledMs: sum((x) => x.queued.settledMs),
      cpuMs: sum((x) => x.queued.cpuMs),
      pgCpuMs: sum((x) => x.queued.pgCpuMs),
      bytes: sum((x) => x.queued.sink.bytes),
    };
    const plain = { ms: sum((x) => x.plain.ms), cpuMs: sum((x) => x.plain.cpuMs) };
    const queuedRate = MAILS / seconds(queued.settledMs);
    const plainRate = MAILS / seconds(plain.ms);
    const ratios = rounds.map((x) => x.plain.ms / x.queued.settledMs);
    console.log();
    console.log(
      `Mail throughput, ${MAILS} mails in ${rounds.length} rounds of ${perRound} (${(queued.bytes / MAILS / 1024).toFixed(1)} KiB each) to a local SMTP sink; ` +
        `${POOL.maxConnections} pooled SMTP connections, ${concurrency} sends in flight` +
        (TCP_NODELAY ? ', TCP_NODELAY' : ''),
    );
    console.log();
    const perMail = (ms: number) => (ms / MAILS).toFixed(2);
    printTable(
      ['step (all rounds)', 'seconds', 'mails/s', 'node CPU ms/mail', 'PostgreSQL CPU ms/mail'],
      [
        [
          'queued: enqueue (outbox rows + jobs)',
          seconds(queued.enqueueMs),
          MAILS / seconds(queued.enqueueMs),
          '',
          '',
        ],
        [
          'queued: last mail at the sink',
          seconds(queued.receivedMs),
          MAILS / seconds(queued.receivedMs),
          '',
          '',
        ],
        [
          'queued: end to end (outbox settled)',
          seconds(queued.settledMs),
          queuedRate,
          perMail(queued.cpuMs),
          perMail(queued.pgCpuMs),
        ],
        ['plain: render and send with nodemailer', seconds(plain.ms), plainRate, perMail(plain.cpuMs), ''],
      ],
    );
    console.log();
    printTable(
      ['round', 'order', 'load', 'queued mails/s', 'plain mails/s', 'ratio', 'event loop busy q/p'],
      rounds.map((x, i) => [
        String(i + 1),
        x.order,
        x.load.toFixed(1),
        (x.mails / seconds(x.queued.settledMs)).toFixed(0),
        (x.mails / seconds(x.plain.ms)).toFixed(0),
        ratios[i].toFixed(3),
        `${(100 * x.queued.elu).toFixed(0)}% / ${(100 * x.plain.elu).toFixed(0)}%`,
      ]),
    );
    console.log();
    console.log(
      `${cpus().length} CPUs; load average ${loadStart} at the start, ${loadavg()[0].toFixed(1)} at the end ` +
        "(other processes on the machine skew every figure; node CPU is this process, the sink's thread included)",
    );
    console.log(`queued mails/s:  ${queuedRate.toFixed(0)} (all rounds)`);
    console.log(`plain mails/s:   ${plainRate.toFixed(0)} (all rounds)`);
    console.log(
      `ratio queued/plain: median of rounds ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}); all rounds ${(queuedRate / plainRate).toFixed(3)}`,
    );
    // The throughput figures are out before the crash run, which can fail on its own.
    const crash = await runCrash(
      scratch.url,
      sink,
      env,
      Array.from({ length: CRASH_MAILS }, (_, i) => reminder(`${runId}-crash`, i)),
    );
    console.log(
      `crash recovery: ${CRASH_MAILS} mails, the API killed (SIGKILL) holding ${crash.held} delivery jobs with ` +
        `${crash.missing} mails not yet sent; after a restart all arrived in ${seconds(crash.recoveryMs).toFixed(1)} s ` +
        `(MAIL_RECOVERY_SECONDS ${RECOVERY_SECONDS}); ${crash.duplicates} sent twice`,
    );
    const problems: string[] = [];
    let sentSoFar = 0;
    for (const [i, x] of rounds.entries()) {
      const q = x.queued;
      // The rounds share one outbox: after round i, every mail of rounds 1..i is SENT, nothing else.
      sentSoFar += x.mails;
      if ((q.statuses['SENT'] ?? 0) !== sentSoFar || Object.keys(q.statuses).length !== 1)
        problems.push(`round ${i + 1} outbox: ${JSON.stringify(q.statuses)}`);
      if (q.sink.received !== x.mails || q.sink.distinct !== x.mails) {
        problems.push(
          `round ${i + 1} queued sink: ${q.sink.received} received, ${q.sink.distinct} distinct keys`,
        );
      }
      if (x.plain.sink.received !== x.mails || x.plain.sink.distinct !== x.mails) {
        problems.push(
          `round ${i + 1} plain sink: ${x.plain.sink.received} received, ${x.plain.sink.distinct} distinct keys`,
        );
      }
    }
    if (crash.recoveryMs > RECOVERY_SECONDS * 1000 + 10_000) {
      problems.push(`crash recovery took ${seconds(crash.recoveryMs).toFixed(1)} s`);
    }
    if (problems.length > 0) throw new Error(`Not every mail arrived exactly once: ${problems.join('; ')}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
