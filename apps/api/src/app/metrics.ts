import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { MAIL_OUTCOMES } from '@stl/api/feature-notification';
import type { JobQueue, MailDeliveryProcessor } from '@stl/api/feature-notification';
import { WEB_OPERATIONS } from './web-operations.generated';

/** Seconds: from a few milliseconds (a `me`) to the slow exports. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Operation names a label may carry: the web app's own operations. Any other name a client sends
 * is counted as "other", so a caller cannot grow the number of series (ADR 0037).
 */
const KNOWN_OPERATIONS: ReadonlySet<string> = new Set(WEB_OPERATIONS.values());

/** The GraphQL operation a request names, as a label: a known name, "other" or "anonymous". */
export function operationLabel(req: Request): string {
  const body = (req.body ?? {}) as { operationName?: unknown; query?: unknown };
  const query = req.method === 'GET' ? (req.query as Record<string, unknown>) : body;
  let name = typeof query.operationName === 'string' ? query.operationName : undefined;
  if (!name && typeof query.query === 'string') {
    name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(query.query)?.[1];
  }
  if (!name) return 'anonymous';
  return KNOWN_OPERATIONS.has(name) ? name : 'other';
}

/** The route a plain HTTP request matched (its pattern, not the path), or what answered it. */
function routeLabel(req: Request, res: Response, path: string): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  if (path === '/metrics') return '/metrics';
  // Not a Nest route: the web app's files (or its index page), or nothing at all.
  return res.statusCode === 404 ? 'unmatched' : 'static';
}

/**
 * The API's Prometheus metrics (ADR 0037), one registry per app (the tests run several apps in
 * one process): request latency by GraphQL operation and by route, the job queue's depth, the
 * mail delivery outcomes of this process, and Node's default process metrics.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'method' | 'route' | 'operation' | 'status'>;

  constructor(queue: JobQueue, delivery: MailDeliveryProcessor) {
    collectDefaultMetrics({ register: this.registry });
    this.latency = new Histogram({
      name: 'stl_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by route and (for /graphql) GraphQL operation name.',
      labelNames: ['method', 'route', 'operation', 'status'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    new Gauge({
      name: 'stl_job_queue_jobs',
      help: 'Jobs in the job queue (pg-boss) now, by queue and state: waiting (queued, retrying or deferred) or active.',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        // A database that cannot be reached leaves the gauge empty: /health/ready reports that.
        const depths = await queue.depths().catch(() => []);
        for (const d of depths) {
          this.set({ queue: d.queue, state: 'waiting' }, d.waiting);
          this.set({ queue: d.queue, state: 'active' }, d.active);
        }
      },
    });
    new Counter({
      name: 'stl_mail_deliveries_total',
      help: 'Delivery attempts of outbox mail by this process since it started, by outcome: sent, failed, retry, unconfirmed, cancelled.',
      labelNames: ['outcome'],
      registers: [this.registry],
      collect() {
        const counts = delivery.outcomeCounts();
        this.reset();
        for (const outcome of MAIL_OUTCOMES) this.inc({ outcome }, counts[outcome]);
      },
    });
  }

  /** Times every request, labelled when its answer has gone out (the body is parsed by then). */
  timing() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.latency.startTimer();
      res.once('finish', () => {
        // The path as it came: a router mounted at a prefix (Apollo's at /graphql) strips it from req.path.
        const path = req.originalUrl.split('?')[0];
        const graphql = path === '/graphql';
        end({
          method: req.method,
          route: graphql ? '/graphql' : routeLabel(req, res, path),
          operation: graphql ? operationLabel(req) : '',
          status: String(res.statusCode),
        });
      });
      next();
    };
  }

  /**
   * GET /metrics for a caller with `Authorization: Bearer <METRICS_TOKEN>`; 401 for any other.
   * Mounted only when METRICS_TOKEN is set.
   */
  endpoint(token: string) {
    const expected = Buffer.from(`Bearer ${token}`);
    return async (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('Unauthorised\n');
        return;
      }
      try {
        const text = await this.registry.metrics();
        res.status(200).set('Content-Type', this.registry.contentType).send(text);
      } catch (err) {
        next(err);
      }
    };
  }
}
