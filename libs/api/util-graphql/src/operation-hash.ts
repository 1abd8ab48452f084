import { createHash } from 'node:crypto';
import { Kind, getOperationAST, parse, print, visit } from 'graphql';
import type { DefinitionNode, DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';

function fragmentsUsed(
  start: DefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const queue: DefinitionNode[] = [start];
  while (queue.length) {
    visit(queue.pop() as DefinitionNode, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !found.has(fragment.name.value)) {
          found.set(fragment.name.value, fragment);
          queue.push(fragment);
        }
      },
    });
  }
  return [...found.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

function canonicalHash(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): string {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...fragmentsUsed(operation, fragments)],
  };
  return createHash('sha256').update(print(document)).digest('hex');
}

function fragmentMap(definitions: readonly DefinitionNode[]): Map<string, FragmentDefinitionNode> {
  return new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

/**
 * The hash of the operation a request runs, in a canonical form (the operation, then the fragments
 * it uses sorted by name, printed by graphql-js), so white space, comments and unused definitions
 * do not change it. Null when the document has no such operation.
 */
export function operationHash(document: DocumentNode, operationName?: string | null): string | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  return operation ? canonicalHash(operation, fragmentMap(document.definitions)) : null;
}

/**
 * Every named operation in these GraphQL sources (fragments may be in any of them) with its
 * {@link operationHash}: the registry of the web app's own operations.
 */
export function registerOperations(sources: readonly string[]): Array<{ name: string; hash: string }> {
  const definitions = sources.flatMap((s) => parse(s).definitions);
  const fragments = fragmentMap(definitions);
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ name: operation.name?.value ?? '', hash: canonicalHash(operation, fragments) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
