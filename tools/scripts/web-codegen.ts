/**
 * Typed GraphQL operations for the web app, from the API's own schema.
 *
 * 1. Boots the API in-process on a scratch PostgreSQL database (TEST_DATABASE_URL / DATABASE_URL, else
 *    a throw-away embedded server) and writes its schema to apps/api/schema.graphql (committed; the
 *    api test `schema.int-spec.ts` fails when it is out of date).
 * 2. Runs graphql-codegen (typescript-operations, typed-document-node in string mode, so the browser
 *    ships no GraphQL parser) over libs/web/data-access/src/operations/*.graphql into
 *    libs/web/data-access/src/generated/graphql.ts (committed).
 *
 * 3. Registers the web app's operations (name and canonical hash) in
 *    apps/api/src/app/web-operations.generated.ts, which GRAPHQL_PERSISTED_ONLY=true holds requests to.
 *
 * Usage: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/scripts/web-codegen.ts
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import type { Types } from '@graphql-codegen/plugin-helpers';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { buildSchema, isEnumType, parse, printType } from 'graphql';
import {
  createScratchDatabase,
  runMigrations,
  startEmbeddedPostgres,
} from '../../libs/api/data-access-db/src';
import { formatAs, printApiSchema, SCHEMA_FILE } from '../../apps/api/src/app/schema-sdl';
import { REGISTRY_FILE, webOperationsRegistry } from '../../apps/api/src/app/web-operations';

const root = join(__dirname, '../..');
const OPERATIONS_DIR = join(root, 'libs/web/data-access/src/operations');
const OUTPUT_FILE = join(root, 'libs/web/data-access/src/generated/graphql.ts');
/**
 * Enums no operation returns but the web app needs as types: the closed lists of error and
 * field-problem codes (ADR 0016), read from `extensions` of an error rather than from a field.
 */
const ENUMS_WITHOUT_OPERATIONS = ['ErrorCode', 'FieldProblemCode'];

const DOCUMENTS_DIR = join(OUTPUT_FILE, '../documents');

/**
 * Splits the generated documents into one module per operations file (and one for fragments), with
 * the TypedDocumentString class in a module of its own, and leaves graphql.ts with the types and
 * re-exports. esbuild puts a module shared by the start page and a lazy page into the start bundle
 * whole, so with every document in one module all of them were in the initial JavaScript; split,
 * the start page takes only the documents of the files it uses. Each document is also marked pure.
 */
