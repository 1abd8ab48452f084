import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'REVIEW_ASSIGNED', 'FEEDBACK_RECEIVED', 'ANALYSIS_PUBLISHED', 'FEEDBACK_DUE_48H', 'FEEDBACK_DUE_TODAY', 'FEEDBACK_OVERDUE', 'FEEDBACK_OVERDUE_LEADER_NOTICE', 'SUBMISSION_DUE_48H', 'SUBMISSION_OVERDUE', 'MEETING_TOMORROW', 'WEEKLY_LEADER_SUMMARY', 'SCHOOL_LEADER_SUMMARY', 'NUDGE', 'DIGEST', 'INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK', 'COHORT_WELCOME'`;
const KINDS_AFTER = `${KINDS_BEFORE}, 'ACCESSIBILITY_REPORT'`;

/**
 * Reports of accessibility problems from the accessibility statement (issue 12): the outbox accepts
 * the ACCESSIBILITY_REPORT mail, and each organisation may name the person who receives them.
 */
export class AccessibilityReports1796564000000 implements MigrationInterface {
  name = 'AccessibilityReports1796564000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_kind_known" CHECK ("kind" IN (${KINDS_AFTER}))`,
    );
    await queryRunner.query(
      `CREATE TABLE "accessibility_contact" (
         "organisation_id" uuid NOT NULL,
         "person_id" uuid NOT NULL,
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_accessibility_contact" PRIMARY KEY ("organisation_id"),
         CONSTRAINT "FK_accessibility_contact_organisation" FOREIGN KEY ("organisation_id")
           REFERENCES "organisation"("id") ON DELETE CASCADE,
         CONSTRAINT "FK_accessibility_contact_person" FOREIGN KEY ("person_id")
           REFERENCES "person"("id") ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_accessibility_contact_person" ON "accessibility_contact" ("person_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accessibility_contact"`);
    await queryRunner.query(`DELETE FROM "outbox_message" WHERE "kind" = 'ACCESSIBILITY_REPORT'`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "outbox_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_kind_known" CHECK ("kind" IN (${KINDS_BEFORE}))`,
    );
  }
}
