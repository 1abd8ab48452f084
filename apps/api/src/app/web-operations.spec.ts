import { readFileSync } from 'node:fs';
import { Kind, buildSchema, parse, print, visit } from 'graphql';
import type { DefinitionNode, DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { loadConfig } from '@stl/api/util-config';
import { firstLimitExceeded, measureOperation, operationCost, sampleVariables } from '@stl/api/util-graphql';
import { formatAs, SCHEMA_FILE } from './schema-sdl';
import { REGISTRY_FILE, webOperationSources, webOperationsRegistry } from './web-operations';

/**
 * The operations the web app sends without a session (sign-in page, invitation and reset pages):
 * they must fit the tighter anonymous limits. Add a public operation of the web app here.
 */
const ANONYMOUS_OPERATIONS = ['DemoAccounts', 'Me', 'SignIn', 'SignOut', 'SsoForEmail'];

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const definitions = webOperationSources().flatMap((s) => parse(s).definitions);
const fragments = new Map(
  definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => [d.name.value, d]),
);
const operations = definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
);

/** The document the web app sends for one operation: the operation and the fragments it uses. */
function documentOf(operation: OperationDefinitionNode): DocumentNode {
  const used = new Map<string, FragmentDefinitionNode>();
  const queue: DefinitionNode[] = [operation];
  while (queue.length) {
    visit(queue.pop() as DefinitionNode, {
      FragmentSpread(node) {
        const f = fragments.get(node.name.value);
        if (f && !used.has(f.name.value)) {
          used.set(f.name.value, f);
          queue.push(f);
        }
      },
    });
  }
  return { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] };
}

describe("the web app's operations", () => {
  const config = loadConfig({ NODE_ENV: 'production', MAIL_LINK_SECRET: 'x'.repeat(32) });

  it('are registered for GRAPHQL_PERSISTED_ONLY exactly as the code generator writes them', () => {
    const expected = formatAs(REGISTRY_FILE, webOperationsRegistry(webOperationSources()));
    expect(readFileSync(REGISTRY_FILE, 'utf8')).toBe(expected);
    expect(operations.length).toBeGreaterThan(50);
  });

  it.each(operations.map((o) => [o.name?.value ?? '?', o] as const))(
    '%s stays within the production limits, with every page at its largest',
    (name, operation) => {
      const document = documentOf(operation);
      const variables = sampleVariables(schema, operation);
      // The sample variables fit the operation, so its cost is really measured (not skipped).
      expect(operationCost(schema, document, variables, name)).not.toBeNull();
      const measure = measureOperation(schema, document, print(document), variables, name);
      expect(firstLimitExceeded(measure, config.graphql.signedIn)).toBeNull();
      if (ANONYMOUS_OPERATIONS.includes(name)) {
        expect(firstLimitExceeded(measure, config.graphql.anonymous)).toBeNull();
      }
    },
  );

  it('include every operation named as anonymous', () => {
    const names = new Set(operations.map((o) => o.name?.value));
    expect(ANONYMOUS_OPERATIONS.filter((n) => !names.has(n))).toEqual([]);
  });
});