function splitDocuments(
  text: string,
  sources: readonly Types.DocumentFile[],
): { main: string; files: Map<string, string> } {
  const fileOf = new Map<string, string>();
  for (const source of sources) {
    const base = (source.location ?? '').replace(/\.graphql$/, '');
    for (const d of source.document?.definitions ?? []) {
      if (d.kind === 'OperationDefinition' && d.name) fileOf.set(`${d.name.value}Document`, base);
    }
  }
  const classMatch = /export class TypedDocumentString[\s\S]*?\n}\n/.exec(text);
  if (!classMatch) throw new Error('No TypedDocumentString class in the generated code');
  const files = new Map<string, string>([
    [
      'typed-document-string.ts',
      "import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';\n\n" + classMatch[0],
    ],
  ]);
  let main = text.replace(classMatch[0], '');
  const groups = new Map<string, { docs: string[]; types: Set<string> }>();
  const DOC =
    /export const (\w+) = new TypedDocumentString\((`[^`]*`)((?:, \{[^}]*\})?)\) as unknown as TypedDocumentString<([^;]*)>;\n?/g;
  main = main.replace(DOC, (_all, name: string, body: string, meta: string, generic: string) => {
    const group = name.endsWith('FragmentDoc') ? 'fragments' : fileOf.get(name);
    if (!group) throw new Error(`No operations file defines ${name}`);
    const entry = groups.get(group) ?? { docs: [], types: new Set<string>() };
    entry.docs.push(
      `export const ${name} = /*#__PURE__*/ new TypedDocumentString(${body}${meta}) as unknown as TypedDocumentString<${generic}>;`,
    );
    for (const t of generic.match(/\b[A-Z]\w*\b/g) ?? []) entry.types.add(t);
    groups.set(group, entry);
    return '';
  });
  const reexports = ["export { TypedDocumentString } from './documents/typed-document-string';"];
  for (const [group, { docs, types }] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    files.set(
      `${group}.ts`,
      "import { TypedDocumentString } from './typed-document-string';\n" +
        `import type { ${[...types].sort().join(', ')} } from '../graphql';\n\n` +
        docs.join('\n') +
        '\n',
    );
    reexports.push(`export * from './documents/${group}';`);
  }
  main = main.replace(
    /^import type \{ DocumentTypeDecoration \} from '@graphql-typed-document-node\/core';\n/m,
    '',
  );
  return { main: `${main}\n${reexports.join('\n')}\n`, files };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function schemaSdl(): Promise<string> {
  const given = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  let parent: string | undefined;
  let server: { serverUrl: string; stop(): Promise<void> };
  if (given) {
    server = { serverUrl: given, stop: async () => undefined };
  } else {
    parent = mkdtempSync(join(tmpdir(), 'stl-codegen-pg-'));
    // As root, PostgreSQL runs as the `postgres` user, which must reach the folder.
    chmodSync(parent, 0o755);
    server = await startEmbeddedPostgres({
      dir: join(parent, 'data'),
      port: await freePort(),
      persistent: false,
    });
  }
  try {
    const db = await createScratchDatabase(server.serverUrl, 'stl_codegen');
    try {
      await runMigrations(db.url);
      return await printApiSchema(db.url);
    } finally {
      await db.drop();
    }
  } finally {
    await server.stop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  }
}

/** The SDL of just the named enums (with their descriptions), for the `typescript` plugin. */
function enumsOnly(sdl: string, names: readonly string[]): string {
  const schema = buildSchema(sdl);
  return names
    .map((name) => {
      const type = schema.getType(name);
      if (!type || !isEnumType(type)) throw new Error(`The API schema has no enum ${name}`);
      return printType(type);
    })
    .join('\n\n');
}

async function main(): Promise<void> {
  const sdl = await schemaSdl();
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`Wrote ${SCHEMA_FILE}`);

  const files = readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const documents: Types.DocumentFile[] = files.map((f) => ({
    location: f,
    document: parse(readFileSync(join(OPERATIONS_DIR, f), 'utf8')),
  }));
  const output = await codegen({
    filename: OUTPUT_FILE,
    schema: parse(sdl),
    schemaAst: buildSchema(sdl),
    documents,
    config: {
      documentMode: 'string',
      enumType: 'string-literal',
      useTypeImports: true,
      skipTypename: true,
      scalars: { DateTime: 'string', ID: 'string' },
      strictScalars: true,
    },
    // typescript-operations (v6) writes the enum and input types the operations use by itself, so
    // the `typescript` plugin (every schema type) is not needed: it would only duplicate them.
    plugins: [{ typescriptOperations: {} }, { typedDocumentNode: {} }],
    pluginMap: { typescriptOperations, typedDocumentNode },
  });
  const codeEnums = await codegen({
    filename: OUTPUT_FILE,
    schema: parse(enumsOnly(sdl, ENUMS_WITHOUT_OPERATIONS)),
    documents: [],
    config: { enumsAsTypes: true, onlyEnums: true },
    plugins: [{ typescript: {} }],
    pluginMap: { typescript },
  });
  for (const name of ENUMS_WITHOUT_OPERATIONS)
    if (output.includes(`export type ${name} =`))
      throw new Error(`${name} is now used by an operation: remove it from ENUMS_WITHOUT_OPERATIONS`);
  const banner =
    '/* Generated by tools/scripts/web-codegen.ts from apps/api/schema.graphql. Do not edit. */\n';
  const split = splitDocuments(`${output}\n${codeEnums}`, documents);
  mkdirSync(DOCUMENTS_DIR, { recursive: true });
  for (const f of readdirSync(DOCUMENTS_DIR)) rmSync(join(DOCUMENTS_DIR, f));
  for (const [file, text] of split.files) {
    const path = join(DOCUMENTS_DIR, file);
    writeFileSync(path, formatAs(path, banner + text));
  }
  writeFileSync(OUTPUT_FILE, formatAs(OUTPUT_FILE, banner + split.main));
  console.log(`Wrote ${OUTPUT_FILE} from ${files.length} operation files`);
  const sources = files.map((f) => readFileSync(join(OPERATIONS_DIR, f), 'utf8'));
  writeFileSync(REGISTRY_FILE, formatAs(REGISTRY_FILE, webOperationsRegistry(sources)));
  console.log(`Wrote ${REGISTRY_FILE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
