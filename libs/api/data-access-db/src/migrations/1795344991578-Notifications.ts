import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795344991578 implements MigrationInterface {
  name = 'Notifications1795344991578';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cohort_reminder_settings" ("cohort_id" uuid NOT NULL, "feedback_due_soon_hours" smallint NOT NULL DEFAULT '48', "submission_due_soon_hours" smallint NOT NULL DEFAULT '48', "submission_overdue_after_hours" smallint NOT NULL DEFAULT '24', "overdue_reminder_days" smallint array NOT NULL DEFAULT '{1,3,7}', "leader_notice_after_days" smallint NOT NULL DEFAULT '10', "weekly_summary_weekday" smallint NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reminder_weekday_range" CHECK ("weekly_summary_weekday" BETWEEN 1 AND 7), CONSTRAINT "reminder_leader_notice_range" CHECK ("leader_notice_after_days" BETWEEN 1 AND 60), CONSTRAINT "reminder_overdue_after_range" CHECK ("submission_overdue_after_hours" BETWEEN 0 AND 336), CONSTRAINT "reminder_due_soon_range" CHECK ("feedback_due_soon_hours" BETWEEN 1 AND 336 AND "submission_due_soon_hours" BETWEEN 1 AND 336), CONSTRAINT "PK_68d41ef197dc1adaf7d57da7ceb" PRIMARY KEY ("cohort_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("person_id" uuid NOT NULL, "disabled_kinds" character varying(40) array NOT NULL DEFAULT '{}', "digest_daily" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8496cccd0c7dcf6889873bee9e1" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "idempotency_key" character varying(300) NOT NULL, "kind" character varying(40) NOT NULL, "organisation_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "to_address" character varying(320) NOT NULL, "locale" character varying(5) NOT NULL, "payload" jsonb NOT NULL, "refs" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" character varying(300), "not_before" TIMESTAMP WITH TIME ZONE, "digest_on" date, "digest_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "outbox_attempts_positive" CHECK ("attempts" >= 0), CONSTRAINT "outbox_kind_known" CHECK ("kind" IN ('REVIEW_ASSIGNED', 'FEEDBACK_RECEIVED', 'ANALYSIS_PUBLISHED', 'FEEDBACK_DUE_48H', 'FEEDBACK_DUE_TODAY', 'FEEDBACK_OVERDUE', 'FEEDBACK_OVERDUE_LEADER_NOTICE', 'SUBMISSION_DUE_48H', 'SUBMISSION_OVERDUE', 'MEETING_TOMORROW', 'WEEKLY_LEADER_SUMMARY', 'SCHOOL_LEADER_SUMMARY', 'NUDGE', 'DIGEST')), CONSTRAINT "outbox_status_known" CHECK ("status" IN ('PENDING', 'HELD', 'DIGESTED', 'SENT', 'FAILED', 'CANCELLED')), CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_561d969df672397b5f9a456bed" ON "outbox_message" ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ed7533cad0c74255bab6f853b" ON "outbox_message" ("recipient_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_738366bb471ba9e2240f78c955" ON "outbox_message" ("organisation_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_reminder_settings" ADD CONSTRAINT "FK_68d41ef197dc1adaf7d57da7ceb" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_8496cccd0c7dcf6889873bee9e1" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_message" ADD CONSTRAINT "FK_223ad39b2c45b1f64751c3761f1" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP CONSTRAINT "FK_223ad39b2c45b1f64751c3761f1"`);
    await queryRunner.query(
      `ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_8496cccd0c7dcf6889873bee9e1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_reminder_settings" DROP CONSTRAINT "FK_68d41ef197dc1adaf7d57da7ceb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_738366bb471ba9e2240f78c955"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ed7533cad0c74255bab6f853b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_561d969df672397b5f9a456bed"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "cohort_reminder_settings"`);
  }
}
