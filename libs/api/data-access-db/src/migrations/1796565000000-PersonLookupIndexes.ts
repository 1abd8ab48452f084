import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Role grants and certifications by person (issue 13). Every authenticated request reads the
 * person's role grants with its session; the two unique indexes on role_grant are partial (with and
 * without a school), so neither served a lookup by person alone, and each request scanned the whole
 * table: 80,635 rows at national scale, 5–20 ms per request and most of the database's work in
 * the benchmark. Certifications are read by person when a leader is chosen or listed.
 */
export class PersonLookupIndexes1796565000000 implements MigrationInterface {
  name = 'PersonLookupIndexes1796565000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_role_grant_person" ON "role_grant" ("person_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_certification_person" ON "certification" ("person_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_certification_person"`);
    await queryRunner.query(`DROP INDEX "IDX_role_grant_person"`);
  }
}
