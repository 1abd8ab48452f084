import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { SCHEMA_FILE } from '../src/app/schema-sdl';
import { FIELD_RULES, HTTP_ROUTES, MUTATIONS, QUERIES } from './support/authorisation-matrix';
import type { MatrixEntry } from './support/authorisation-matrix';
import { ACTORS, buildWorld, clientFor, databaseFingerprint } from './support/authz-world';
import type { Actor, World } from './support/authz-world';
import type { GqlClient, GqlResponse } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/**
 * The authorisation matrix (issue 11): every query and mutation of the schema × every kind of
 * actor, against real objects, asserting exactly who may see and change what. The table is in
 * ./support/authorisation-matrix.ts; the README says how to add an operation to it.
 */
const MATRIX_FILE = 'apps/api/test/support/authorisation-matrix.ts';
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

/** The one top-level field an entry's query calls. */
function calledField(entry: MatrixEntry): string {
  const op = parse(entry.query).definitions[0] as OperationDefinitionNode;
  const fields = op.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : '?'));
  return fields.join(',');
}

const label = (entry: { operation?: string; field?: string; case?: string }) =>
  `${entry.operation ?? entry.field}${entry.case ? ` (${entry.case})` : ''}`;

function describeAnswer(r: GqlResponse<unknown>): string {
  if (r.errors?.length)
    return `${r.errors.map((e) => e.extensions?.code ?? 'no code').join(', ')}: ${r.errors[0].message}`;
  return `data ${JSON.stringify(r.data).slice(0, 200)}`;
}

/**
 * Why an answer is not a typed refusal without data (the entry's own refusal code when it names
 * one), or null when it is one.
 */
function notARefusal(r: GqlResponse<Record<string, unknown>>, entry: MatrixEntry): string | null {
  const field = entry.operation;
  const code = r.errors?.[0]?.extensions?.code;
  const expected = entry.refusal ? [entry.refusal] : REFUSALS;
  if (!code || !expected.includes(code))
    return `expected ${entry.refusal ?? 'a refusal'}, got ${describeAnswer(r)}`;
  if (r.data && r.data[field] !== null && r.data[field] !== undefined)
    return `refused with ${code} but data came too: ${JSON.stringify(r.data).slice(0, 200)}`;
  return null;
}

describe('the schema and the authorisation matrix', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const entries = [...QUERIES, ...MUTATIONS];

  it.each([
    ['Query', QUERIES],
    ['Mutation', MUTATIONS],
  ] as const)('has an entry for every %s field of the schema', (typeName, list) => {
    const type = typeName === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const covered = new Set(list.map((e) => e.operation));
    const missing = Object.keys(type?.getFields() ?? {}).filter((f) => !covered.has(f));
    const messages = missing.map(
      (f) =>
        `${typeName}.${f} has no entry in the authorisation matrix: add one to ${typeName === 'Query' ? 'QUERIES' : 'MUTATIONS'} in ${MATRIX_FILE} (how to call it against the objects of the test world and which actors may; see the README, "Adding an API operation").`,
    );
    expect(messages).toEqual([]);
  });

  it('has no entry for an operation the schema does not have, and each entry calls its own operation', () => {
    const known = {
      ...schema.getQueryType()?.getFields(),
      ...schema.getMutationType()?.getFields(),
    };
    const problems = entries.flatMap((e) => [
      ...(known[e.operation]
        ? []
        : [`${label(e)}: no such operation in the schema; remove or rename the entry`]),
      ...(calledField(e) === e.operation ? [] : [`${label(e)}: its query calls ${calledField(e)}`]),
      ...(e.allowed.every((a) => ACTORS.includes(a)) ? [] : [`${label(e)}: unknown actor`]),
    ]);
    expect(problems).toEqual([]);
  });
});

