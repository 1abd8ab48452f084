import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { dataSourceOptions } from '@stl/api/data-access-db';
import { AccountFeatureModule } from '@stl/api/feature-account';
import { AnalysisFeatureModule } from '@stl/api/feature-analysis';
import { AuditService, AuthModule, SessionService } from '@stl/api/feature-auth';
import type { RequestContext } from '@stl/api/feature-auth';
import { CertificateFeatureModule } from '@stl/api/feature-certificate';
import { CohortFeatureModule } from '@stl/api/feature-cohort';
import { ExportFeatureModule } from '@stl/api/feature-export';
import { NotificationFeatureModule } from '@stl/api/feature-notification';
import { OrganisationFeatureModule } from '@stl/api/feature-organisation';
import { PrivacyFeatureModule } from '@stl/api/feature-privacy';
import { ReviewFeatureModule } from '@stl/api/feature-review';
import { CalendarFeatureModule } from '@stl/api/feature-calendar';
import { SelfAssessmentFeatureModule } from '@stl/api/feature-self-assessment';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { formatGraphQLError } from '@stl/api/util-errors';
import { CODE_ENUMS, describeRootTypes } from '@stl/api/util-graphql';
import { auditRefusalsPlugin } from './audit-refusals.plugin';
import { HealthController } from './health.controller';
import { operationAllowListPlugin, requestLimitsPlugin } from './request-limits.plugin';
import { WEB_OPERATIONS } from './web-operations.generated';
import { webAppAt } from './web-static';

/**
 * A plugin as Nest's Apollo driver types it: TypeScript resolves `@apollo/server/plugin/disabled`
 * to the package's ES-module declarations and Nest's config to its CommonJS ones, the same
 * plugin object under two declarations (as in audit-refusals.plugin.ts).
 */
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** The built web app is served at / when its folder exists (after `nx build web`; see web-static.ts). */
export function webAppServed(config: AppConfig): boolean {
  return webAppAt(config.webDistDir);
}

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
            autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|$)/.test(req.url ?? '') },
            transport: undefined,
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [PinoLogger, SessionService, AuditService],
          useFactory: (logger: PinoLogger, sessions: SessionService, audit: AuditService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            buildSchemaOptions: { orphanedTypes: CODE_ENUMS },
            transformSchema: describeRootTypes,
            path: '/graphql',
            context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
            formatError: (formatted, error) => formatGraphQLError(formatted, error, logger),
            includeStacktraceInErrorResponses: false,
            introspection: config.graphql.introspection,
            // Off in production: no "Did you mean …" field names in errors, no landing page.
            hideSchemaDetailsFromClientErrors: config.env === 'production',
            // GraphiQL at /graphql only where introspection is on (development); no landing page otherwise.
            graphiql: config.graphql.introspection,
            allowBatchedHttpRequests: false,
            // graphql-js stops lexing past this many tokens; the plugin below applies the exact limits.
            parseOptions: {
              maxTokens: Math.max(config.graphql.signedIn.tokens, config.graphql.anonymous.tokens),
            },
            plugins: [
              // No cache hints are used (every answer is per person and sent with no-store), and
              // Apollo's default cache-control plugin wraps every field's resolver to compute one:
              // about 5 % of the CPU of a large read (ADR 0039).
              ApolloServerPluginCacheControlDisabled() as ApolloPlugin,
              ...(config.graphql.persistedOnly
                ? [operationAllowListPlugin<RequestContext>(WEB_OPERATIONS)]
                : []),
              requestLimitsPlugin<RequestContext>({
                signedIn: config.graphql.signedIn,
                anonymous: config.graphql.anonymous,
                // A member or a platform operator (ADR 0015) with a live session gets the signed-in limits.
                isSignedIn: async (context) =>
                  (await sessions.actorOf(context.req)) !== null || Boolean(context.req.operator),
              }),
              // Refused authorisations in the audit log (ADR 0029).
              auditRefusalsPlugin(audit),
            ],
          }),
        }),
        AuthModule,
        NotificationFeatureModule.forRoot({ databaseUrl }),
        OrganisationFeatureModule,
        AccountFeatureModule,
        CohortFeatureModule,
        AnalysisFeatureModule,
        ReviewFeatureModule,
        ExportFeatureModule,
        PrivacyFeatureModule,
        // Certificates of completion and the teacher's portfolio (issue 14, ADR 0032)
        CertificateFeatureModule,
        // Calendar feed and self-assessment (issue 14, ADR 0034)
        CalendarFeatureModule,
        SelfAssessmentFeatureModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
