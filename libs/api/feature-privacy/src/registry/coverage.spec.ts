import { DataSource } from 'typeorm';
import { createScratchDatabase, dataSourceOptions, testServerUrl } from '@stl/api/data-access-db';
import { OutboxMessageEntity } from '@stl/api/data-access-db';
import { personReferences, uncoveredPersonReferences } from './coverage';
import { PERSON_DATA_HANDLERS } from './registry';
import { PROCESSING, ProcessingCategory } from '../record/record-of-processing';

/*
 * The privacy coverage test (issue 12, ADR 0030): every column of every entity that references a
 * person is handled by the export and by the erasure. Add a relation to PersonEntity without a
 * handler in registry.ts and this fails, naming `table.column`.
 */
describe('privacy coverage', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('finds the person references in the metadata (the walk itself works)', () => {
    const refs = personReferences(ds.entityMetadatas);
    expect(refs).toEqual(
      expect.arrayContaining([
        'analysis.author_id',
        'feedback.author_id',
        'session.person_id',
        'outbox_message.recipient_id',
      ]),
    );
    expect(refs.length).toBeGreaterThanOrEqual(20);
  });

  it('every entity that references a person has a handler for each such column, and no handler is stale', () => {
    expect(uncoveredPersonReferences(ds.entityMetadatas, PERSON_DATA_HANDLERS)).toEqual({
      missing: [],
      stale: [],
    });
  });

  it('names an entity left out of the registry', () => {
    const without = PERSON_DATA_HANDLERS.filter((h) => h.entity !== OutboxMessageEntity);
    expect(uncoveredPersonReferences(ds.entityMetadatas, without).missing).toEqual([
      'outbox_message.recipient_id',
    ]);
  });

  it('every handler says in words how it is exported and erased', () => {
    for (const h of PERSON_DATA_HANDLERS) {
      expect(h.exported.length).toBeGreaterThan(10);
      expect(h.erased.length).toBeGreaterThan(5);
    }
  });

  it("puts every handler's data in a category the record of processing lists, and lists no empty one", () => {
    const listed = new Set(PROCESSING.map((l) => l.category));
    for (const h of PERSON_DATA_HANDLERS) {
      expect(h.categories.length).toBeGreaterThan(0);
      for (const c of h.categories) expect(listed).toContain(c);
    }
    const used = new Set(PERSON_DATA_HANDLERS.flatMap((h) => h.categories));
    // The audit log names people by id only and is never changed (ADR 0029): listed, not in the registry.
    expect([...listed].filter((c) => !used.has(c))).toEqual([ProcessingCategory.AUDIT_LOG]);
  });
});
