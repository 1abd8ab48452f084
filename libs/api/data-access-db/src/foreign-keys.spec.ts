import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { createScratchDatabase } from './postgres-server';
import { testServerUrl } from './testing/test-server-url';

/*
 * ADR 0011: every reference has a foreign key. On a freshly migrated database, every column of an
 * application table that looks like a reference (its name ends in `_id`, or it is a uuid other than
 * the table's own `id`) must be covered by a foreign key, or be listed here with its reason.
 */

/** Deliberately loose references, `table.column`, each with the reason it has no foreign key. */
const LOOSE_REFERENCES: Record<string, string> = {
  'outbox_message.message_id': "Not a row id: the e-mail's Message-ID header (text), kept for resends.",
  'session.public_id':
    "Not a reference: the session's own public id, shown in 'my sessions' instead of its key.",
  'organisation_sso.client_id':
    "Not a row id: the client (application) id the organisation's OpenID Connect provider gave the platform.",
  'audit_event.actor_id':
    'The audit log outlives the people it names (ADR 0029): append-only, so no cascade or SET NULL may touch it.',
  'audit_event.organisation_id': 'The audit log outlives the rows it names (ADR 0029); append-only.',
  'analysis.draft_editor_id':
    'Not a row id: a random id of the browser tab that last saved the draft (ADR 0028), to tell tabs apart.',
  'analysis_draft_snapshot.editor_id':
    'Not a row id: the browser tab that saved the snapshot (ADR 0028), used only to thin its own saves.',
  'audit_event.target_id':
    'Not one table: a person, cohort, analysis… id or an operation name, by target_type (ADR 0029).',
};

interface RefColumn {
  column: string;
  has_fk: boolean;
}

describe('foreign keys', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  let columns: RefColumn[];

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    await ds.runMigrations();
    columns = await ds.query(
      `SELECT c.table_name || '.' || c.column_name AS column,
              EXISTS (SELECT 1 FROM pg_constraint k
                        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                       WHERE k.contype = 'f' AND k.convalidated
                         AND k.conrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                         AND a.attname = c.column_name) AS has_fk
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
          AND (c.column_name LIKE '%\\_id' OR (c.data_type = 'uuid' AND c.column_name <> 'id'))
        ORDER BY 1`,
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds the reference columns (the query itself works)', () => {
    expect(columns.length).toBeGreaterThan(40);
    expect(columns.map((c) => c.column)).toContain('feedback.author_id');
  });

  it('cover every reference column, or it is a documented loose reference', () => {
    const missing = columns.filter((c) => !c.has_fk && !(c.column in LOOSE_REFERENCES)).map((c) => c.column);
    expect(missing).toEqual([]);
  });

  it('keep the allow-list honest: each entry exists and still has no foreign key', () => {
    const byName = new Map(columns.map((c) => [c.column, c]));
    const stale = Object.keys(LOOSE_REFERENCES).filter(
      (name) => !byName.has(name) || byName.get(name)?.has_fk,
    );
    expect(stale).toEqual([]);
  });
});
