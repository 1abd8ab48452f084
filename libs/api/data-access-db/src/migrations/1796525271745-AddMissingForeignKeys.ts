import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One reference that gets its foreign key here, and what to do with rows that break it already. */
interface Reference {
  table: string;
  column: string;
  parent: string;
  constraint: string;
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL';
  /**
   * `refuse`: the row is course history (or a copy that must match it); the migration stops and
   * names it, and an operator decides. `delete` / `set null`: the row, or the link, means nothing
   * without its parent; it is cleaned up as the foreign key would have done.
   */
  orphans: 'refuse' | 'delete' | 'set null';
}

/** Every reference column without a foreign key until now (ADR 0011). */
export const NEW_REFERENCES: readonly Reference[] = [
  {
    table: 'analysis',
    column: 'cohort_id',
    parent: 'cohort',
    constraint: 'FK_43a5f4b633576dd4368ef8107fc',
    onDelete: 'CASCADE',
    orphans: 'refuse',
  },
  {
    table: 'analysis',
    column: 'school_id',
    parent: 'school',
    constraint: 'FK_be63e2d2080e6dd9463f299f13a',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'analysis_template_version',
    column: 'created_by_id',
    parent: 'person',
    constraint: 'FK_286e4081f629f95af44e553f6de',
    onDelete: 'SET NULL',
    orphans: 'set null',
  },
  {
    table: 'attendance',
    column: 'recorded_by_id',
    parent: 'person',
    constraint: 'FK_17bb15a4c1188987b0e9d7bc33b',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'cohort_membership',
    column: 'school_id',
    parent: 'school',
    constraint: 'FK_76de91a1e97d13c6134b40855be',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'feedback',
    column: 'analysis_id',
    parent: 'analysis',
    constraint: 'FK_98e0344406e6641e929629e32be',
    onDelete: 'CASCADE',
    orphans: 'refuse',
  },
  {
    table: 'feedback',
    column: 'author_id',
    parent: 'person',
    constraint: 'FK_eca17e1628324c09ec8217b9635',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'feedback_comment',
    column: 'author_id',
    parent: 'person',
    constraint: 'FK_6c7f36d7c09c3bfc1d28aef39da',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'outbox_message',
    column: 'digest_id',
    parent: 'outbox_message',
    constraint: 'FK_d90e606a01300a1f989cd8a6b62',
    onDelete: 'SET NULL',
    orphans: 'set null',
  },
  {
    table: 'outbox_message',
    column: 'organisation_id',
    parent: 'organisation',
    constraint: 'FK_d1179b30896cb907f1410a24f78',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'review_assignment',
    column: 'cohort_id',
    parent: 'cohort',
    constraint: 'FK_bfa3e1102fc43c88181158b3dc8',
    onDelete: 'CASCADE',
    orphans: 'refuse',
  },
  {
    table: 'review_assignment',
    column: 'round_id',
    parent: 'analysis_round',
    constraint: 'FK_83f71b3db5bf3b31c21233b5769',
    onDelete: 'CASCADE',
    orphans: 'refuse',
  },
  {
    table: 'role_grant',
    column: 'organisation_id',
    parent: 'organisation',
    constraint: 'FK_32da50c60e4e89311514ba70a7a',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'round_allocation',
    column: 'applied_by_id',
    parent: 'person',
    constraint: 'FK_767af1ac04c3fd75c8c9ca600a6',
    onDelete: 'RESTRICT',
    orphans: 'refuse',
  },
  {
    table: 'round_allocation',
    column: 'round_id',
    parent: 'analysis_round',
    constraint: 'FK_e483f78970e37f194bd0f71edeb',
    onDelete: 'CASCADE',
    orphans: 'delete',
  },
];

/** True for a row `c` of `r.table` whose `r.column` names a row of `r.parent` that does not exist. */
function orphan(r: Reference): string {
  return `c."${r.column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${r.parent}" p WHERE p."id" = c."${r.column}")`;
}

/**
 * Adds the foreign keys the entities declare but the schema never had, with the indexes their
 * lookups need. These references were never enforced, so an existing database may hold rows that
 * break them: rows that mean nothing alone are cleaned up; course history is never deleted — the
 * migration then stops before changing anything, naming every table and how many rows (ADR 0011).
 */
export class AddMissingForeignKeys1796525271745 implements MigrationInterface {
  name = 'AddMissingForeignKeys1796525271745';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const refused: string[] = [];
    for (const r of NEW_REFERENCES.filter((x) => x.orphans === 'refuse')) {
      const [{ n }] = await queryRunner.query(
        `SELECT count(*)::int AS n FROM "${r.table}" c WHERE ${orphan(r)}`,
      );
      if (n > 0)
        refused.push(
          `${r.table}.${r.column} → ${r.parent}: ${n} row(s); SELECT c.* FROM "${r.table}" c WHERE ${orphan(r)}`,
        );
    }
    if (refused.length)
      throw new Error(
        `Cannot add the missing foreign keys: rows refer to rows that do not exist, and they are course ` +
          `history, so they are not removed automatically. Nothing has been changed. Repair or remove ` +
          `them, then start again (docs/adr/0011-every-reference-has-a-foreign-key.md):\n  ` +
          refused.join('\n  '),
      );

    for (const r of NEW_REFERENCES.filter((x) => x.orphans !== 'refuse')) {
      const sql =
        r.orphans === 'delete'
          ? `DELETE FROM "${r.table}" c WHERE ${orphan(r)}`
          : `UPDATE "${r.table}" c SET "${r.column}" = NULL WHERE ${orphan(r)}`;
      const { affected: cleaned = 0 } = await queryRunner.query(sql, [], true);
      if (cleaned > 0)
        queryRunner.connection.logger.log(
          'warn',
          `${this.name}: ${r.orphans === 'delete' ? 'deleted' : 'cleared'} ${cleaned} ${r.table} row(s) whose ${r.column} named a missing ${r.parent}.`,
        );
    }

    await queryRunner.query(
      `CREATE INDEX "IDX_bfa3e1102fc43c88181158b3dc" ON "review_assignment" ("cohort_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_eca17e1628324c09ec8217b963" ON "feedback" ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_outbox_message_digest_id" ON "outbox_message" ("digest_id") WHERE "digest_id" IS NOT NULL`,
    );
    for (const r of NEW_REFERENCES)
      await queryRunner.query(
        `ALTER TABLE "${r.table}" ADD CONSTRAINT "${r.constraint}" FOREIGN KEY ("${r.column}") REFERENCES "${r.parent}"("id") ON DELETE ${r.onDelete} ON UPDATE NO ACTION`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const r of [...NEW_REFERENCES].reverse())
      await queryRunner.query(`ALTER TABLE "${r.table}" DROP CONSTRAINT "${r.constraint}"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_outbox_message_digest_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eca17e1628324c09ec8217b963"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bfa3e1102fc43c88181158b3dc"`);
  }
}
