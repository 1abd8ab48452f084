import { ValidationPipe } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import type { ValidationError } from 'class-validator';
import type { AppConfig } from '@stl/api/util-config';
import { fieldProblemCodeOf } from '@stl/shared/domain';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { AppModule } from './app.module';

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

/** Builds the HTTP app (not yet listening): shared by main.ts and the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
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
