import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Comments anchored to a passage of a published analysis version (issue 18, ADR 0026). */
export class PassageComments1796551716015 implements MigrationInterface {
  name = 'PassageComments1796551716015';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "passage_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "analysis_id" uuid NOT NULL, "analysis_version_id" uuid NOT NULL, "section_key" character varying(64) NOT NULL, "exact" text NOT NULL, "prefix" text NOT NULL, "suffix" text NOT NULL, "start" integer NOT NULL, "end" integer NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, CONSTRAINT "passage_comment_offsets" CHECK ("start" >= 0 AND "start" < "end"), CONSTRAINT "PK_11707829e4d5144774bf6ba0753" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_84550eba6f7c0e22b37dbbb476" ON "passage_comment"  ("analysis_version_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_770242148aa2610c2074142001" ON "passage_comment"  ("author_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4770e0fafc96902bc1f14aec2f" ON "passage_comment"  ("analysis_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "passage_comment" ADD CONSTRAINT "FK_2cf1fe08274d101d05838f361ef" FOREIGN KEY ("analysis_id") REFERENCES "analysis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "passage_comment" ADD CONSTRAINT "FK_84550eba6f7c0e22b37dbbb4762" FOREIGN KEY ("analysis_version_id") REFERENCES "analysis_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "passage_comment" ADD CONSTRAINT "FK_770242148aa2610c2074142001c" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "passage_comment" DROP CONSTRAINT "FK_770242148aa2610c2074142001c"`);
    await queryRunner.query(`ALTER TABLE "passage_comment" DROP CONSTRAINT "FK_84550eba6f7c0e22b37dbbb4762"`);
    await queryRunner.query(`ALTER TABLE "passage_comment" DROP CONSTRAINT "FK_2cf1fe08274d101d05838f361ef"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4770e0fafc96902bc1f14aec2f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_770242148aa2610c2074142001"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84550eba6f7c0e22b37dbbb476"`);
    await queryRunner.query(`DROP TABLE "passage_comment"`);
  }
}
