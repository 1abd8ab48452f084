import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The feedback coach (issue 15, ADR 0035): required qualities, stored readings, chosen next steps. */
export class FeedbackCoach1796563853049 implements MigrationInterface {
  name = 'FeedbackCoach1796563853049';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "next_step_choice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "feedback_id" uuid NOT NULL, "person_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "step" text NOT NULL, CONSTRAINT "PK_7b48fab401392d6531e32d43a5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_31c753267e25c5c3a5861e3377" ON "next_step_choice"  ("feedback_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_10f3343f3c9ca7eeb6fd6d703f" ON "next_step_choice"  ("person_id", "cohort_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort" ADD "required_feedback_qualities" character varying(16) array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "feedback" ADD "quality_anchored" boolean`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "quality_question" boolean`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "quality_next_step" boolean`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "quality_about_learning" boolean`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD "quality_only_praise" boolean`);
    await queryRunner.query(
      `ALTER TABLE "next_step_choice" ADD CONSTRAINT "FK_31c753267e25c5c3a5861e33777" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "next_step_choice" ADD CONSTRAINT "FK_2a868a6941fb813cd2b350c7a68" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "next_step_choice" ADD CONSTRAINT "FK_f16ed529ec4211eecc055b85b26" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "next_step_choice" DROP CONSTRAINT "FK_f16ed529ec4211eecc055b85b26"`,
    );
    await queryRunner.query(
      `ALTER TABLE "next_step_choice" DROP CONSTRAINT "FK_2a868a6941fb813cd2b350c7a68"`,
    );
    await queryRunner.query(
      `ALTER TABLE "next_step_choice" DROP CONSTRAINT "FK_31c753267e25c5c3a5861e33777"`,
    );
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "quality_only_praise"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "quality_about_learning"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "quality_next_step"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "quality_question"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP COLUMN "quality_anchored"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP COLUMN "required_feedback_qualities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_10f3343f3c9ca7eeb6fd6d703f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_31c753267e25c5c3a5861e3377"`);
    await queryRunner.query(`DROP TABLE "next_step_choice"`);
  }
}
