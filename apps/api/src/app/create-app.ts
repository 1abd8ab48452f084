import { ValidationPipe } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type { ValidationError } from 'class-validator';
import type { AppConfig } from '@stl/api/util-config';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { AppModule } from './app.module';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({ field, code, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Builds the HTTP app (not yet listening): shared by main.ts and the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // TRUST_PROXY: whose X-Forwarded-For gives req.ip, the address the per-address limits count.
  app.set('trust proxy', config.trustProxy);
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.use(cookieParser());
  app.enableCors({ origin: config.webOrigins, credentials: true });
  app.enableShutdownHooks();
  app.useGlobalPipes(
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
