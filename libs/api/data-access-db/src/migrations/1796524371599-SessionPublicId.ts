import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions get a random public id for "my sessions" (ADR 0004, amendment 2026-12): the primary key
 * is the token's digest and is never shown. Existing sessions get one each.
 */
export class SessionPublicId1796524371599 implements MigrationInterface {
  name = 'SessionPublicId1796524371599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "public_id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9aae0f4c9ea25a1e21957139d1" ON "session"  ("public_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9aae0f4c9ea25a1e21957139d1"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "public_id"`);
  }
}
