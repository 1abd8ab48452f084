import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { dataSourceOptions } from '@stl/api/data-access-db';
import { AnalysisFeatureModule } from '@stl/api/feature-analysis';
import { AuthModule } from '@stl/api/feature-auth';
import { CohortFeatureModule } from '@stl/api/feature-cohort';
import { OrganisationFeatureModule } from '@stl/api/feature-organisation';
import { ReviewFeatureModule } from '@stl/api/feature-review';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { formatGraphQLError } from '@stl/api/util-errors';
import { HealthController } from './health.controller';

/** Composes the API from its feature libs. Config and the database URL are resolved before boot. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/health' },
            transport: undefined,
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
            formatError: (formatted, error) => formatGraphQLError(formatted, error, logger),
            includeStacktraceInErrorResponses: false,
            introspection: true,
          }),
        }),
        AuthModule,
        OrganisationFeatureModule,
        CohortFeatureModule,
        AnalysisFeatureModule,
        ReviewFeatureModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
