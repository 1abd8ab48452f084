import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createScratchDatabase } from '../postgres-server';
import { testServerUrl } from '../testing/test-server-url';
import { AddMissingForeignKeys1796525271745 } from './1796525271745-AddMissingForeignKeys';
import { MIGRATIONS } from './index';

/** Every migration up to and including AddMissingForeignKeys. */
const upTo = MIGRATIONS.slice(0, MIGRATIONS.indexOf(AddMissingForeignKeys1796525271745) + 1);

/*
 * ADR 0011: the references that get their foreign key in AddMissingForeignKeys were never
 * enforced, so an existing database may break them. Rows that mean nothing alone are cleaned up;
 * course history stops the migration, which changes nothing and names each table and its count.
 */
describe('AddMissingForeignKeys on a database with orphans', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  const gone = '00000000-0000-4000-8000-00000000dead';
  let ids: { org: string; person: string; round: string; digestItem: string };

  const fkCount = async (): Promise<number> => {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conname = ANY ($1)`,
      [
        [
          'FK_eca17e1628324c09ec8217b9635',
          'FK_e483f78970e37f194bd0f71edeb',
          'FK_d90e606a01300a1f989cd8a6b62',
        ],
      ],
    );
    return n;
  };

  beforeAll(async () => {
    // Later migrations are left out: this one is the last to run here.
    expect(upTo.at(-1)).toBe(AddMissingForeignKeys1796525271745);
    db = await createScratchDatabase(testServerUrl());
    // The schema as it was before: every migration but this one.
    const before = new DataSource(dataSourceOptions(db.url, { migrations: upTo.slice(0, -1) }));
    await before.initialize();
    await before.runMigrations();
    await before.destroy();
    ds = new DataSource(dataSourceOptions(db.url, { migrations: upTo }));
    await ds.initialize();

    const [org] = await ds.query(`INSERT INTO organisation (name, slug) VALUES ('O', 'o') RETURNING id`);
    const [person] = await ds.query(
      `INSERT INTO person (organisation_id, email, full_name) VALUES ($1, 'p@o.se', 'P') RETURNING id`,
      [org.id],
    );
    const [cohort] = await ds.query(
      `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on)
       VALUES ($1, 'C', '2026/27', '2026-08-01', '2027-06-01') RETURNING id`,
      [org.id],
    );
    const [template] = await ds.query(
      `INSERT INTO analysis_template (organisation_id, name) VALUES ($1, 'T') RETURNING id`,
      [org.id],
    );
    const [version] = await ds.query(
      `INSERT INTO analysis_template_version (template_id, version, created_by_id) VALUES ($1, 1, $2) RETURNING id`,
      [template.id, gone],
    );
    const [round] = await ds.query(
      `INSERT INTO analysis_round (cohort_id, number, title, template_version_id, opens_at, submission_deadline, feedback_deadline)
       VALUES ($1, 1, 'R', $2, '2026-09-01', '2026-09-10', '2026-09-20') RETURNING id`,
      [cohort.id, version.id],
    );
    const [analysis] = await ds.query(
      `INSERT INTO analysis (round_id, cohort_id, author_id) VALUES ($1, $2, $3) RETURNING id`,
      [round.id, cohort.id, person.id],
    );
    const [analysisVersion] = await ds.query(
      `INSERT INTO analysis_version (analysis_id, version, answers, privacy_confirmed_at) VALUES ($1, 1, '{}', now()) RETURNING id`,
      [analysis.id],
    );
    const [assignment] = await ds.query(
      `INSERT INTO review_assignment (round_id, cohort_id, analysis_id, reviewer_id, kind, source)
       VALUES ($1, $2, $3, $4, 'PEER', 'MANUAL') RETURNING id`,
      [round.id, cohort.id, analysis.id, person.id],
    );
    // Course history by someone who no longer exists: must not be deleted behind anyone's back.
    await ds.query(
      `INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
       VALUES ($1, $2, $3, $4, 'PEER', 'w', 'q', 'n')`,
      [assignment.id, analysis.id, analysisVersion.id, gone],
    );
    // Meaningless alone: the allocation state of a round that is gone, and a link to a gone digest.
    await ds.query(
      `INSERT INTO round_allocation (round_id, seed, applied_at, applied_by_id) VALUES ($1, 's', now(), $2)`,
      [gone, person.id],
    );
    const [item] = await ds.query(
      `INSERT INTO outbox_message (idempotency_key, kind, organisation_id, recipient_id, to_address, locale, payload, status, digest_id)
       VALUES ('k', 'NUDGE', $1, $2, 'p@o.se', 'sv', '{}', 'DIGESTED', $3) RETURNING id`,
      [org.id, person.id, gone],
    );
    ids = { org: org.id, person: person.id, round: round.id, digestItem: item.id };
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('stops on orphaned course history, naming the table and the count, and changes nothing', async () => {
    await expect(ds.runMigrations()).rejects.toThrow(
      /Nothing has been changed[\s\S]*feedback\.author_id → person: 1 row\(s\)/,
    );
    expect(await fkCount()).toBe(0);
    const [{ n: allocations }] = await ds.query(`SELECT count(*)::int AS n FROM round_allocation`);
    expect(allocations).toBe(1);
    const [{ n: recorded }] = await ds.query(
      `SELECT count(*)::int AS n FROM migrations WHERE name = 'AddMissingForeignKeys1796525271745'`,
    );
    expect(recorded).toBe(0);
  });

  it('once the history is repaired, adds every key and cleans up what means nothing alone', async () => {
    await ds.query(`UPDATE feedback SET author_id = $1`, [ids.person]);
    const ran = await ds.runMigrations();
    expect(ran.map((m) => m.name)).toEqual(['AddMissingForeignKeys1796525271745']);
    expect(await fkCount()).toBe(3);
    expect(await ds.query(`SELECT round_id FROM round_allocation`)).toEqual([]);
    expect(await ds.query(`SELECT digest_id FROM outbox_message`)).toEqual([{ digest_id: null }]);
    expect(await ds.query(`SELECT created_by_id FROM analysis_template_version`)).toEqual([
      { created_by_id: null },
    ]);
    const [{ n: feedback }] = await ds.query(`SELECT count(*)::int AS n FROM feedback`);
    expect(feedback).toBe(1);
  });
});
