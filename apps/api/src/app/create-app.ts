import { ValidationPipe } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { ValidationError } from 'class-validator';
import type { AppConfig } from '@stl/api/util-config';
import { fieldProblemCodeOf } from '@stl/shared/domain';
import { BadInputError, ErrorCode } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { StorableTextPipe } from '@stl/api/util-graphql';
import { JobQueue, MailDeliveryProcessor } from '@stl/api/feature-notification';
import { AppModule, webAppServed } from './app.module';
import { ApiMetrics } from './metrics';
import { webStatic } from './web-static';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // class-validator names the broken constraint; an unlisted one reaches clients as INVALID.
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: fieldProblemCodeOf(constraint),
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * A JSON body parser that answers a broken body itself, as a GraphQL-shaped error the web app can
 * show: 413 PAYLOAD_TOO_LARGE over the limit, 400 MALFORMED_REQUEST for anything it cannot read.
 */
function jsonBody(limit: number) {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      const tooLarge = type === 'entity.too.large';
      const code = tooLarge ? ErrorCode.PayloadTooLarge : ErrorCode.MalformedRequest;
      const message = tooLarge
        ? `The request is larger than the limit of ${limit} bytes. Nothing was changed.`
        : 'The request body is not valid JSON. Nothing was changed.';
      res
        .status(tooLarge ? 413 : 400)
        .set('Cache-Control', 'no-store')
        .json({ errors: [{ message, extensions: { code } }] });
    });
}

/**
 * HTTP hardening by helmet: a strict Content-Security-Policy for the Angular app (scripts only from
 * this origin, no plugins, no <base>, never framed), nosniff, a strict referrer policy; HSTS only
 * on requests that came over TLS; `no-store` on everything but the app's static files, since API
 * answers and the unsubscribe pages carry personal data. The GraphiQL page (development only) loads
 * its scripts from a CDN and is left without the CSP.
 */
function securityHeaders(config: AppConfig) {
  const connect = ["'self'", ...config.webOrigins];
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Angular writes component styles into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: connect,
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const withoutCsp = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const isStatic = req.method === 'GET' && /\.(js|css|svg|png|ico|woff2?|webmanifest|json)$/.test(req.path);
    if (!isStatic) res.set('Cache-Control', 'no-store');
    const graphiql =
      config.graphql.introspection &&
      req.method === 'GET' &&
      req.path === '/graphql' &&
      req.accepts('html') !== false;
    return (graphiql ? withoutCsp : strict)(req, res, next);
  };
}

/** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_ABOVE_BYTES = 1024;

/** Builds the HTTP app (not yet listening): shared by main.ts and the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // TRUST_PROXY: whose X-Forwarded-For gives req.ip (the address the per-address limits count)
  // and req.secure (whether HSTS is sent).
  app.set('trust proxy', config.trustProxy);
  // Prometheus metrics (ADR 0037): every request timed; /metrics served only with METRICS_TOKEN.
  const metrics = new ApiMetrics(app.get(JobQueue), app.get(MailDeliveryProcessor));
  app.use(metrics.timing());
  app.use(securityHeaders(config));
  if (config.metrics.token) app.use('/metrics', metrics.endpoint(config.metrics.token));
  // API answers over 1 kB go compressed (brotli or gzip, as the client accepts). The web app's
  // files come already compressed from the build (web-static.ts), and a response that carries a
  // Content-Encoding is left as it is.
  app.use(compression({ threshold: COMPRESS_ABOVE_BYTES }));
  if (webAppServed(config)) app.use(webStatic(config.webDistDir));
  app.use(jsonBody(config.maxBodyBytes));
  app.use(cookieParser());
  app.enableCors({ origin: config.webOrigins, credentials: true });
  // No enableShutdownHooks(): main.ts owns SIGTERM and SIGINT. Nest's hook re-raised the signal
  // after closing, so the process ended by it (143) instead of exiting 0 (issue 16).
  app.useGlobalPipes(
    // Before validation: text the database or a validator cannot take is refused, not an internal error.
    new StorableTextPipe(),
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => {
        const problems = flatten(errors);
        return new BadInputError(problems.map((p) => p.message).join(' '), problems);
      },
    }),
  );
  return app;
}
