import type { QueryRunner } from 'typeorm';
import { DEMO_IDS } from '@stl/api/data-access-db';
import { MARIA } from './cohort.fixtures';
import { PUBLISH, SAVE, answers } from './support/analysis-fixtures';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  LEADER_EMAILS,
  REPAIR,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

const WITHDRAW = `mutation($c: ID!, $p: ID!) { withdrawParticipant(cohortId: $c, personId: $p) { personId leftAt } }`;

/**
 * ADR 0012: commands of one cohort serialise on the cohort's row, whatever feature they come from.
 * Each race holds the cohort row from a third connection, sends two commands from two signed-in
 * clients (two HTTP requests, two database connections), checks that BOTH wait for the cohort
 * row (a command that locked another row, as the allocation did with the round, would not wait
 * and fails the test), then lets them run in the order they queued and checks the state.
 */
describe('commands of one cohort racing each other leave a consistent state', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let johan: GqlClient;

  /** Backends of this database waiting to lock the cohort row. */
  const waiting = async (): Promise<number> => {
    const [row] = await api.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query ILIKE '%FROM "cohort"%FOR UPDATE%'`,
    );
    return row.n;
  };
  const waitUntilWaiting = async (n: number) => {
    const until = Date.now() + 10_000;
    while ((await waiting()) < n) {
      if (Date.now() > until) throw new Error(`Expected ${n} commands waiting for the cohort row`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  /** Takes the cohort row from a connection of its own, as a long command would. */
  const holdCohort = async (): Promise<QueryRunner> => {
    const qr = api.db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    await qr.query(`SELECT id FROM cohort WHERE id = $1 FOR UPDATE`, [COHORT]);
    return qr;
  };
  const release = async (qr: QueryRunner) => {
    await qr.commitTransaction();
    await qr.release();
  };
  /** Runs `first`, waits until it queues for the cohort row, then `second`; releases both. */
  const race = async <A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> => {
    const qr = await holdCohort();
    try {
      const a = first();
      await waitUntilWaiting(1);
      const b = second();
      await waitUntilWaiting(2);
      await release(qr);
      return await Promise.all([a, b]);
    } catch (e) {
      if (qr.isTransactionActive) await release(qr);
      throw e;
    }
  };

  /** Live peer tasks per active participant, and live peers per analysis, in a round. */
  const state = async (roundId: string) => {
    const live = (await liveAssignments(api.db, roundId)).filter((a) => a.kind === 'PEER');
    const active: { person_id: string }[] = await api.db.query(
      `SELECT person_id FROM cohort_membership WHERE cohort_id = $1 AND role = 'PARTICIPANT' AND left_at IS NULL`,
      [COHORT],
    );
    const loads = new Map(active.map((a) => [a.person_id, 0]));
    for (const a of live)
      if (loads.has(a.reviewer_id)) loads.set(a.reviewer_id, (loads.get(a.reviewer_id) ?? 0) + 1);
    const published: { id: string; author_id: string }[] = await api.db.query(
      `SELECT id, author_id FROM analysis WHERE round_id = $1 AND status = 'PUBLISHED'`,
      [roundId],
    );
    const peersOf = (analysisId: string) => live.filter((a) => a.analysis_id === analysisId);
    return { live, loads, published, peersOf };
  };
  /** The load rule: every active reviewer within ±1 of the mean. */
  const expectBalanced = (loads: Map<string, number>) => {
    const values = [...loads.values()];
    const mean = values.reduce((s, l) => s + l, 0) / values.length;
    for (const [id, l] of loads)
      expect({ id, l, ok: l >= Math.floor(mean - 1) && l <= Math.ceil(mean + 1) }).toEqual({
        id,
        l,
        ok: true,
      });
  };

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    [maria, johan] = await Promise.all([api.signedIn(MARIA), api.signedIn(LEADER_EMAILS[1])]);
  });
  afterAll(() => api.close());

  it('a withdrawal and a repair of the same cohort: the repair sees the withdrawal', async () => {
    const ROUND = DEMO_IDS.round(1);
    await publishDirectly(
      api.db,
      ROUND,
      people.map((p) => p.id),
    );
    await maria.ok(APPLY, { roundId: ROUND });
    const leaving = people[7];
    expect((await state(ROUND)).live.some((a) => a.reviewer_id === leaving.id)).toBe(true);

    const [withdrawn, repaired] = await race(
      () => maria.request(WITHDRAW, { c: COHORT, p: leaving.id }),
      () => johan.request(REPAIR, { roundId: ROUND }),
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(repaired.errors).toBeUndefined();

    const after = await state(ROUND);
    // No live task is left with, or given to, the withdrawn participant.
    expect(after.live.filter((a) => a.reviewer_id === leaving.id)).toEqual([]);
    // Every analysis of an active author still has k = 2 critical friends, none of them its author.
    for (const a of after.published.filter((x) => x.author_id !== leaving.id)) {
      const peers = after.peersOf(a.id);
      expect({ analysis: a.id, peers: peers.length }).toEqual({ analysis: a.id, peers: 2 });
      expect(peers.some((p) => p.reviewer_id === a.author_id)).toBe(false);
    }
    expectBalanced(after.loads);
  });

  it('a publication queued before an allocation is allocated with the others', async () => {
    const ROUND = DEMO_IDS.round(2);
    const late = people[3];
    await publishDirectly(
      api.db,
      ROUND,
      people.filter((p) => p !== late && p !== people[7]).map((p) => p.id),
    );
    const author = await api.signedIn(late.email);
    const saved = (
      await author.ok(SAVE, { input: { roundId: ROUND, expectedRevision: 0, answers: answers('Sen') } })
    ).saveAnalysisDraft;

    const [published, applied] = await race(
      () =>
        author.request(PUBLISH, {
          input: {
            analysisId: saved.id,
            expectedRevision: saved.draft.revision,
            confirmNoPupilIdentifiable: true,
          },
        }),
      () => maria.request<{ applyAllocation: { analysisCount: number } }>(APPLY, { roundId: ROUND }),
    );
    expect(published.errors).toBeUndefined();
    expect(applied.errors).toBeUndefined();
    expect(applied.data?.applyAllocation.analysisCount).toBe(23);

    const after = await state(ROUND);
    expect(after.peersOf(saved.id)).toHaveLength(2);
    expect(after.loads.get(late.id)).toBeGreaterThanOrEqual(1);
    expectBalanced(after.loads);
  });

  it('a publication queued after an allocation is left out of it, and the repair takes it in', async () => {
    const ROUND = DEMO_IDS.round(3);
    const late = people[4];
    await publishDirectly(
      api.db,
      ROUND,
      people.filter((p) => p !== late && p !== people[7]).map((p) => p.id),
    );
    const author = await api.signedIn(late.email);
    const saved = (
      await author.ok(SAVE, { input: { roundId: ROUND, expectedRevision: 0, answers: answers('Sen') } })
    ).saveAnalysisDraft;

    const [applied, published] = await race(
      () => maria.request<{ applyAllocation: { analysisCount: number } }>(APPLY, { roundId: ROUND }),
      () =>
        author.request(PUBLISH, {
          input: {
            analysisId: saved.id,
            expectedRevision: saved.draft.revision,
            confirmNoPupilIdentifiable: true,
          },
        }),
    );
    expect(applied.errors).toBeUndefined();
    expect(published.errors).toBeUndefined();
    expect(applied.data?.applyAllocation.analysisCount).toBe(22);
    expect((await state(ROUND)).peersOf(saved.id)).toHaveLength(0);

    const repaired = await maria.ok(REPAIR, { roundId: ROUND });
    expect(repaired.repairAllocation.warnings).toEqual([]);
    const after = await state(ROUND);
    expect(after.peersOf(saved.id)).toHaveLength(2);
    for (const a of after.published) expect(after.peersOf(a.id)).toHaveLength(2);
    expectBalanced(after.loads);
  });
});
