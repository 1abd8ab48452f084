import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DraftHistory1796551639765 implements MigrationInterface {
  name = 'DraftHistory1796551639765';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analysis_draft_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "analysis_id" uuid NOT NULL, "revision" integer NOT NULL, "kind" character varying(20) NOT NULL, "answers" jsonb NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "saved_by_id" uuid NOT NULL, "editor_id" uuid, CONSTRAINT "PK_0d25143411304352bc3dbb80863" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8643d22a578163ebbff94223a8" ON "analysis_draft_snapshot"  ("analysis_id", "saved_at") `,
    );
    await queryRunner.query(`ALTER TABLE "analysis" ADD "draft_editor_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "analysis_draft_snapshot" ADD CONSTRAINT "FK_2b69bd02f1552a8ae3469b8addf" FOREIGN KEY ("analysis_id") REFERENCES "analysis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_draft_snapshot" ADD CONSTRAINT "FK_eeef5a2097c09445293ea6b252d" FOREIGN KEY ("saved_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "analysis_draft_snapshot" DROP CONSTRAINT "FK_eeef5a2097c09445293ea6b252d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_draft_snapshot" DROP CONSTRAINT "FK_2b69bd02f1552a8ae3469b8addf"`,
    );
    await queryRunner.query(`ALTER TABLE "analysis" DROP COLUMN "draft_editor_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8643d22a578163ebbff94223a8"`);
    await queryRunner.query(`DROP TABLE "analysis_draft_snapshot"`);
  }
}
