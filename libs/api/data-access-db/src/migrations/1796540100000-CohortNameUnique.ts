import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unique index behind COHORT_NAME_TAKEN (COHORT_NAME_INDEX on CohortEntity, `synchronize: false`). */
const COHORT_NAME_INDEX = 'UQ_cohort_organisation_year_name';

/**
 * One cohort name per organisation and school year, ignoring case and surrounding spaces (issue 19),
 * held by the database: two creations at once can no longer both pass the application's check.
 * Names that clash already (made before the check existed) are kept apart first: the oldest keeps
 * its name, each later one gets " (2)", " (3)"…, the first free such name.
 */
export class CohortNameUnique1796540100000 implements MigrationInterface {
  name = 'CohortNameUnique1796540100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const clashes: { id: string; organisation_id: string; school_year: string; name: string }[] =
      await queryRunner.query(
        `SELECT id, organisation_id, school_year, name FROM (
           SELECT id, organisation_id, school_year, name,
                  row_number() OVER (PARTITION BY organisation_id, school_year, lower(btrim(name))
                                     ORDER BY created_at, id) AS n
             FROM cohort) ranked
          WHERE n > 1
          ORDER BY organisation_id, school_year, lower(btrim(name)), n`,
      );
    for (const c of clashes) {
      const base = c.name.trim().slice(0, 190);
      for (let k = 2; ; k++) {
        const candidate = `${base} (${k})`;
        const [taken] = await queryRunner.query(
          `SELECT 1 FROM cohort WHERE organisation_id = $1 AND school_year = $2 AND lower(btrim(name)) = lower($3)`,
          [c.organisation_id, c.school_year, candidate],
        );
        if (taken) continue;
        await queryRunner.query(`UPDATE cohort SET name = $2 WHERE id = $1`, [c.id, candidate]);
        break;
      }
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX "${COHORT_NAME_INDEX}" ON "cohort" ("organisation_id", "school_year", lower(btrim("name")))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."${COHORT_NAME_INDEX}"`);
  }
}
