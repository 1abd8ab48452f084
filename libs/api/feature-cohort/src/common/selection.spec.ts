import { Kind, parse } from 'graphql';
import type { FragmentDefinitionNode, GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { asksFor } from './selection';

/** The resolve info of the operation's first root field, as far as asksFor reads it. */
function infoOf(document: string): GraphQLResolveInfo {
  const doc = parse(document);
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const field = operation.selectionSet.selections[0];
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('asksFor', () => {
  it('finds a field asked for directly', () => {
    const info = infoOf('{ cohorts { nodes { id meetings { id } } } }');
    expect(asksFor(info, ['nodes', 'meetings'])).toBe(true);
    expect(asksFor(info, ['nodes', 'rounds'])).toBe(false);
    expect(asksFor(info, ['nodes'])).toBe(true);
  });

  it('follows fragments, inline fragments and aliases', () => {
    const info = infoOf(`
      query { cohorts(first: 50) { nodes { ...Summary } } }
      fragment Summary on Cohort { id ... on Cohort { r: rounds { id } } ...Meetings }
      fragment Meetings on Cohort { meetings { id } }`);
    expect(asksFor(info, ['nodes', 'meetings'])).toBe(true);
    expect(asksFor(info, ['nodes', 'rounds'])).toBe(true);
    expect(asksFor(info, ['nodes', 'leaders'])).toBe(false);
  });

  it('counts a field that @skip or @include may leave out as asked', () => {
    const info = infoOf('query($m: Boolean!) { cohorts { nodes { meetings @include(if: $m) { id } } } }');
    expect(asksFor(info, ['nodes', 'meetings'])).toBe(true);
  });

  it('answers no for a page asked only for its count', () => {
    const info = infoOf('{ cohorts(first: 1) { totalCount } }');
    expect(asksFor(info, ['nodes', 'meetings'])).toBe(false);
  });
});
