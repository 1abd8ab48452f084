import { getConstructionPlans } from 'pg-boss';
import { QUEUE_SCHEMA } from './queue-names';
import { pgBossCanMigrateFrom } from './queue-schema';

/** The schema version the installed pg-boss creates, as its own construction plan writes it. */
const current = Number(
  /INSERT INTO \S+\.version\s*\(version\) VALUES \('(\d+)'\)/.exec(getConstructionPlans(QUEUE_SCHEMA))?.[1],
);

describe('which queue schemas pg-boss can migrate (asked of pg-boss itself)', () => {
  it('cannot migrate the schema pg-boss 10 made (version 24): JobQueue replaces it', () => {
    expect(pgBossCanMigrateFrom(24)).toBe(false);
    expect(pgBossCanMigrateFrom(1)).toBe(false);
  });

  it('can migrate from its oldest starting point (25) on, and leaves the current version and newer alone', () => {
    expect(current).toBeGreaterThan(25);
    expect(pgBossCanMigrateFrom(25)).toBe(true);
    expect(pgBossCanMigrateFrom(current - 1)).toBe(true);
    expect(pgBossCanMigrateFrom(current)).toBe(true);
    expect(pgBossCanMigrateFrom(current + 5)).toBe(true);
  });
});