describe('the authorisation matrix against the running API', () => {
  let api: TestApi;
  let world: World;
  const clients = new Map<Actor, GqlClient>();

  beforeAll(async () => {
    api = await startTestApi();
    world = await buildWorld(api);
    for (const actor of ACTORS) clients.set(actor, await clientFor(api, world, actor));
  }, 120_000);
  afterAll(() => api?.close());

  const client = (actor: Actor) => clients.get(actor) as GqlClient;

  it('gives every query exactly to the actors allowed, and a typed refusal without data to everyone else', async () => {
    const failures: string[] = [];
    for (const entry of QUERIES) {
      for (const actor of ACTORS) {
        const r = await client(actor).request<Record<string, unknown>>(
          entry.query,
          entry.variables(world, actor),
        );
        if (entry.allowed.includes(actor)) {
          if (r.errors?.length || !r.data || r.data[entry.operation] === undefined)
            failures.push(`${label(entry)} as ${actor}: expected data, got ${describeAnswer(r)}`);
          else if (
            'answer' in entry &&
            JSON.stringify(r.data[entry.operation]) !== JSON.stringify(entry.answer)
          )
            failures.push(
              `${label(entry)} as ${actor}: expected ${JSON.stringify(entry.answer)}, got ${describeAnswer(r)}`,
            );
          else if (actor === 'anonymous' && entry.operation === 'me' && r.data['me'] !== null)
            failures.push(`me as anonymous: expected null, got ${describeAnswer(r)}`);
        } else {
          const why = notARefusal(r, entry);
          if (why) failures.push(`${label(entry)} as ${actor}: ${why}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows every field restricted by role only to the actors who may see it', async () => {
    const failures: string[] = [];
    for (const rule of FIELD_RULES) {
      for (const actor of rule.readers) {
        const r = await client(actor).request<Record<string, unknown>>(rule.query, rule.variables(world));
        const may = rule.allowed.includes(actor);
        if (r.errors?.length) {
          const code = r.errors[0].extensions?.code ?? '';
          if (may || !REFUSALS.includes(code))
            failures.push(`${label(rule)} as ${actor}: got ${describeAnswer(r)}`);
          continue;
        }
        const shown = rule.shown(r.data, world);
        if (shown !== may)
          failures.push(
            `${label(rule)} as ${actor}: ${may ? 'expected to see it, but it was hidden' : 'saw what it may not'}: ${describeAnswer(r)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives every download exactly to the actors of the query it mirrors, and a typed JSON refusal to everyone else', async () => {
    const failures: string[] = [];
    for (const route of HTTP_ROUTES) {
      const mirrored = QUERIES.find((q) => q.operation === route.mirrors && !q.case);
      if (
        route.mirrors &&
        JSON.stringify([...(mirrored?.allowed ?? [])].sort()) !== JSON.stringify([...route.allowed].sort())
      )
        failures.push(`${route.path(world)}: allows others than ${route.mirrors}`);
      for (const actor of ACTORS) {
        const cookie = client(actor).sessionCookie;
        const res = await fetch(`${api.url}${route.path(world)}`, { headers: cookie ? { cookie } : {} });
        if (route.allowed.includes(actor)) {
          if (res.status !== 200) failures.push(`${route.path(world)} as ${actor}: got ${res.status}`);
          await res.arrayBuffer();
          continue;
        }
        const body = (await res.json().catch(() => null)) as GqlResponse<unknown> | null;
        const code = body?.errors?.[0]?.extensions?.code ?? '';
        if (![401, 403, 404].includes(res.status) || !REFUSALS.includes(code))
          failures.push(`${route.path(world)} as ${actor}: expected a refusal, got ${res.status} ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every mutation to the actors not allowed, writing nothing, and lets the allowed ones through', async () => {
    const failures: string[] = [];
    let allowedSucceeded = 0;
    for (const entry of MUTATIONS) {
      const run = async (actor: Actor) => {
        const c = entry.freshSession ? await clientFor(api, world, actor) : client(actor);
        return c.request<Record<string, unknown>>(entry.query, entry.variables(world, actor));
      };
      const before = await databaseFingerprint(api.db);
      for (const actor of ACTORS.filter((a) => !entry.allowed.includes(a))) {
        const why = notARefusal(await run(actor), entry);
        if (why) failures.push(`${label(entry)} as ${actor}: ${why}`);
      }
      const after = await databaseFingerprint(api.db);
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length)
        failures.push(`${label(entry)}: refused actors changed the table(s) ${changed.join(', ')}`);
      for (const actor of entry.allowed) {
        const r = await run(actor);
        const code = r.errors?.[0]?.extensions?.code;
        if (code && (REFUSALS.includes(code) || code === 'INTERNAL_SERVER_ERROR' || code === entry.refusal))
          failures.push(`${label(entry)} as ${actor}: expected to be let through, got ${describeAnswer(r)}`);
        else if (
          'answer' in entry &&
          JSON.stringify(r.data?.[entry.operation]) !== JSON.stringify(entry.answer)
        )
          failures.push(
            `${label(entry)} as ${actor}: expected ${JSON.stringify(entry.answer)}, got ${describeAnswer(r)}`,
          );
        else if (!code) allowedSucceeded += 1;
      }
      if (entry.writes) {
        // Link requests answer at once and write afterwards: wait until the writes have settled.
        const expected = [...entry.writes].sort();
        let written: string[] = [];
        for (let i = 0; i < 50; i++) {
          const now = await databaseFingerprint(api.db);
          written = Object.keys(after)
            .filter((t) => after[t] !== now[t])
            .sort();
          if (JSON.stringify(written) === JSON.stringify(expected)) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (JSON.stringify(written) !== JSON.stringify(expected))
          failures.push(
            `${label(entry)}: the allowed calls changed ${written.join(', ') || 'nothing'}, not exactly ${expected.join(', ')}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // Most allowed calls really do what they ask; a matrix whose calls all fail on bad input proves little.
    expect(allowedSucceeded).toBeGreaterThan(MUTATIONS.length);
    // Two fingerprints of every table per mutation, for every actor: minutes on a busy machine.
  }, 180_000);
});
