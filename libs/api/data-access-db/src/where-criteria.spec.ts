import { DataSource, IsNull } from 'typeorm';
import type { Repository } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { OrganisationEntity } from './organisation/organisation.entity';
import { SchoolEntity } from './organisation/school.entity';
import { createScratchDatabase } from './postgres-server';
import { runMigrations } from './schema-upkeep';
import { testServerUrl } from './testing/test-server-url';

/*
 * ADR 0008: with TypeORM's defaults a `null` or `undefined` value in find criteria is dropped, so
 * `findOneBy({ id: undefined })` answers with some row and `findBy({ unitCode: null })` with all of
 * them. The data source is built to refuse such criteria; these tests hold it to that on a real
 * database. Runtime values are what matter here (an id read from a field that was not selected, a
 * job payload, a nullable column), so the types are bent on purpose where TypeScript would object.
 */

/** What a missing id looks like at runtime, typed as the string the code expected. */
const missing = undefined as unknown as string;
/** A runtime null where the type says string (e.g. read from a nullable column). */
const nullValue = null as unknown as string;

const UNDEFINED_REFUSED = /Undefined value encountered in property/;
const NULL_REFUSED = /Null value encountered in property .*IsNull\(\)/;

describe('where criteria with null or undefined values', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  let schools: Repository<SchoolEntity>;
  let larkby: string;

  /**
   * How a write ended: its error message, or what it reported changing. Collected rather than
   * asserted at once, so a test can check the table before it checks the errors.
   */
  const outcome = (write: () => Promise<{ affected?: number | null }>): Promise<string> =>
    write().then(
      (r) => `no error; ${r.affected ?? '?'} rows affected`,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );

  /** Every school row as stored, to show that a refused statement changed nothing. */
  const snapshot = () =>
    ds.query(`SELECT id, organisation_id, name, unit_code, updated_at FROM school ORDER BY id`);

  beforeAll(async () => {
    db = await createScratchDatabase(testServerUrl());
    await runMigrations(db.url);
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    schools = ds.getRepository(SchoolEntity);
    const [a, b] = await ds.getRepository(OrganisationEntity).save([
      { name: 'Lärkby kommun', slug: 'larkby' },
      { name: 'Åby kommun', slug: 'aby' },
    ]);
    larkby = a.id;
    // Two organisations, so a criterion that lost its id and kept only the organisation would
    // visibly reach too far; unit codes partly unknown (NULL), as in real data.
    await schools.save([
      { organisationId: a.id, name: 'Alfaskolan', unitCode: null },
      { organisationId: a.id, name: 'Betaskolan', unitCode: '12345678' },
      { organisationId: a.id, name: 'Gammaskolan', unitCode: null },
      { organisationId: b.id, name: 'Åskolan', unitCode: null },
    ]);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('are refused by the options every data source of the API is built from', () => {
    expect(ds.options.invalidWhereValuesBehavior).toEqual({ null: 'throw', undefined: 'throw' });
    // A caller's overrides cannot turn the refusal off.
    const options = dataSourceOptions(db.url, {
      invalidWhereValuesBehavior: { null: 'ignore', undefined: 'ignore' },
    });
    expect(options.invalidWhereValuesBehavior).toEqual({ null: 'throw', undefined: 'throw' });
  });

  it('a lookup by an undefined id throws instead of answering with the first row', async () => {
    await expect(schools.findOneBy({ id: missing })).rejects.toThrow(UNDEFINED_REFUSED);
    await expect(schools.findOne({ where: { id: missing } })).rejects.toThrow(UNDEFINED_REFUSED);
    await expect(ds.manager.findOneBy(SchoolEntity, { id: missing })).rejects.toThrow(UNDEFINED_REFUSED);
    await expect(schools.findBy({ organisationId: missing })).rejects.toThrow(UNDEFINED_REFUSED);
    await expect(schools.exists({ where: { id: missing } })).rejects.toThrow(UNDEFINED_REFUSED);
    await expect(schools.count({ where: { id: missing } })).rejects.toThrow(UNDEFINED_REFUSED);
    // Through a relation too: all of the nested criterion's values undefined.
    await expect(schools.find({ where: { organisation: { id: missing } } })).rejects.toThrow(
      /Undefined value encountered in nested relation/,
    );
  });

  it('a lookup by null throws; IsNull() is the way to ask for SQL NULL', async () => {
    await expect(schools.findBy({ unitCode: nullValue })).rejects.toThrow(NULL_REFUSED);
    await expect(schools.findOneBy({ id: nullValue })).rejects.toThrow(NULL_REFUSED);
    await expect(schools.count({ where: { organisationId: larkby, unitCode: nullValue } })).rejects.toThrow(
      NULL_REFUSED,
    );
    const unknownCode = await schools.find({
      where: { organisationId: larkby, unitCode: IsNull() },
      order: { name: 'ASC' },
    });
    expect(unknownCode.map((s) => s.name)).toEqual(['Alfaskolan', 'Gammaskolan']);
  });

  it('an update with an undefined criterion throws and changes nothing', async () => {
    const before = await snapshot();
    const outcomes = [
      // The dangerous shape first: the id is lost but the organisation is still there.
      await outcome(() => schools.update({ organisationId: larkby, id: missing }, { unitCode: '99999999' })),
      await outcome(() => schools.update({ id: missing }, { unitCode: '99999999' })),
      await outcome(() => ds.manager.update(SchoolEntity, { unitCode: nullValue }, { unitCode: '99999999' })),
    ];
    // The rows first: what was written matters more than how the call failed.
    expect(before).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
    expect(outcomes).toEqual([
      expect.stringMatching(UNDEFINED_REFUSED),
      expect.stringMatching(UNDEFINED_REFUSED),
      expect.stringMatching(NULL_REFUSED),
    ]);
  });

  it('a delete with an undefined criterion deletes nothing', async () => {
    const before = await snapshot();
    const outcomes = [
      await outcome(() => schools.delete({ organisationId: larkby, id: missing })),
      await outcome(() => schools.delete({ id: missing })),
      await outcome(() => ds.manager.delete(SchoolEntity, { unitCode: nullValue })),
    ];
    expect(before).toHaveLength(4);
    expect(await snapshot()).toEqual(before);
    expect(outcomes).toEqual([
      expect.stringMatching(UNDEFINED_REFUSED),
      expect.stringMatching(UNDEFINED_REFUSED),
      expect.stringMatching(NULL_REFUSED),
    ]);
  });
});
