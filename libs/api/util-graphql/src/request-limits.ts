import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { getComplexity } from 'graphql-query-complexity';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { GraphQLError, getNamedType, getNullableType, isListType, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, ValidationContext } from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination';

/**
 * What one GraphQL request may ask for. Depth, aliases and directives are counted by GraphQL
 * Armor's rules; cost by graphql-query-complexity with {@link pageCostEstimator}; tokens by Armor's
 * counting parser.
 */
export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

export type QueryLimitName = keyof QueryLimits;

/** The measured size of one operation, in the units of {@link QueryLimits}. */
export type QueryMeasure = QueryLimits;

/** The first limit an operation goes over, with the limit and what was found. */
export interface LimitExceeded {
  limit: QueryLimitName;
  max: number;
  actual: number;
}

/**
 * A list without a `first` argument (a plain list field such as an analysis's feedback) is assumed
 * to hold this many items when its cost is estimated.
 */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Cost of a field, counting every object the answer may hold: a scalar costs nothing, an object 1
 * plus its fields. A paged field (`first`) costs its page size times its selection, its `nodes`
 * list then counting each node once; any other list of objects is assumed to hold
 * {@link ASSUMED_LIST_SIZE} items. Nested lists therefore multiply.
 */
export function pageCostEstimator({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const named = getNamedType(field.type);
  if (!('getFields' in named)) return isListType(getNullableType(field.type)) ? 1 : 0;
  const first = args['first'];
  if (typeof first === 'number' && Number.isFinite(first)) return 1 + Math.max(1, first) * childComplexity;
  // `first` left out: the server's default page size applies.
  if (field.args.some((a) => a.name === 'first')) return 1 + DEFAULT_PAGE_SIZE * childComplexity;
  const pageNodes = field.name === 'nodes' && type.name.endsWith('Page');
  if (isListType(getNullableType(field.type)) && !pageNodes)
    return 1 + ASSUMED_LIST_SIZE * (1 + childComplexity);
  return 1 + childComplexity;
}

/**
 * Counts the tokens of a source text, stopping as soon as there are more than `max` (so a huge text
 * is not lexed to its end): returns `max + 1` then. Syntax errors are left to the real parser.
 */
export function countTokens(source: string, max = Number.MAX_SAFE_INTEGER): number {
  const parser = new MaxTokensParserWLexer(source, { n: max, exposeLimits: true });
  try {
    parser.parseDocument();
  } catch (error) {
    if (parser.tokenCount > max) return max + 1;
    if (!(error instanceof GraphQLError)) throw error;
  }
  return parser.tokenCount;
}

/**
 * The estimated cost of the operation for these variables, or null when the variables do not fit
 * the operation (GraphQL then refuses the request before anything runs, so there is nothing to cost).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [pageCostEstimator],
    });
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

/** Depth, aliases and directives of a parsed document, counted by GraphQL Armor's rules. */
export function measureShape(
  schema: GraphQLSchema,
  document: DocumentNode,
): Pick<QueryMeasure, 'depth' | 'aliases' | 'directives'> {
  const found = { depth: 0, aliases: 0, directives: 0 };
  const unlimited = Number.MAX_SAFE_INTEGER;
  const record = (key: keyof typeof found) => [
    (_ctx: ValidationContext | null, details: { n: number }) => {
      found[key] = Math.max(found[key], details.n);
    },
  ];
  validate(schema, document, [
    maxDepthRule({ n: unlimited, onAccept: record('depth'), propagateOnRejection: false }),
    maxAliasesRule({ n: unlimited, onAccept: record('aliases'), propagateOnRejection: false }),
    maxDirectivesRule({ n: unlimited, onAccept: record('directives'), propagateOnRejection: false }),
  ]);
  return found;
}

/**
 * Measures an operation already parsed and validated against the schema: its shape, the tokens of
 * its source text and its estimated cost for these variables (0 when the variables do not fit).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  source: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): QueryMeasure {
  const cost = operationCost(schema, document, variables, operationName) ?? 0;
  return { ...measureShape(schema, document), tokens: countTokens(source), cost };
}

/** The first limit the measure goes over, in a fixed order, or null when it is within all. */
export function firstLimitExceeded(measure: QueryMeasure, limits: QueryLimits): LimitExceeded | null {
  for (const limit of ['aliases', 'depth', 'directives', 'tokens', 'cost'] as const) {
    if (measure[limit] > limits[limit]) return { limit, max: limits[limit], actual: measure[limit] };
  }
  return null;
}
