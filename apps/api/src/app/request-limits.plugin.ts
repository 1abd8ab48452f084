import type { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';

/** An Apollo plugin as Nest's Apollo driver takes it. */
type ApolloServerPlugin<_TContext> = NonNullable<ApolloDriverConfig['plugins']>[number];
import type { GraphQLRequestLimits } from '@stl/api/util-config';
import {
  countTokens,
  firstLimitExceeded,
  measureShape,
  operationCost,
  operationHash,
} from '@stl/api/util-graphql';
import type { LimitExceeded } from '@stl/api/util-graphql';
import { DomainError, ErrorCode } from '@stl/api/util-errors';

/** The error for a request over a limit: typed, naming the limit, answered with HTTP 400. */
export function queryTooComplex(exceeded: LimitExceeded): GraphQLError {
  const original = new DomainError(
    ErrorCode.QueryTooComplex,
    `This request is over the ${exceeded.limit} limit (${exceeded.actual} > ${exceeded.max}). ` +
      'Ask for less in one request: fewer nested lists, smaller pages or fewer aliases.',
    [],
    { ...exceeded },
  );
  return new GraphQLError(original.message, {
    originalError: original,
    extensions: { http: { status: 400 } },
  });
}

/**
 * Refuses a GraphQL request over the limits before anything runs: depth, aliases and directives
 * (GraphQL Armor's counting rules), tokens (Armor's counting lexer; the parser itself also stops at
 * the larger of the two token limits) and cost (graphql-query-complexity, pages multiply). A caller
 * without a valid session gets the tighter anonymous limits.
 */
export function requestLimitsPlugin<TContext extends object>(options: {
  signedIn: GraphQLRequestLimits;
  anonymous: GraphQLRequestLimits;
  isSignedIn(context: TContext): Promise<boolean>;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const limits = (await options.isSignedIn(context.contextValue))
            ? options.signedIn
            : options.anonymous;
          const tokens = countTokens(context.source, limits.tokens);
          const shape = measureShape(context.schema, context.document);
          // Cost last, so a deep or wide query is refused before it is walked again.
          const partial = firstLimitExceeded({ ...shape, tokens, cost: 0 }, limits);
          if (partial) throw queryTooComplex(partial);
          const cost =
            operationCost(
              context.schema,
              context.document,
              context.request.variables ?? {},
              context.operationName ?? undefined,
            ) ?? 0;
          const exceeded = firstLimitExceeded({ ...shape, tokens, cost }, limits);
          if (exceeded) throw queryTooComplex(exceeded);
        },
      };
    },
  };
}

/**
 * With GRAPHQL_PERSISTED_ONLY: answers only the operations the web app was built with (registered
 * by hash at build time), so a stolen session cannot run hand-written queries.
 */
export function operationAllowListPlugin<TContext extends object>(
  allowed: ReadonlyMap<string, string>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const hash = operationHash(context.document, context.operationName);
          if (hash && allowed.has(hash)) return;
          const original = new DomainError(
            ErrorCode.OperationNotAllowed,
            'This server answers only the operations of its own web app.',
          );
          throw new GraphQLError(original.message, {
            originalError: original,
            extensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}
