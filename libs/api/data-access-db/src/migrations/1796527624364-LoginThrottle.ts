import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempt counts per account and per client address (brute-force protection, ADR 0004
 * amendment 2026-12-06). Keys are digests of what was typed, not references: no foreign key.
 */
export class LoginThrottle1796527624364 implements MigrationInterface {
  name = 'LoginThrottle1796527624364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character varying(80) NOT NULL, "attempts" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c29e176ddfb058bc926532f301" ON "login_throttle"  ("last_attempt_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c29e176ddfb058bc926532f301"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
