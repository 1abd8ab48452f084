import type { GraphQLSchema } from 'graphql';

/**
 * Nest's code-first schema builder gives the root operation types no description, and the schema is
 * a public contract in which every type is described (see the schema test). Set them here, once.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query)
    query.description =
      'Everything that can be read. Each field says who may read it; anything else is refused with FORBIDDEN or, where existence itself is private, NOT_FOUND.';
  const mutation = schema.getMutationType();
  if (mutation)
    mutation.description =
      'Everything that can be changed. Each change runs in one transaction and is refused with a typed error (see ErrorCode) without changing anything when it cannot be made.';
  return schema;
}
