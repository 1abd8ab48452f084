import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { GraphQLArgument, GraphQLField, GraphQLInputType } from 'graphql';
import { sampleInputValue } from '@stl/api/util-graphql';

/** Fixed, so a failure reproduces; change it to explore other generated values. */
export const FUZZ_SEED = 20261206;

/** What kind of argument a value is meant to trouble (beyond GraphQL's own type check). */
type Target = 'text' | 'number' | 'boolean' | 'enum' | 'object' | 'list' | 'any';

/** A bad value with a name that says what it is (the name goes into failure messages). */
export interface BadValue {
  name: string;
  value: unknown;
  for: readonly Target[];
}

function nestedList(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const TEXT: Target[] = ['text'];

/**
 * Wrong-typed, empty, huge and unicode-tricky values, sent in turn to every argument (and every
 * field of an input argument) of every operation: each position gets the values aimed at its kind
 * (strings that pass GraphQL's check go to text and ids, odd numbers to numbers…) plus every
 * wrong type. Strings stay well under MAX_BODY_BYTES (512 kB).
 */
export function badValues(): BadValue[] {
  const fixed: BadValue[] = [
    { name: 'number', value: 42, for: ['any'] },
    { name: 'negative number', value: -1, for: ['number'] },
    { name: 'huge number', value: 2 ** 53, for: ['number'] },
    { name: 'fraction', value: 0.5, for: ['number'] },
    { name: 'boolean', value: false, for: ['any'] },
    { name: 'word', value: 'x', for: ['any'] },
    { name: 'empty string', value: '', for: ['text', 'number', 'enum'] },
    { name: 'spaces', value: '   ', for: TEXT },
    { name: '100 kB string', value: 'a'.repeat(100 * 1024), for: TEXT },
    { name: 'object', value: JSON.parse('{"a":1,"__proto__":{"admin":true}}'), for: ['any'] },
    { name: 'empty object', value: {}, for: ['object'] },
    { name: 'list', value: ['x', 1], for: ['any'] },
    { name: 'empty list', value: [], for: ['list', 'object'] },
    { name: 'list nested 200 deep', value: nestedList(200), for: ['list'] },
    { name: 'list of 5000', value: Array.from({ length: 5000 }, () => 'x'), for: ['list'] },
    { name: 'RTL override', value: 'abc\u202Edcba\u202C', for: TEXT },
    { name: 'zero-width', value: '\u200B\u200C\u200D\uFEFF', for: TEXT },
    { name: 'NUL', value: 'a\u0000b', for: TEXT },
    { name: 'lone surrogate', value: 'a\uD800b\uDFFF', for: TEXT },
    {
      name: 'combining marks',
      value: 'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
      for: TEXT,
    },
    { name: 'emoji', value: '👩🏽‍🏫🏳️‍🌈', for: TEXT },
    { name: 'SQL injection', value: "x'); DROP TABLE person; --", for: ['text', 'enum'] },
    { name: 'HTML injection', value: '<img src=x onerror=alert(1)><script>alert(1)</script>', for: TEXT },
    { name: 'invalid UUID', value: '00000000-0000-4000-8000-00000000000g', for: TEXT },
    { name: 'UUID with spaces', value: ' 00000000-0000-4000-8000-000000000001 ', for: TEXT },
    { name: 'not a date', value: '2026-02-30T25:61:00Z', for: TEXT },
    { name: 'null', value: null, for: ['any'] },
  ];
  const generated = fc
    .sample(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.jsonValue({ maxDepth: 3 })), {
      seed: FUZZ_SEED,
      numRuns: 4,
    })
    .map((value, i): BadValue => ({ name: `generated #${i} (seed ${FUZZ_SEED})`, value, for: ['any'] }));
  return [...fixed, ...generated];
}

/** The values for a position of this type: those aimed at its kind (and at lists, for a list). */
export function badValuesFor(type: GraphQLInputType, all: readonly BadValue[]): BadValue[] {
  const targets = new Set<Target>(['any']);
  if (isListType(getNullableType(type))) targets.add('list');
  const inner = getNamedType(type);
  if (isInputObjectType(inner)) targets.add('object');
  else if (isEnumType(inner)) targets.add('enum');
  else if (['Int', 'Float'].includes(inner.name)) targets.add('number');
  else if (inner.name === 'Boolean') targets.add('boolean');
  else targets.add('text');
  return all.filter((v) => v.for.some((t) => targets.has(t)));
}

/** Where a bad value goes: an argument, or a field inside an input argument. */
export interface FuzzPosition {
  /** e.g. `input.sections.0.key`. */
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Every argument of the field and, inside input objects (and lists of them), every field, two levels down. */
export function fuzzPositions(field: GraphQLField<unknown, unknown>): FuzzPosition[] {
  const out: FuzzPosition[] = [];
  const walk = (path: (string | number)[], type: GraphQLInputType, depth: number) => {
    out.push({ path, type });
    if (depth >= 3) return;
    let inner = getNullableType(type);
    const listPath = isListType(inner) ? [...path, 0] : path;
    if (isListType(inner)) inner = getNullableType(inner.ofType);
    if (isInputObjectType(inner))
      for (const f of Object.values(inner.getFields())) walk([...listPath, f.name], f.type, depth + 1);
  };
  for (const arg of field.args) walk([arg.name], arg.type, 1);
  return out;
}

/**
 * Valid values for the field's required arguments (and every input object on the path to the
 * position), with ids taken from `idFor` so a call reaches past "not found" where it can.
 */
export function validArguments(
  field: GraphQLField<unknown, unknown>,
  position: FuzzPosition | null,
  idFor: (name: string, operation: string) => string,
): Record<string, unknown> {
  const fill = (type: GraphQLInputType, name: string): unknown => {
    const inner = getNullableType(type);
    if (isListType(inner)) return [fill(inner.ofType as GraphQLInputType, name)];
    if (isInputObjectType(inner)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(inner.getFields()))
        if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = fill(f.type, f.name);
      return out;
    }
    if (isScalarType(inner) && inner.name === 'ID') return idFor(name, field.name);
    return sampleInputValue(type, name);
  };
  const args: Record<string, unknown> = {};
  for (const arg of field.args as readonly GraphQLArgument[])
    if (isNonNullType(arg.type) && arg.defaultValue === undefined) args[arg.name] = fill(arg.type, arg.name);
  if (!position) return args;
  // Make sure every object on the way to the position exists, then put nothing there yet.
  let holder: any = args;
  let type: GraphQLInputType = field.args.find((a) => a.name === position.path[0])?.type as GraphQLInputType;
  for (let i = 0; i < position.path.length - 1; i++) {
    const key = position.path[i];
    const inner = getNullableType(type);
    if (holder[key] === undefined || holder[key] === null) holder[key] = fill(type, String(key));
    holder = holder[key];
    if (isListType(inner)) {
      type = inner.ofType as GraphQLInputType;
    } else if (isInputObjectType(inner)) {
      type = inner.getFields()[position.path[i + 1] as string].type;
    }
  }
  return args;
}

/** A copy of `args` with `value` at `path`. */
export function withValueAt(args: Record<string, unknown>, path: (string | number)[], value: unknown) {
  const copy = structuredClone(args) as Record<string, any>;
  let holder: any = copy;
  for (const key of path.slice(0, -1)) holder = holder[key];
  holder[path[path.length - 1]] = value;
  return copy;
}

/** The operation text for a field: every argument a variable of its declared type, `__typename` or nothing selected. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}
