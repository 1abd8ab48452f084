import { randomBytes } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_IDS } from '@stl/api/data-access-db';
import { SessionService } from '@stl/api/feature-auth';
import { QUEUE, QUEUE_SCHEMA, SessionPurgeProcessor } from '@stl/api/feature-notification';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const ME = `{ me { email } }`;
const HOUR = 3_600_000;

/*
 * ADR 0004: sessions live in PostgreSQL. An expired one is refused at once, and deleted by the
 * hourly purge (a pg-boss cron job, run once across all processes). The test runs the purge the way
 * its job does, without waiting for cron.
 */
describe('the purge of expired sessions', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Workers on, reminders off: the session purge is still scheduled.
    api = await startTestApi({ env: { WORKER_ENABLED: 'true', REMINDER_CRON: 'off' } });
  });
  afterAll(() => api.close());

  /**
   * Session rows written directly, as sign-ins left them, expiring `expiresInMs` from now (negative:
   * expired that long ago), each a second before the next.
   */
  async function sessionsExpiring(count: number, expiresInMs: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomBytes(32).toString('hex'));
    for (const [i, id] of ids.entries()) {
      const expiresAt = new Date(Date.now() + expiresInMs - i * 1000);
      await api.db.query(
        `INSERT INTO session (id, person_id, expires_at, last_seen_at, created_at) VALUES ($1, $2, $3, $3, $3)`,
        [id, DEMO_IDS.person(100 + (i % 24)), expiresAt],
      );
    }
    return ids;
  }

  const sessionIds = async (): Promise<string[]> =>
    (await api.db.query(`SELECT id FROM session ORDER BY id`)).map((r: { id: string }) => r.id);

  it('is scheduled by a worker process even with reminders off, at most one run at a time', async () => {
    const schedules = await api.db.query(`SELECT name, cron FROM ${QUEUE_SCHEMA}.schedule ORDER BY name`);
    expect(schedules).toEqual([
      // The privacy lib's nightly retention job (ADR 0030) is scheduled by the same worker.
      { name: 'privacy-retention', cron: '17 2 * * *' },
      { name: QUEUE.SESSION_PURGE, cron: '7 * * * *' },
    ]);
    const [queue] = await api.db.query(`SELECT policy FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`, [
      QUEUE.SESSION_PURGE,
    ]);
    expect(queue).toEqual({ policy: 'exclusive' });
    // Cron runs in every worker, so where no process works reminder ticks they must not pile up.
    const [tick] = await api.db.query(`SELECT retention_seconds FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`, [
      QUEUE.REMINDER_TICK,
    ]);
    expect(tick).toEqual({ retention_seconds: 3600 });
  });

  it('deletes only expired sessions, in batches; live sign-ins keep working', async () => {
    const admin = await api.signedIn(`admin@${DEMO_DOMAIN}`);
    const leader = await api.signedIn(`maria.berg@${DEMO_DOMAIN}`);
    const expiring = await api.signedIn(`johan.ek@${DEMO_DOMAIN}`);
    const live = await sessionIds();
    expect(live).toHaveLength(3);
    // Johan's session expired a second ago: refused already, and purged with the old ones.
    await api.db.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE person_id = $1`, [
      DEMO_IDS.person(3),
    ]);
    const [johansSession] = (
      await api.db.query(`SELECT id FROM session WHERE person_id = $1`, [DEMO_IDS.person(3)])
    ).map((r: { id: string }) => r.id);
    // One that is about to expire, but has not: kept.
    const [soon] = await sessionsExpiring(1, 60_000);
    const old = [...(await sessionsExpiring(7, -30 * 24 * HOUR)), ...(await sessionsExpiring(3, -HOUR))];
    expect(await sessionIds()).toHaveLength(3 + 1 + 10);

    // Bounded: two batches of four, then it stops and says there is more.
    const sessions = api.app.get(SessionService);
    expect(await sessions.purgeExpired({ batchSize: 4, maxBatches: 2 })).toEqual({
      deleted: 8,
      batches: 2,
      more: true,
    });
    // The oldest went first: the month-old ones are all gone.
    const left = await sessionIds();
    expect(left.filter((id) => old.slice(0, 7).includes(id))).toEqual([]);
    expect(left).toHaveLength(3 + 1 + 10 - 8);

    // The job's run finishes the rest.
    const report = await api.app.get(SessionPurgeProcessor).run();
    expect(report).toEqual({ deleted: 3, batches: 1, more: false });
    const kept = [...live.filter((id) => id !== johansSession), soon].sort();
    expect(await sessionIds()).toEqual(kept);

    // Nothing left to do.
    expect(await api.app.get(SessionPurgeProcessor).run()).toEqual({ deleted: 0, batches: 1, more: false });

    // Live sessions are untouched and still sign their people in; the expired one does not.
    const me = async (c: GqlClient) => (await c.ok<{ me: { email: string } | null }>(ME)).me?.email ?? null;
    expect(await me(admin)).toBe(`admin@${DEMO_DOMAIN}`);
    expect(await me(leader)).toBe(`maria.berg@${DEMO_DOMAIN}`);
    expect(await me(expiring)).toBeNull();
    // And signing in again works as before.
    const again = await api.signedIn(`johan.ek@${DEMO_DOMAIN}`);
    expect(await me(again)).toBe(`johan.ek@${DEMO_DOMAIN}`);
  });
});
