import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'REVIEW_ASSIGNED', 'FEEDBACK_RECEIVED', 'ANALYSIS_PUBLISHED', 'FEEDBACK_DUE_48H', 'FEEDBACK_DUE_TODAY', 'FEEDBACK_OVERDUE', 'FEEDBACK_OVERDUE_LEADER_NOTICE', 'SUBMISSION_DUE_48H', 'SUBMISSION_OVERDUE', 'MEETING_TOMORROW', 'WEEKLY_LEADER_SUMMARY', 'SCHOOL_LEADER_SUMMARY', 'NUDGE', 'DIGEST'`;
const KINDS_AFTER = `'REVIEW_ASSIGNED', 'FEEDBACK_RECEIVED', 'ANALYSIS_PUBLISHED', 'FEEDBACK_DUE_48H', 'FEEDBACK_DUE_TODAY', 'FEEDBACK_OVERDUE', 'FEEDBACK_OVERDUE_LEADER_NOTICE', 'SUBMISSION_DUE_48H', 'SUBMISSION_OVERDUE', 'MEETING_TOMORROW', 'WEEKLY_LEADER_SUMMARY', 'SCHOOL_LEADER_SUMMARY', 'NUDGE', 'DIGEST', 'INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK'`;

/**
 * Mailed single-use links (ADR 0013): `account_token` holds the SHA-256 of each link's token, and
 * the outbox accepts the three account mail kinds.
 */
export class AccountTokens1796530597485 implements MigrationInterface {
  name = 'AccountTokens1796530597485';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_token" ("id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "person_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "account_token_purpose_known" CHECK ("purpose" IN ('INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK')), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_afb41d941d437f47a0d75373f8" ON "account_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_41ebb920404dddefd2953748f9" ON "account_token"  ("person_id", "purpose", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account_token" ADD CONSTRAINT "FK_af4b55453cff1f21730e66cb265" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_token" ADD CONSTRAINT "FK_792beb72b286b6dde6fd6d13535" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_kind_known" CHECK ("kind" IN (${KINDS_AFTER}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "outbox_message" WHERE "kind" IN ('INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK')`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_kind_known" CHECK ("kind" IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_792beb72b286b6dde6fd6d13535"`);
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_af4b55453cff1f21730e66cb265"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_41ebb920404dddefd2953748f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_afb41d941d437f47a0d75373f8"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
  }
}
