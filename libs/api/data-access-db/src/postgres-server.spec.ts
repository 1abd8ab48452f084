import { Client } from 'pg';
import { createScratchDatabase, dropDatabase, makeTemplate } from './postgres-server';
import { testServerUrl } from './testing/test-server-url';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/*
 * The API tests copy a template database per test file (ADR 0003): two workers may copy the same
 * template at once, which PostgreSQL allows while no one is connected to it.
 */
describe('scratch databases copied from a template', () => {
  let template: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    template = await createScratchDatabase(testServerUrl(), 'stl_template_spec');
    const c = new Client({ connectionString: template.url });
    await c.connect();
    await c.query(`CREATE TABLE greeting (word text); INSERT INTO greeting VALUES ('hej')`);
    await c.end();
    await makeTemplate(testServerUrl(), template.name);
  });

  afterAll(async () => {
    await template?.drop();
  });

  it('copies the template, several at once, and refuses connections to the template', async () => {
    const copies = await Promise.all(
      [1, 2, 3, 4].map(() =>
        createScratchDatabase(testServerUrl(), 'stl_copy_spec', { template: template.name }),
      ),
    );
    try {
      for (const copy of copies) {
        expect(await query<{ word: string }>(copy.url, 'SELECT word FROM greeting')).toEqual([
          { word: 'hej' },
        ]);
      }
      await expect(query(template.url, 'SELECT 1')).rejects.toThrow(/not currently accepting connections/);
    } finally {
      await Promise.all(copies.map((c) => c.drop()));
    }
  });

  it('drops a template database, and a database that does not exist', async () => {
    const other = await createScratchDatabase(testServerUrl(), 'stl_template_spec');
    await makeTemplate(testServerUrl(), other.name);
    await dropDatabase(testServerUrl(), other.name);
    await dropDatabase(testServerUrl(), other.name);
    const left = await query<{ n: number }>(
      testServerUrl(),
      `SELECT count(*)::int AS n FROM pg_database WHERE datname = '${other.name}'`,
    );
    expect(left).toEqual([{ n: 0 }]);
  });
});
