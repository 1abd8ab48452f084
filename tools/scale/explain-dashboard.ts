import { Client } from 'pg';
import { followUpStatements } from '../../libs/api/data-access-db/src/progress/organisation-follow-up';

async function main() {
  const db = process.env.DB ?? 'stl_scale_dashboard_1';
  const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${db}` });
  await client.connect();
  if (process.env.PGSET) await client.query(process.env.PGSET);
  const scope = JSON.parse(process.env.SCOPE ?? '{}');
  const captured = await followUpStatements(
    {
      organisationId: '00000000-0000-4000-a001-000000000001',
      leaderId: null,
      cohortId: null,
      schoolId: null,
      ...scope,
    },
    new Date(),
  );
  const only = process.env.ONLY;
  for (const c of captured) {
    if (only && only !== c.name) continue;
    if (process.env.RUN) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        rows = (await client.query(c.sql, c.params)).rows.length;
        times.push(Math.round(performance.now() - t));
      }
      console.log(`${c.name}: ${rows} rows, ${times.join(', ')} ms`);
      continue;
    }
    const t0 = Date.now();
    const r = await client.query(
      `EXPLAIN (${process.env.NOANALYZE ? '' : 'ANALYZE, BUFFERS, '}${process.env.VERBOSE ? 'COSTS ON' : 'COSTS OFF'}) ${c.sql}`,
      c.params,
    );
    console.log(`==== ${c.name} (${Date.now() - t0} ms)`);
    if (process.env.PLAN) console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
    else
      console.log(
        r.rows
          .slice(-2)
          .map((x: any) => x['QUERY PLAN'])
          .join('\n'),
      );
  }
  await client.end();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
