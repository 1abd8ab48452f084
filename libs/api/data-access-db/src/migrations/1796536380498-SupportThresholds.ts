import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupportThresholds1796536380498 implements MigrationInterface {
  name = 'SupportThresholds1796536380498';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // An organisation's thresholds of the support signal (course rule 8); no row means the defaults.
    await queryRunner.query(`CREATE TABLE "organisation_support_settings" (
      "organisation_id" uuid NOT NULL,
      "behind_after_days" smallint NOT NULL,
      "needs_support_after_days" smallint NOT NULL,
      "needs_support_rounds_missed" smallint NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "support_rounds_missed_range" CHECK ("needs_support_rounds_missed" BETWEEN 1 AND 12),
      CONSTRAINT "support_needs_support_days_range" CHECK ("needs_support_after_days" BETWEEN "behind_after_days" AND 120),
      CONSTRAINT "support_behind_days_range" CHECK ("behind_after_days" BETWEEN 1 AND 60),
      CONSTRAINT "PK_b9327b16b78ee684ed0a18b8f43" PRIMARY KEY ("organisation_id"))`);
    await queryRunner.query(
      `ALTER TABLE "organisation_support_settings" ADD CONSTRAINT "FK_b9327b16b78ee684ed0a18b8f43" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organisation_support_settings" DROP CONSTRAINT "FK_b9327b16b78ee684ed0a18b8f43"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_support_settings"`);
  }
}
