import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795335514665 implements MigrationInterface {
  name = 'Initial1795335514665';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "slug" character varying(64) NOT NULL, CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b800a0efd2f9f19719d0c4d793" ON "organisation" ("slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "unit_code" character varying(8), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_caa2852d8d71f9b04350806b03" ON "school" ("organisation_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "organisation_id" uuid NOT NULL, "school_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_52c0d1d5647b86d9b3e95ccd1a" ON "role_grant" ("person_id", "role") WHERE "school_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_343b197253bab9adb6c61e293f" ON "role_grant" ("person_id", "role", "school_id") WHERE "school_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "person_id" uuid NOT NULL, "issued_on" date NOT NULL, "valid_until" date NOT NULL, "issuer" character varying(200) NOT NULL, "reference" character varying(100), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "certification_dates_ordered" CHECK ("valid_until" >= "issued_on"), CONSTRAINT "PK_a7364bd3e4a407f67d8165b820c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "full_name" character varying(200) NOT NULL, "school_id" uuid, "locale" character varying(5) NOT NULL DEFAULT 'sv', "password_hash" character varying(255), "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d2d717efd90709ebd3cb26b936" ON "person" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "session" ("id" character(64) NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_agent" character varying(400), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5c6e00902a1344d01a8d90f33c" ON "session" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2223e981900a413ce4ce6386f9" ON "session" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "cohort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "school_year" character varying(7) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'PLANNING', "required_attendance_share" numeric(4,3) NOT NULL DEFAULT 0.75, "peers_per_analysis" smallint NOT NULL DEFAULT '2', "feedback_min_length" integer NOT NULL DEFAULT '50', "same_school_support" boolean NOT NULL DEFAULT false, "opened_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "cohort_attendance_share_range" CHECK ("required_attendance_share" BETWEEN 0 AND 1), CONSTRAINT "cohort_peers_range" CHECK ("peers_per_analysis" BETWEEN 1 AND 6), CONSTRAINT "cohort_status_known" CHECK ("status" IN ('PLANNING', 'OPEN', 'COMPLETED', 'ARCHIVED')), CONSTRAINT "cohort_dates_ordered" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_4fb3cca38dc4b461110344e5f9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ffac858a8cb9b7add624ebe4ca" ON "cohort" ("organisation_id", "school_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort_membership" ("cohort_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "school_id" uuid, "wants_same_school" boolean NOT NULL DEFAULT false, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2ab17855f3a8bd93f9aa44f2580" PRIMARY KEY ("cohort_id", "person_id", "role"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1267194f41bac5d000dd7c3f10" ON "cohort_membership" ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cohort_id" uuid NOT NULL, "number" smallint NOT NULL, "title" character varying(300) NOT NULL, "theme" character varying(300), "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "mode" character varying(16) NOT NULL, "location" character varying(300), "video_url" character varying(2000), "preparation" text NOT NULL DEFAULT '', "discussion_questions" text array NOT NULL DEFAULT '{}', CONSTRAINT "meeting_times_ordered" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f5dc109468d0421f0adb185561" ON "meeting" ("cohort_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "attendance" ("meeting_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b22d01d5145d9d673fee47270a" PRIMARY KEY ("meeting_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', CONSTRAINT "PK_af03526e355954ec314c89f10f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "template_section" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_version_id" uuid NOT NULL, "position" smallint NOT NULL, "key" character varying(64) NOT NULL, "title" character varying(300) NOT NULL, "prompt" text NOT NULL, "help_text" text NOT NULL DEFAULT '', "required" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_2bfbfb0d5039ac8fc25c41b1f57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1e5c4d4e53567432d29756631f" ON "template_section" ("template_version_id", "key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d8f875122f0b04ddb2038278d0" ON "template_section" ("template_version_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_template_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" uuid, CONSTRAINT "PK_c640091979f44dd2e9ff40fb878" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e21a4e8cdc689c604ee0c636fb" ON "analysis_template_version" ("template_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cohort_id" uuid NOT NULL, "number" smallint NOT NULL, "title" character varying(300) NOT NULL, "template_version_id" uuid NOT NULL, "meeting_id" uuid, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submission_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "feedback_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "round_deadlines_ordered" CHECK ("opens_at" < "submission_deadline" AND "submission_deadline" < "feedback_deadline"), CONSTRAINT "PK_105db77e7c226fd08906dd022b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0495cea38c34a921b08c1be07a" ON "analysis_round" ("cohort_id", "number") `,
    );
    await queryRunner.query(
      `ALTER TABLE "school" ADD CONSTRAINT "FK_8fcc0cbb96371e474f34fe1f20b" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_03a176325f023b3a4ba96a01112" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "FK_54f8303aa0c02dc7b6c6be06cc0" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification" ADD CONSTRAINT "FK_6c3b4552dc2209793e4e580612d" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "FK_53e60754c1edacbd248622810d8" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "FK_5f0439c4563300e91c7beeeb718" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_5c6e00902a1344d01a8d90f33cf" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort" ADD CONSTRAINT "FK_aabe5f06d77c930c05e61cfe3c5" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_membership" ADD CONSTRAINT "FK_39e98940d8985f9543249a70898" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_membership" ADD CONSTRAINT "FK_1267194f41bac5d000dd7c3f107" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "FK_19451b9a2c77892192cbe188d86" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_fedd75244556b90cd6a92b7c149" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_86687a3aa35d66a5613e23ddd65" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_template" ADD CONSTRAINT "FK_8042817d226083de1b80c09d895" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "template_section" ADD CONSTRAINT "FK_f39c3ed28555e2cec15b51b036d" FOREIGN KEY ("template_version_id") REFERENCES "analysis_template_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_template_version" ADD CONSTRAINT "FK_6a90e831aef1527689facd8d08d" FOREIGN KEY ("template_id") REFERENCES "analysis_template"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_round" ADD CONSTRAINT "FK_9a248dc0e33ee2f9f131ad41ea0" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_round" ADD CONSTRAINT "FK_b5e3fc37292826d1248b03bb7ff" FOREIGN KEY ("template_version_id") REFERENCES "analysis_template_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_round" ADD CONSTRAINT "FK_34b5601cafaf4923f7d16ba3c09" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_round" DROP CONSTRAINT "FK_34b5601cafaf4923f7d16ba3c09"`);
    await queryRunner.query(`ALTER TABLE "analysis_round" DROP CONSTRAINT "FK_b5e3fc37292826d1248b03bb7ff"`);
    await queryRunner.query(`ALTER TABLE "analysis_round" DROP CONSTRAINT "FK_9a248dc0e33ee2f9f131ad41ea0"`);
    await queryRunner.query(
      `ALTER TABLE "analysis_template_version" DROP CONSTRAINT "FK_6a90e831aef1527689facd8d08d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "template_section" DROP CONSTRAINT "FK_f39c3ed28555e2cec15b51b036d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_template" DROP CONSTRAINT "FK_8042817d226083de1b80c09d895"`,
    );
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_86687a3aa35d66a5613e23ddd65"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_fedd75244556b90cd6a92b7c149"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_19451b9a2c77892192cbe188d86"`);
    await queryRunner.query(
      `ALTER TABLE "cohort_membership" DROP CONSTRAINT "FK_1267194f41bac5d000dd7c3f107"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_membership" DROP CONSTRAINT "FK_39e98940d8985f9543249a70898"`,
    );
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_aabe5f06d77c930c05e61cfe3c5"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_5c6e00902a1344d01a8d90f33cf"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "FK_5f0439c4563300e91c7beeeb718"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "FK_53e60754c1edacbd248622810d8"`);
    await queryRunner.query(`ALTER TABLE "certification" DROP CONSTRAINT "FK_6c3b4552dc2209793e4e580612d"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_54f8303aa0c02dc7b6c6be06cc0"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "FK_03a176325f023b3a4ba96a01112"`);
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "FK_8fcc0cbb96371e474f34fe1f20b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0495cea38c34a921b08c1be07a"`);
    await queryRunner.query(`DROP TABLE "analysis_round"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e21a4e8cdc689c604ee0c636fb"`);
    await queryRunner.query(`DROP TABLE "analysis_template_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d8f875122f0b04ddb2038278d0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1e5c4d4e53567432d29756631f"`);
    await queryRunner.query(`DROP TABLE "template_section"`);
    await queryRunner.query(`DROP TABLE "analysis_template"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f5dc109468d0421f0adb185561"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1267194f41bac5d000dd7c3f10"`);
    await queryRunner.query(`DROP TABLE "cohort_membership"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ffac858a8cb9b7add624ebe4ca"`);
    await queryRunner.query(`DROP TABLE "cohort"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2223e981900a413ce4ce6386f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5c6e00902a1344d01a8d90f33c"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d2d717efd90709ebd3cb26b936"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP TABLE "certification"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_343b197253bab9adb6c61e293f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52c0d1d5647b86d9b3e95ccd1a"`);
    await queryRunner.query(`DROP TABLE "role_grant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_caa2852d8d71f9b04350806b03"`);
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b800a0efd2f9f19719d0c4d793"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
