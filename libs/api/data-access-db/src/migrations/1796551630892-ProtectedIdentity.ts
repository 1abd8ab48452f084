import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProtectedIdentity1796551630892 implements MigrationInterface {
  name = 'ProtectedIdentity1796551630892';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "protected_identity" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "person" ADD "pseudonym" character varying(40)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_person_organisation_pseudonym" ON "person"  ("organisation_id", "pseudonym") `,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "CHK_person_protected_has_pseudonym" CHECK (NOT "protected_identity" OR "pseudonym" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "CHK_person_protected_has_pseudonym"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_person_organisation_pseudonym"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "pseudonym"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "protected_identity"`);
  }
}
