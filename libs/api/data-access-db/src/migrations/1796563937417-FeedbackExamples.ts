import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Good examples of feedback, shown with the writer's consent (issue 15, ADR 0035). */
export class FeedbackExamples1796563937417 implements MigrationInterface {
  name = 'FeedbackExamples1796563937417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "feedback_example" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "feedback_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "asked_by_id" uuid NOT NULL, "writer_id" uuid NOT NULL, "consent" character varying(8) NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_892271339386a0b409afcc4ffbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_906e55c02c0093ea0f07aaef9e" ON "feedback_example"  ("feedback_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a41a52d59e5986bb8e65b3ed1e" ON "feedback_example"  ("asked_by_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4d9f10d84c9554314a69cb9dbf" ON "feedback_example"  ("writer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7b0b9d7fb5fe1f7368787747db" ON "feedback_example"  ("cohort_id", "consent") `,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" ADD CONSTRAINT "FK_906e55c02c0093ea0f07aaef9e5" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" ADD CONSTRAINT "FK_8f02d90ad1d8e1f93681026a1d6" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" ADD CONSTRAINT "FK_a41a52d59e5986bb8e65b3ed1e5" FOREIGN KEY ("asked_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" ADD CONSTRAINT "FK_4d9f10d84c9554314a69cb9dbf1" FOREIGN KEY ("writer_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "feedback_example" DROP CONSTRAINT "FK_4d9f10d84c9554314a69cb9dbf1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" DROP CONSTRAINT "FK_a41a52d59e5986bb8e65b3ed1e5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" DROP CONSTRAINT "FK_8f02d90ad1d8e1f93681026a1d6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "feedback_example" DROP CONSTRAINT "FK_906e55c02c0093ea0f07aaef9e5"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_7b0b9d7fb5fe1f7368787747db"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d9f10d84c9554314a69cb9dbf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a41a52d59e5986bb8e65b3ed1e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_906e55c02c0093ea0f07aaef9e"`);
    await queryRunner.query(`DROP TABLE "feedback_example"`);
  }
}
