import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the organisation dashboard (issue 14, ADR 0033), checked with EXPLAIN
 * (ANALYZE, BUFFERS) on the national dataset (docs/dashboard.md): every read of the dashboard's
 * statements is then an index-only scan, never a fetch of an analysis (with its ~4 kB of answers) or
 * of a feedback text.
 * - analysis by cohort and author, with what progress needs (round, status, first publication);
 * - feedback by analysis and kind, with its time (counts, "leader gave feedback", first feedback);
 * - live critical-friend assignments by cohort and kind, with reviewer, round and completion.
 * TypeORM cannot declare INCLUDE or partial indexes, so the entities name them with
 * `synchronize: false`.
 */
export class DashboardIndexes1796561000000 implements MigrationInterface {
  name = 'DashboardIndexes1796561000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_analysis_follow_up" ON "analysis" ("cohort_id", "author_id") INCLUDE ("id", "round_id", "status", "first_published_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_feedback_turnaround" ON "feedback" ("analysis_id", "kind", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_review_assignment_follow_up" ON "review_assignment" ("cohort_id", "kind") INCLUDE ("reviewer_id", "round_id", "completed_at") WHERE "cancelled_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_review_assignment_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_feedback_turnaround"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_analysis_follow_up"`);
  }
}
