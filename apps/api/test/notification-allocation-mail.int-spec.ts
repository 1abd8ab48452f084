import type { INestApplication } from '@nestjs/common';
import { DEMO_IDS } from '@stl/api/data-access-db';
import { GqlClient } from './support/gql-client';
import { publishDirectly } from './support/publish-directly';
import { APPLY, LEADER_EMAILS, liveAssignments, seededParticipants } from './support/review-fixtures';
import { keyOf, settled, startMailTestApi, startSecondApi } from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

/**
 * Issue 16, defect 1: applying an allocation mails each new critical friend once. Applying it again
 * unchanged keeps every pair (the same assignment row, so the same idempotency key: no new mail) and
 * says that nothing changed; two applies at once (two API processes) serialise on the cohort's row,
 * and the second finds the allocation in place.
 */
describe('allocation mail: re-applying and applying twice at once', () => {
  let api: MailTestApi;
  let maria: GqlClient;
  let second: INestApplication | undefined;

  const assignedMails = (ids: readonly string[]) => {
    const keys = new Set(ids.map((id) => `REVIEW_ASSIGNED:${id}`));
    return api.smtp.received.filter((m) => keys.has(keyOf(m))).length;
  };
  const assignedRows = async (roundId: string): Promise<number> => {
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM outbox_message o
        WHERE o.kind = 'REVIEW_ASSIGNED'
          AND (o.refs->'assignmentIds'->>0)::uuid IN (SELECT id FROM review_assignment WHERE round_id = $1)`,
      [roundId],
    );
    return n;
  };
  const peerIds = async (roundId: string): Promise<string[]> =>
    (await liveAssignments(api.db, roundId))
      .filter((a) => a.kind === 'PEER')
      .map((a) => a.id)
      .sort();

  beforeAll(async () => {
    api = await startMailTestApi();
    maria = await api.signedIn(LEADER_EMAILS[0]);
    const people = await seededParticipants(api.db);
    for (const n of [3, 4]) {
      await publishDirectly(
        api.db,
        DEMO_IDS.round(n),
        people.slice(0, 8).map((p) => p.id),
      );
    }
  });
  afterAll(async () => {
    await second?.close();
    await api.close();
  });

  it('re-applying an unchanged allocation keeps every pair, reports no change and mails nobody again', async () => {
    const round = DEMO_IDS.round(3);
    const { applyAllocation: first } = await maria.ok(APPLY, { roundId: round, seed: 'same-seed' });
    expect(first).toMatchObject({ applied: true, created: 16, replaced: 0, cancelled: 0 });
    const ids = await peerIds(round);
    expect(ids).toHaveLength(16);
    await api.smtp.waitFor(16, 20_000);
    await settled(api.appDb);
    expect(assignedMails(ids)).toBe(16);
    expect(await assignedRows(round)).toBe(16);

    const { applyAllocation: again } = await maria.ok(APPLY, { roundId: round, seed: 'same-seed' });
    expect(again).toMatchObject({
      applied: false,
      created: 0,
      replaced: 0,
      cancelled: 0,
      leaderAssignmentsCreated: 0,
    });
    expect(
      again.pairs
        .map((p: { reviewerId: string; analysisId: string }) => `${p.analysisId}:${p.reviewerId}`)
        .sort(),
    ).toEqual(
      first.pairs
        .map((p: { reviewerId: string; analysisId: string }) => `${p.analysisId}:${p.reviewerId}`)
        .sort(),
    );
    // The same rows, so the same idempotency keys: nothing new in the outbox, nothing sent.
    expect(await peerIds(round)).toEqual(ids);
    expect(await assignedRows(round)).toBe(16);
    await settled(api.appDb);
    expect(api.smtp.received.filter((m) => keyOf(m).startsWith('REVIEW_ASSIGNED:'))).toHaveLength(16);
  });

  it('two applies at once from two API processes: one applies, the other finds it done; each friend gets one mail', async () => {
    const round = DEMO_IDS.round(4);
    second = await startSecondApi(api);
    await second.listen(0, '127.0.0.1');
    const johan = new GqlClient(`${await second.getUrl()}`.replace('[::1]', '127.0.0.1'));
    await johan.signIn(LEADER_EMAILS[1]);
    const before = api.smtp.received.length;

    const results = await Promise.all([
      maria.ok(APPLY, { roundId: round, seed: 'race' }),
      johan.ok(APPLY, { roundId: round, seed: 'race' }),
    ]);
    const outcomes = results.map(
      (r) => r.applyAllocation as { applied: boolean; created: number; replaced: number },
    );
    expect(outcomes.map((o) => o.applied).sort()).toEqual([false, true]);
    expect(outcomes.find((o) => !o.applied)).toMatchObject({ created: 0, replaced: 0 });
    expect(outcomes.find((o) => o.applied)).toMatchObject({ created: 16 });

    const ids = await peerIds(round);
    expect(ids).toHaveLength(16);
    expect(await assignedRows(round)).toBe(16);
    await api.smtp.waitFor(before + 16, 20_000);
    await settled(api.appDb);
    const mails = api.smtp.received.slice(before).filter((m) => keyOf(m).startsWith('REVIEW_ASSIGNED:'));
    expect(mails).toHaveLength(16);
    expect(new Set(mails.map(keyOf))).toEqual(new Set(ids.map((id) => `REVIEW_ASSIGNED:${id}`)));
  });
});
