import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reviewer's live tasks (issue 13). myReviewTasks (the review page, and the open tasks on every
 * participant's home page) reads the tasks of one reviewer in one cohort; the only index that
 * served it was the cohort's, so each request read every task of the cohort (about 4,800 in a
 * cohort of 200) to keep a dozen, and a reviewer's tasks across cohorts had no index at all.
 */
export class ReviewerTaskIndex1796566000000 implements MigrationInterface {
  name = 'ReviewerTaskIndex1796566000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_review_assignment_reviewer" ON "review_assignment" ("reviewer_id", "cohort_id") WHERE "cancelled_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_review_assignment_reviewer"`);
  }
}
