import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cohort memberships by school (issue 13). A school leader's cohort list shows the cohorts with
 * participants enrolled from the schools they lead; nothing indexed memberships by school, so each
 * such list scanned every membership of the country. On the national dataset (77,664 memberships)
 * EXPLAIN (ANALYZE, BUFFERS) of the list of a school leader of the largest organisation: a
 * sequential scan of cohort_membership reading 77,631 rows to keep 33, 17–27 ms and 1,713 buffers
 * in all; with this index a bitmap scan of those 33 rows, about 9 ms and 845 buffers (what is left
 * is the page's meetings and rounds).
 */
export class CohortMembershipSchoolIndex1796565500000 implements MigrationInterface {
  name = 'CohortMembershipSchoolIndex1796565500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_cohort_membership_school" ON "cohort_membership" ("school_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cohort_membership_school"`);
  }
}
