import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createScratchDatabase } from '../postgres-server';
import { testServerUrl } from '../testing/test-server-url';
import { followUpStatements } from './organisation-follow-up';

/**
 * The organisation dashboard's statements read the large tables (analysis, feedback,
 * review_assignment: millions of rows at national scale) through the indexes the DashboardIndexes
 * migration made for them (ADR 0033, docs/dashboard.md). With sequential scans priced out, a plan
 * shows a scan of a table only where no index can serve the read; and the plans must name those
 * indexes, so dropping or changing one fails here and not first in production.
 */
describe('the organisation dashboard’s statements', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  const plans = new Map<string, string>();

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    await ds.runMigrations();
    const captured = await followUpStatements(
      {
        organisationId: '00000000-0000-4000-8000-000000000001',
        leaderId: null,
        cohortId: null,
        schoolId: null,
      },
      new Date('2026-12-06T12:00:00Z'),
    );
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      for (const c of captured) {
        const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${c.sql}`, c.params);
        plans.set(c.name, rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('are the four the dashboard sends', () => {
    expect([...plans.keys()]).toEqual(['cohorts', 'rounds', 'participants', 'turnaround']);
  });

  it.each(['analysis', 'feedback', 'review_assignment'])('never scan the whole %s table', (table) => {
    for (const [name, plan] of plans) {
      expect({ name, plan }).toEqual({ name, plan: expect.not.stringMatching(`Seq Scan on ${table}\\b`) });
    }
  });

  it('read each participant’s feedback and critical-friend tasks through the dashboard’s indexes', () => {
    // The analyses are read through an index too (no scan, above); which one depends on the
    // statistics: on these empty tables the round's, at national scale IDX_analysis_follow_up
    // (EXPLAIN ANALYZE in docs/dashboard.md, `tools/scale/explain-dashboard.ts`).
    const participants = plans.get('participants') ?? '';
    expect(participants).toContain('IDX_feedback_turnaround');
    expect(participants).toContain('IDX_review_assignment_follow_up');
    expect(plans.get('turnaround')).toContain('IDX_feedback_turnaround');
  });
});
