import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform operators (ADR 0015): people who run the service, belong to no organisation and never
 * see course content. A person is either an operator without an organisation or a member of one.
 */
export class PlatformOperator1796530900000 implements MigrationInterface {
  name = 'PlatformOperator1796530900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "platform_operator" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "organisation_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "CHK_person_operator_has_no_organisation" CHECK ("platform_operator" = ("organisation_id" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Operators have no organisation to fall back to; rolling back removes their accounts.
    await queryRunner.query(`DELETE FROM "person" WHERE "platform_operator"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "CHK_person_operator_has_no_organisation"`);
    await queryRunner.query(`ALTER TABLE "person" ALTER COLUMN "organisation_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "platform_operator"`);
  }
}
