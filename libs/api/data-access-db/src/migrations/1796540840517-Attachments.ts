import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1796540840517 implements MigrationInterface {
  name = 'Attachments1796540840517';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "analysis_id" uuid NOT NULL, "section_key" character varying(64) NOT NULL, "owner_id" uuid NOT NULL, "original_name" character varying(200) NOT NULL, "content_type" character varying(64) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "width" integer, "height" integer, "has_thumbnail" boolean NOT NULL DEFAULT false, "storage" character varying(16) NOT NULL, "removed_from_draft_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_16e69b381c6987d57ae167b744" ON "attachment"  ("analysis_id", "section_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "analysis_version_attachment" ("version_id" uuid NOT NULL, "attachment_id" uuid NOT NULL, CONSTRAINT "PK_b4eff9e249ee0b960aefb137be0" PRIMARY KEY ("version_id", "attachment_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f1e61043859f77b1bc70c0f23c" ON "analysis_version_attachment"  ("attachment_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "attachment_content" ("attachment_id" uuid NOT NULL, "variant" character varying(16) NOT NULL, "bytes" bytea NOT NULL, CONSTRAINT "PK_d722bf6a7f315fa7c2e895e2ef3" PRIMARY KEY ("attachment_id", "variant"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "FK_0262e400b719f7584039200688e" FOREIGN KEY ("analysis_id") REFERENCES "analysis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "FK_37bdf73740bab48866100e04492" FOREIGN KEY ("owner_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_version_attachment" ADD CONSTRAINT "FK_c6547c72e022e25aca69e8a8461" FOREIGN KEY ("version_id") REFERENCES "analysis_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_version_attachment" ADD CONSTRAINT "FK_f1e61043859f77b1bc70c0f23cf" FOREIGN KEY ("attachment_id") REFERENCES "attachment"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment_content" ADD CONSTRAINT "FK_5244c8b639f0bf0ad961b6f6f7d" FOREIGN KEY ("attachment_id") REFERENCES "attachment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "attachment_content" DROP CONSTRAINT "FK_5244c8b639f0bf0ad961b6f6f7d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_version_attachment" DROP CONSTRAINT "FK_f1e61043859f77b1bc70c0f23cf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "analysis_version_attachment" DROP CONSTRAINT "FK_c6547c72e022e25aca69e8a8461"`,
    );
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "FK_37bdf73740bab48866100e04492"`);
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "FK_0262e400b719f7584039200688e"`);
    await queryRunner.query(`DROP TABLE "attachment_content"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1e61043859f77b1bc70c0f23c"`);
    await queryRunner.query(`DROP TABLE "analysis_version_attachment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_16e69b381c6987d57ae167b744"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
