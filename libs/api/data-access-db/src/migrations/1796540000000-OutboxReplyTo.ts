import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxReplyTo1796540000000 implements MigrationInterface {
  name = 'OutboxReplyTo1796540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Where answers to a message go (a nudge: the course leader who sent it), fixed at enqueue.
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "reply_to" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "reply_to"`);
  }
}
