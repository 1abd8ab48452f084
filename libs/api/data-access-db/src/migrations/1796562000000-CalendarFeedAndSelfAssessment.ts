import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 (ADR 0034): a person's calendar feed token (its hash), the organisation's
 * self-assessment statements with the answers before and after a cohort, and a revision on meetings
 * and rounds that calendars read as SEQUENCE.
 */
export class CalendarFeedAndSelfAssessment1796562000000 implements MigrationInterface {
  name = 'CalendarFeedAndSelfAssessment1796562000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed_token" ("person_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ca9f3dcc3e9ffc417f182297ef9" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_da3743af69f31ffd278f363bce" ON "calendar_feed_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "self_assessment_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "position" smallint NOT NULL, "theme" character varying(24) NOT NULL, "text_sv" character varying(400) NOT NULL, "text_en" character varying(400) NOT NULL, "seed_key" character varying(40), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "self_assessment_question_theme_known" CHECK ("theme" IN ('DIGITAL_TOOLS', 'FORMATIVE_FEEDBACK', 'OTHER')), CONSTRAINT "PK_54367a183f9759a0e9f5972e1ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9b45f5cc6c865cf11114b4d0d2" ON "self_assessment_question"  ("organisation_id", "seed_key") WHERE "seed_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c708d8b6345399d3b435aabede" ON "self_assessment_question"  ("organisation_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "self_assessment_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cohort_id" uuid NOT NULL, "person_id" uuid NOT NULL, "phase" character varying(8) NOT NULL, "school_id" uuid, CONSTRAINT "self_assessment_response_phase_known" CHECK ("phase" IN ('BEFORE', 'AFTER')), CONSTRAINT "PK_f577b34ffaa63f7da950ee3aa89" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ba3f59cff70f4c9f44c779beec" ON "self_assessment_response"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_76cd8a562b3716cfeec9396b7d" ON "self_assessment_response"  ("cohort_id", "person_id", "phase") `,
    );
    await queryRunner.query(
      `CREATE TABLE "self_assessment_answer" ("response_id" uuid NOT NULL, "question_id" uuid NOT NULL, "value" smallint NOT NULL, CONSTRAINT "self_assessment_answer_value_range" CHECK ("value" BETWEEN 1 AND 5), CONSTRAINT "PK_594d0268a25c3c2e29d8b20ba7c" PRIMARY KEY ("response_id", "question_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6c7a6db2e2c63df1d3c6b416e4" ON "self_assessment_answer"  ("question_id") `,
    );
    await queryRunner.query(`ALTER TABLE "meeting" ADD "revision" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "analysis_round" ADD "revision" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "FK_ca9f3dcc3e9ffc417f182297ef9" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_question" ADD CONSTRAINT "FK_20cc91a6a95304ac828467c67ec" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_response" ADD CONSTRAINT "FK_15b0351bf2c566e818106bdb398" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_response" ADD CONSTRAINT "FK_ba3f59cff70f4c9f44c779beecb" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_response" ADD CONSTRAINT "FK_8e37114451da7a4d8e15d7a020f" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_answer" ADD CONSTRAINT "FK_e31a2cd782acfd1baf6fe3e49ad" FOREIGN KEY ("response_id") REFERENCES "self_assessment_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_answer" ADD CONSTRAINT "FK_6c7a6db2e2c63df1d3c6b416e45" FOREIGN KEY ("question_id") REFERENCES "self_assessment_question"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "self_assessment_answer" DROP CONSTRAINT "FK_6c7a6db2e2c63df1d3c6b416e45"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_answer" DROP CONSTRAINT "FK_e31a2cd782acfd1baf6fe3e49ad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_response" DROP CONSTRAINT "FK_8e37114451da7a4d8e15d7a020f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_response" DROP CONSTRAINT "FK_ba3f59cff70f4c9f44c779beecb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_response" DROP CONSTRAINT "FK_15b0351bf2c566e818106bdb398"`,
    );
    await queryRunner.query(
      `ALTER TABLE "self_assessment_question" DROP CONSTRAINT "FK_20cc91a6a95304ac828467c67ec"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed_token" DROP CONSTRAINT "FK_ca9f3dcc3e9ffc417f182297ef9"`,
    );
    await queryRunner.query(`ALTER TABLE "analysis_round" DROP COLUMN "revision"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "revision"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c7a6db2e2c63df1d3c6b416e4"`);
    await queryRunner.query(`DROP TABLE "self_assessment_answer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76cd8a562b3716cfeec9396b7d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba3f59cff70f4c9f44c779beec"`);
    await queryRunner.query(`DROP TABLE "self_assessment_response"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c708d8b6345399d3b435aabede"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9b45f5cc6c865cf11114b4d0d2"`);
    await queryRunner.query(`DROP TABLE "self_assessment_question"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_da3743af69f31ffd278f363bce"`);
    await queryRunner.query(`DROP TABLE "calendar_feed_token"`);
  }
}
