import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalysesAndFeedback1795336907705 implements MigrationInterface {
  name = 'AnalysesAndFeedback1795336907705';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analysis" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "round_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "author_id" uuid NOT NULL, "school_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "draft_answers" jsonb NOT NULL DEFAULT '[]', "draft_revision" integer NOT NULL DEFAULT '0', "draft_saved_at" TIMESTAMP WITH TIME ZONE, "published_version" integer NOT NULL DEFAULT '0', "first_published_at" TIMESTAMP WITH TIME ZONE, "last_published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_300795d51c57ef52911ed65851f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e24e451da7acdf0c9c56f7ed7a" ON "analysis" ("cohort_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3378f4f0eef455a7f348f9f79a" ON "analysis" ("round_id", "author_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "analysis_id" uuid NOT NULL, "version" integer NOT NULL, "answers" jsonb NOT NULL, "privacy_confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f10b7dbe4de5ddb38cb5f399c9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0ac72087a91469a23ff435e221" ON "analysis_version" ("analysis_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "review_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "round_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "analysis_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "source" character varying(12) NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "completed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_86c7b2c46cd7a61d3fd26e3ef80" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bbca4fe096172b925afaf689e0" ON "review_assignment" ("round_id", "reviewer_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f9e9b7ff22e2badd45edaa6ced" ON "review_assignment" ("analysis_id", "reviewer_id") WHERE "cancelled_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "assignment_id" uuid NOT NULL, "analysis_id" uuid NOT NULL, "analysis_version_id" uuid NOT NULL, "author_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "works_well" text NOT NULL, "questions" text NOT NULL, "next_steps" text NOT NULL, "section_key" character varying(64), "marked_helpful_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_463802bb50f62ef03f217f99d2" ON "feedback" ("assignment_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_98e0344406e6641e929629e32b" ON "feedback" ("analysis_id") `);
    await queryRunner.query(
      `CREATE TABLE "feedback_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "feedback_id" uuid NOT NULL, "author_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_705cb106b7f40889573c2592228" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a7a60f22e63fddceb5d87c00ff" ON "feedback_comment" ("feedback_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "round_allocation" ("round_id" uuid NOT NULL, "seed" character varying(64) NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "applied_by_id" uuid NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e483f78970e37f194bd0f71edeb" PRIMARY KEY ("round_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis" ADD CONSTRAINT "FK_105db77e7c226fd08906dd022b4" FOREIGN KEY ("round_id") REFERENCES "analysis_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis" ADD CONSTRAINT "FK_40971693a14d1620c316c3e7240" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_version" ADD CONSTRAINT "FK_f69416706bbd73638c98e81df1a" FOREIGN KEY ("analysis_id") REFERENCES "analysis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignment" ADD CONSTRAINT "FK_d362f92f73c296555e1ecfc7de3" FOREIGN KEY ("analysis_id") REFERENCES "analysis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignment" ADD CONSTRAINT "FK_0960ff781a500039d868712d608" FOREIGN KEY ("reviewer_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD CONSTRAINT "FK_463802bb50f62ef03f217f99d2a" FOREIGN KEY ("assignment_id") REFERENCES "review_assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback" ADD CONSTRAINT "FK_0638228a99b6eff1552308c9f24" FOREIGN KEY ("analysis_version_id") REFERENCES "analysis_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_comment" ADD CONSTRAINT "FK_a7a60f22e63fddceb5d87c00ff4" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "feedback_comment" DROP CONSTRAINT "FK_a7a60f22e63fddceb5d87c00ff4"`,
    );
    await queryRunner.query(`ALTER TABLE "feedback" DROP CONSTRAINT "FK_0638228a99b6eff1552308c9f24"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP CONSTRAINT "FK_463802bb50f62ef03f217f99d2a"`);
    await queryRunner.query(
      `ALTER TABLE "review_assignment" DROP CONSTRAINT "FK_0960ff781a500039d868712d608"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_assignment" DROP CONSTRAINT "FK_d362f92f73c296555e1ecfc7de3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_version" DROP CONSTRAINT "FK_f69416706bbd73638c98e81df1a"`,
    );
    await queryRunner.query(`ALTER TABLE "analysis" DROP CONSTRAINT "FK_40971693a14d1620c316c3e7240"`);
    await queryRunner.query(`ALTER TABLE "analysis" DROP CONSTRAINT "FK_105db77e7c226fd08906dd022b4"`);
    await queryRunner.query(`DROP TABLE "round_allocation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7a60f22e63fddceb5d87c00ff"`);
    await queryRunner.query(`DROP TABLE "feedback_comment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98e0344406e6641e929629e32b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_463802bb50f62ef03f217f99d2"`);
    await queryRunner.query(`DROP TABLE "feedback"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f9e9b7ff22e2badd45edaa6ced"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bbca4fe096172b925afaf689e0"`);
    await queryRunner.query(`DROP TABLE "review_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ac72087a91469a23ff435e221"`);
    await queryRunner.query(`DROP TABLE "analysis_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3378f4f0eef455a7f348f9f79a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e24e451da7acdf0c9c56f7ed7a"`);
    await queryRunner.query(`DROP TABLE "analysis"`);
  }
}
