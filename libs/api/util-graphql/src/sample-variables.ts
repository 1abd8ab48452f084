import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
} from 'graphql';
import type { GraphQLInputType, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { MAX_PAGE_SIZE } from './pagination';

const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: '1',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTime: '2026-01-01T00:00:00.000Z',
  Date: '2026-01-01',
};

/** A value of this input type that GraphQL's coercion accepts (required fields only). */
export function sampleInputValue(type: GraphQLInputType, name = ''): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sampleInputValue(inner.ofType, name)];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        out[field.name] = sampleInputValue(field.type, field.name);
      }
    }
    return out;
  }
  if (isScalarType(inner)) {
    // A page size is taken at its largest, so a cost measured with samples is the worst case.
    if (inner.name === 'Int' && /first$/i.test(name)) return MAX_PAGE_SIZE;
    return SCALAR_SAMPLES[inner.name] ?? 'x';
  }
  return null;
}

/**
 * Variables that fit an operation's declarations, for measuring what it may cost: every `first`
 * at the largest page size, every other value the simplest of its type.
 */
export function sampleVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    out[definition.variable.name.value] = sampleInputValue(type, definition.variable.name.value);
  }
  return out;
}
