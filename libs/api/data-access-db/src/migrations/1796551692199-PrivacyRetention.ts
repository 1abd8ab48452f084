import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention schedules, the privacy log and the day a cohort was archived (ADR 0030). */
export class PrivacyRetention1796551692199 implements MigrationInterface {
  name = 'PrivacyRetention1796551692199';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "privacy_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "actor_id" uuid, "subject_id" uuid, "counts" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "privacy_log_kind_known" CHECK ("kind" IN ('ERASURE', 'RETENTION', 'ACCESS_EXPORT')), CONSTRAINT "PK_4073976bdd20999687bed31171f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7a66f4b7cd8301a14ed219f6cd" ON "privacy_log"  ("subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9596aaee207fe1fa994eab43e6" ON "privacy_log"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_rule" ("organisation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "months" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "retention_rule_months_range" CHECK ("months" BETWEEN 0 AND 1200), CONSTRAINT "retention_rule_kind_known" CHECK ("kind" IN ('PUBLISHED_WORK', 'ATTENDANCE', 'MAIL_LOG')), CONSTRAINT "PK_8c7134c87aa4c634f726dace1c3" PRIMARY KEY ("organisation_id", "kind"))`,
    );
    await queryRunner.query(`ALTER TABLE "cohort" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    // Cohorts archived before this release: their last change is the closest thing to the day.
    await queryRunner.query(`UPDATE "cohort" SET "archived_at" = "updated_at" WHERE "status" = 'ARCHIVED'`);
    await queryRunner.query(
      `ALTER TABLE "privacy_log" ADD CONSTRAINT "FK_cb2a4a359ad2f3c69d31ca50c18" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "privacy_log" ADD CONSTRAINT "FK_c877eaf1b7eed96bedf3bbb9c53" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "privacy_log" ADD CONSTRAINT "FK_7a66f4b7cd8301a14ed219f6cd8" FOREIGN KEY ("subject_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_rule" ADD CONSTRAINT "FK_926408e88a82e0742695b31442d" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retention_rule" DROP CONSTRAINT "FK_926408e88a82e0742695b31442d"`);
    await queryRunner.query(`ALTER TABLE "privacy_log" DROP CONSTRAINT "FK_7a66f4b7cd8301a14ed219f6cd8"`);
    await queryRunner.query(`ALTER TABLE "privacy_log" DROP CONSTRAINT "FK_c877eaf1b7eed96bedf3bbb9c53"`);
    await queryRunner.query(`ALTER TABLE "privacy_log" DROP CONSTRAINT "FK_cb2a4a359ad2f3c69d31ca50c18"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP COLUMN "archived_at"`);
    await queryRunner.query(`DROP TABLE "retention_rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9596aaee207fe1fa994eab43e6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a66f4b7cd8301a14ed219f6cd"`);
    await queryRunner.query(`DROP TABLE "privacy_log"`);
  }
}
