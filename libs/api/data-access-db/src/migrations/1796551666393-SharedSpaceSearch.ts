import type { MigrationInterface, QueryRunner } from 'typeorm';
import { searchableText } from '@stl/shared/domain';

const BATCH = 500;

/**
 * Full-text search of the shared space (issue 18, ADR 0027). Each published version keeps its
 * searchable title and text (computed by the app at publish, by the same function as the backfill
 * here) and their Swedish lexemes in `search`, which only the trigger writes, so the vector can
 * never disagree with the text it was made from. GIN-indexed for `@@`.
 */
export class SharedSpaceSearch1796551666393 implements MigrationInterface {
  name = 'SharedSpaceSearch1796551666393';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_version" ADD "search_title" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "analysis_version" ADD "search_text" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "analysis_version" ADD "search" tsvector`);
    await queryRunner.query(`
      CREATE FUNCTION analysis_version_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('swedish', NEW.search_title), 'A') ||
          setweight(to_tsvector('swedish', NEW.search_text), 'B');
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER analysis_version_search
      BEFORE INSERT OR UPDATE OF search_title, search_text ON "analysis_version"
      FOR EACH ROW EXECUTE FUNCTION analysis_version_search()`);
    await this.backfill(queryRunner);
    await queryRunner.query(
      `CREATE INDEX "IDX_analysis_version_search" ON "analysis_version" USING GIN ("search")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_analysis_version_search"`);
    await queryRunner.query(`DROP TRIGGER analysis_version_search ON "analysis_version"`);
    await queryRunner.query(`DROP FUNCTION analysis_version_search()`);
    await queryRunner.query(`ALTER TABLE "analysis_version" DROP COLUMN "search"`);
    await queryRunner.query(`ALTER TABLE "analysis_version" DROP COLUMN "search_text"`);
    await queryRunner.query(`ALTER TABLE "analysis_version" DROP COLUMN "search_title"`);
  }

  /** Every version published before this release, in batches by id (answers: [key, html] pairs). */
  private async backfill(queryRunner: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; answers: [string, string][] | Record<string, string> | null }[] =
        await queryRunner.query(
          `SELECT id, answers FROM "analysis_version" WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
          [after],
        );
      if (!rows.length) return;
      const found = rows.map((r) => {
        const pairs = Array.isArray(r.answers) ? r.answers : Object.entries(r.answers ?? {});
        return { id: r.id, ...searchableText(pairs.map(([, html]) => html)) };
      });
      await queryRunner.query(
        `UPDATE "analysis_version" v SET search_title = x.title, search_text = x.text
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, title text, text text) WHERE v.id = x.id`,
        [JSON.stringify(found)],
      );
      after = rows[rows.length - 1].id;
    }
  }
}
