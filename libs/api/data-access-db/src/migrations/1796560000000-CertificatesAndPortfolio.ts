import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificates of completion and the portfolio's closing reflections (issue 14, ADR 0032). */
export class CertificatesAndPortfolio1796560000000 implements MigrationInterface {
  name = 'CertificatesAndPortfolio1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "completion_certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(12) NOT NULL, "person_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_id" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_id" uuid, "meetings_attended" smallint NOT NULL, "meetings_planned" smallint NOT NULL, "analyses_completed" smallint NOT NULL, CONSTRAINT "completion_certificate_revoked_by" CHECK ("revoked_by_id" IS NULL OR "revoked_at" IS NOT NULL), CONSTRAINT "PK_42582cb0bb14fca793d8b70979f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9d8c362ed18739970aa5e36758" ON "completion_certificate"  ("code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_374a1c8431a9ef7af2ed43ad40" ON "completion_certificate"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_completion_certificate_valid" ON "completion_certificate"  ("cohort_id", "person_id") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "portfolio_reflection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "person_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_f80b3354011e5b3458794f41b91" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a88584a260eef650f83b116a25" ON "portfolio_reflection"  ("cohort_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_161947f3b12db014190cbef08c" ON "portfolio_reflection"  ("person_id", "cohort_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" ADD CONSTRAINT "FK_374a1c8431a9ef7af2ed43ad404" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" ADD CONSTRAINT "FK_a723a1cee5ae76fd03beb029736" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" ADD CONSTRAINT "FK_84ec9688ae0979a55f86d263766" FOREIGN KEY ("issued_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" ADD CONSTRAINT "FK_0d69cfcd2c110f92a96a5aaec58" FOREIGN KEY ("revoked_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portfolio_reflection" ADD CONSTRAINT "FK_9c11f4ea688ea2b9a2279fb53cb" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "portfolio_reflection" ADD CONSTRAINT "FK_a88584a260eef650f83b116a257" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "portfolio_reflection" DROP CONSTRAINT "FK_a88584a260eef650f83b116a257"`,
    );
    await queryRunner.query(
      `ALTER TABLE "portfolio_reflection" DROP CONSTRAINT "FK_9c11f4ea688ea2b9a2279fb53cb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" DROP CONSTRAINT "FK_0d69cfcd2c110f92a96a5aaec58"`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" DROP CONSTRAINT "FK_84ec9688ae0979a55f86d263766"`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" DROP CONSTRAINT "FK_a723a1cee5ae76fd03beb029736"`,
    );
    await queryRunner.query(
      `ALTER TABLE "completion_certificate" DROP CONSTRAINT "FK_374a1c8431a9ef7af2ed43ad404"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_161947f3b12db014190cbef08c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a88584a260eef650f83b116a25"`);
    await queryRunner.query(`DROP TABLE "portfolio_reflection"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_completion_certificate_valid"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_374a1c8431a9ef7af2ed43ad40"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d8c362ed18739970aa5e36758"`);
    await queryRunner.query(`DROP TABLE "completion_certificate"`);
  }
}
