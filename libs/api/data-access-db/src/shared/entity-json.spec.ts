import { DataSource } from 'typeorm';
import type { EntityMetadata } from 'typeorm';
import { CohortEntity } from '../cohort/cohort.entity';
import { dataSourceOptions } from '../data-source';
import { MeetingEntity } from '../meeting/meeting.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { EntityJson } from './entity-json';

describe('EntityJson', () => {
  let ds: DataSource;
  const metadata = (entity: unknown): EntityMetadata => ds.getMetadata(entity as never);

  beforeAll(async () => {
    // The API's entities and naming, metadata only: no connection is opened.
    ds = new DataSource(dataSourceOptions('postgres://nobody@127.0.0.1:1/none'));
    await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  });

  it('sends every column of a meeting, timestamps as whole milliseconds', () => {
    const sql = new EntityJson<MeetingEntity>(metadata(MeetingEntity)).arrayOf('mt');
    expect(sql).toMatch(/^json_build_array\(/);
    for (const column of metadata(MeetingEntity).columns)
      expect(sql).toContain(`mt."${column.databaseName}"`);
    expect(sql).toContain('floor(extract(epoch FROM mt."starts_at") * 1000)');
    expect(sql).not.toContain('extract(epoch FROM mt."title")');
  });

  it('makes the entity TypeORM would load, with Dates', () => {
    const reader = new EntityJson<AnalysisRoundEntity>(metadata(AnalysisRoundEntity));
    const columns = metadata(AnalysisRoundEntity).columns.map((c) => c.propertyName);
    const row: Record<string, unknown> = {
      id: 'r1',
      createdAt: 1_788_274_800_123,
      updatedAt: 1_788_274_800_123,
      cohortId: 'c1',
      number: 2,
      title: 'Analys 2',
      templateVersionId: 't1',
      meetingId: null,
      opensAt: 1_788_274_800_000,
      submissionDeadline: 1_788_880_000_000,
      feedbackDeadline: 1_789_480_000_000,
      revision: 3,
    };
    const round = reader.read(columns.map((c) => row[c]));
    expect(round).toBeInstanceOf(AnalysisRoundEntity);
    expect(round.opensAt).toEqual(new Date(1_788_274_800_000));
    expect(round.createdAt.toISOString()).toBe('2026-09-01T15:00:00.123Z');
    expect(round.meetingId).toBeNull();
    expect({ ...round }).toEqual({
      ...row,
      createdAt: new Date(1_788_274_800_123),
      updatedAt: new Date(1_788_274_800_123),
      opensAt: new Date(1_788_274_800_000),
      submissionDeadline: new Date(1_788_880_000_000),
      feedbackDeadline: new Date(1_789_480_000_000),
    });
  });

  it('refuses an entity whose JSON would not read back as TypeORM reads it', () => {
    // The cohort's dates use a transformer and its attendance share is numeric.
    expect(() => new EntityJson(metadata(CohortEntity))).toThrow(/cannot be read back from JSON/);
  });
});
