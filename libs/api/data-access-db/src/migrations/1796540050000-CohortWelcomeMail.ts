import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'REVIEW_ASSIGNED', 'FEEDBACK_RECEIVED', 'ANALYSIS_PUBLISHED', 'FEEDBACK_DUE_48H', 'FEEDBACK_DUE_TODAY', 'FEEDBACK_OVERDUE', 'FEEDBACK_OVERDUE_LEADER_NOTICE', 'SUBMISSION_DUE_48H', 'SUBMISSION_OVERDUE', 'MEETING_TOMORROW', 'WEEKLY_LEADER_SUMMARY', 'SCHOOL_LEADER_SUMMARY', 'NUDGE', 'DIGEST', 'INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK'`;
const KINDS_AFTER = `${KINDS_BEFORE}, 'COHORT_WELCOME'`;

/** The outbox accepts the welcome mail sent to each participant when a cohort opens (issue 19). */
export class CohortWelcomeMail1796540050000 implements MigrationInterface {
  name = 'CohortWelcomeMail1796540050000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_kind_known" CHECK ("kind" IN (${KINDS_AFTER}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox_message" WHERE "kind" = 'COHORT_WELCOME'`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_kind_known" CHECK ("kind" IN (${KINDS_BEFORE}))`,
    );
  }
}
