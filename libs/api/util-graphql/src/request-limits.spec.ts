import { buildSchema, parse } from 'graphql';
import { ASSUMED_LIST_SIZE, countTokens, firstLimitExceeded, measureOperation, operationHash } from './index';

const schema = buildSchema(`
  type Query { items(first: Int! = 25): ItemPage!  item(id: ID!): Item }
  type ItemPage { nodes: [Item!]!  totalCount: Int! }
  type Item { id: ID!  tags: [String!]!  children: [Item!]!  parent: Item }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  return measureOperation(schema, parse(query), query, variables);
}

describe('request limits', () => {
  it('costs an object 1 plus its fields, and scalars nothing', () => {
    expect(measure('{ item(id: "1") { id tags } }').cost).toBe(2);
  });

  it('multiplies a page by its size and counts its nodes once each', () => {
    expect(measure('{ items(first: 10) { nodes { id } } }').cost).toBe(1 + 10 * (1 + 0));
    expect(measure('query($n: Int!) { items(first: $n) { nodes { id } } }', { n: 100 }).cost).toBe(101);
    // Left out, the default page size applies.
    expect(measure('{ items { nodes { id } } }').cost).toBe(26);
  });

  it('multiplies nested lists', () => {
    const one = measure('{ item(id: "1") { children { id } } }').cost;
    const two = measure('{ item(id: "1") { children { children { id } } } }').cost;
    expect(one).toBe(1 + 1 + ASSUMED_LIST_SIZE);
    expect(two).toBe(1 + 1 + ASSUMED_LIST_SIZE * (1 + 1 + ASSUMED_LIST_SIZE));
  });

  it('measures depth, aliases and tokens', () => {
    const m = measure('{ a: item(id: "1") { parent { parent { id } } } b: item(id: "2") { id } }');
    expect(m.depth).toBe(4);
    expect(m.aliases).toBe(2);
    expect(m.tokens).toBeGreaterThan(20);
  });

  it('stops counting tokens just past the limit', () => {
    const huge = `{ item(id: "1") { ${'id '.repeat(100_000)} } }`;
    expect(countTokens(huge, 50)).toBe(51);
  });

  it('names the first limit exceeded', () => {
    const limits = { depth: 3, aliases: 1, directives: 1, tokens: 1000, cost: 5 };
    expect(firstLimitExceeded({ depth: 4, aliases: 2, directives: 0, tokens: 10, cost: 1 }, limits)).toEqual({
      limit: 'aliases',
      max: 1,
      actual: 2,
    });
    expect(
      firstLimitExceeded({ depth: 1, aliases: 0, directives: 0, tokens: 10, cost: 6 }, limits)?.limit,
    ).toBe('cost');
    expect(
      firstLimitExceeded({ depth: 3, aliases: 1, directives: 1, tokens: 1000, cost: 5 }, limits),
    ).toBeNull();
  });

  it('hashes an operation the same whatever its spacing, fragment order and other operations', () => {
    const a = 'query A { item(id: "1") { ...F ...G } } fragment F on Item { id } fragment G on Item { tags }';
    const b = `fragment G on Item { tags }
      query B { items { totalCount } }
      query A {   item(id: "1") { ...F ...G } }
      fragment F on Item { id }`;
    expect(operationHash(parse(a), 'A')).toBe(operationHash(parse(b), 'A'));
    expect(operationHash(parse(b), 'B')).not.toBe(operationHash(parse(b), 'A'));
    expect(operationHash(parse(b), 'C')).toBeNull();
  });
});
