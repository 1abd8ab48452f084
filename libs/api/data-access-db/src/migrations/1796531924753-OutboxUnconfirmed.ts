import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the outbox status UNCONFIRMED, for a message the SMTP server received whole but never
 * confirmed (outcome unknown: neither resent nor offered as failed mail). Written by hand: TypeORM's
 * schema diff does not see a changed CHECK expression under the same name.
 */
export class OutboxUnconfirmed1796531924753 implements MigrationInterface {
  name = 'OutboxUnconfirmed1796531924753';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_status_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_status_known" CHECK ("status" IN ('PENDING', 'HELD', 'DIGESTED', 'SENT', 'FAILED', 'CANCELLED', 'UNCONFIRMED'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // An unconfirmed message was most likely delivered: SENT is the closest older state.
    await queryRunner.query(`UPDATE "outbox_message" SET "status" = 'SENT' WHERE "status" = 'UNCONFIRMED'`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_status_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_status_known" CHECK ("status" IN ('PENDING', 'HELD', 'DIGESTED', 'SENT', 'FAILED', 'CANCELLED'))`,
    );
  }
}
