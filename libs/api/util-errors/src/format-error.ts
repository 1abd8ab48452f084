import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

/** Codes Apollo itself produces for malformed requests; they are safe to pass through as they are. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLogger {
  error(obj: unknown, msg: string): void;
}

/**
 * The one place where errors become what a client sees. Domain errors keep their code, message and
 * field problems; request errors from GraphQL keep theirs; everything else is logged and hidden.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger?: ErrorLogger,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.problems.length ? { problems: original.problems } : {}),
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  const fromGraphQL = !original || original instanceof GraphQLError;
  // graphql-js stops parsing at the token limit (parseOptions.maxTokens): say which limit was hit.
  // (graphql-js words it "more that N tokens".)
  const tokens = /more th(?:an|at) (\d+) tokens/.exec(formatted.message);
  if (code === 'GRAPHQL_PARSE_FAILED' && tokens && fromGraphQL) {
    const max = Number(tokens[1]);
    return {
      message: `This request is over the tokens limit (more than ${max}). Ask for less in one request.`,
      extensions: { code: ErrorCode.QueryTooComplex, details: { limit: 'tokens', max, actual: max + 1 } },
    };
  }
  // graphql-js gives up on variables after 50 errors (e.g. a list of 5000 wrong values) with an
  // error Apollo leaves without a code; it is as much bad input as the 50 before it.
  if (fromGraphQL && formatted.message.startsWith('Too many errors processing variables')) {
    return { message: formatted.message, extensions: { code: ErrorCode.BadUserInput } };
  }
  if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code) && fromGraphQL) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  logger?.error({ err: original ?? error, path: formatted.path }, 'Unhandled error in GraphQL request');
  return {
    message: 'Something went wrong on our side. Nothing was changed; please try again.',
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}
