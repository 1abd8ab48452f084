import { DEMO_IDS } from '@stl/api/data-access-db';
import { MailDeliveryProcessor } from '@stl/api/feature-notification';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  GIVE,
  LEADER_EMAILS,
  LOCK,
  REPAIR,
  feedbackInput,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

/**
 * Rule 4 after a late publication, through the API: 23 of the 24 participants publish, the round is
 * allocated (two tasks each) and locked, some feedback is given; then the 24th publishes. Keeping
 * every open pair would leave the late author with nothing to review and two others with three
 * tasks; the repair moves the fewest open tasks needed to keep every load within ±1 of the mean.
 */
describe('repairing an allocation after a late publication keeps every load within ±1 of the mean', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let late: Participant;
  const byId = (id: string) => people.find((p) => p.id === id) as Participant;

  /** Live peer tasks per participant (everyone who published reviews in the round). */
  const peerLoads = async (roundId: string) => {
    const loads = new Map(people.map((p) => [p.id, 0]));
    for (const a of await liveAssignments(api.db, roundId)) {
      if (a.kind === 'PEER') loads.set(a.reviewer_id, (loads.get(a.reviewer_id) ?? 0) + 1);
    }
    return loads;
  };
  const outboxRow = async (key: string) => {
    const [row] = await api.db.query(
      `SELECT id, status, recipient_id, last_error FROM outbox_message WHERE idempotency_key = $1`,
      [key],
    );
    return row as { id: string; status: string; recipient_id: string; last_error: string | null } | undefined;
  };
  /** A round allocated and locked with everyone but the late author, as the course leader does it. */
  const allocateWithoutLate = async (roundId: string) => {
    await publishDirectly(
      api.db,
      roundId,
      people.filter((p) => p !== late).map((p) => p.id),
    );
    const { applyAllocation } = await maria.ok(APPLY, { roundId });
    expect(applyAllocation).toMatchObject({ created: 46, warnings: [] });
    expect(applyAllocation.stats).toMatchObject({ loadMin: 2, loadMax: 2 });
    await maria.ok(LOCK, { roundId });
  };

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    late = people[5];
  });
  afterAll(() => api.close());

  it('moves open tasks nobody has started, never those with feedback, and mails the new reviewers', async () => {
    const ROUND = DEMO_IDS.round(2);
    await allocateWithoutLate(ROUND);
    // Feedback is under way on three tasks.
    const allocated = await liveAssignments(api.db, ROUND);
    const started = allocated.filter((a) => a.kind === 'PEER').slice(0, 3);
    for (const a of started) {
      await (
        await api.signedIn(byId(a.reviewer_id).email)
      ).ok(GIVE, { assignmentId: a.id, input: feedbackInput('Påbörjad') });
    }
    const lateAnalysis = (await publishDirectly(api.db, ROUND, [late.id])).get(late.id) as string;
    const before = await liveAssignments(api.db, ROUND);

    const { repairAllocation } = await maria.ok(REPAIR, { roundId: ROUND });
    expect(repairAllocation).toMatchObject({ applied: true, replaced: 0, leaderAssignmentsCreated: 2 });
    expect(repairAllocation.warnings).toEqual([]);
    expect(repairAllocation.unmet).toEqual([]);

    // 48 peer tasks over 24 reviewers: a mean of 2, so everyone reviews 1–3, the late author too.
    const loads = await peerLoads(ROUND);
    expect([...loads.values()].reduce((s, l) => s + l, 0)).toBe(48);
    for (const [id, l] of loads) expect({ id, l, ok: l >= 1 && l <= 3 }).toEqual({ id, l, ok: true });
    expect(loads.get(late.id)).toBeGreaterThanOrEqual(1);

    // What moved: open tasks made by the allocation, none with feedback; each is cancelled (kept
    // for history) and replaced on its analysis by another reviewer.
    const after = await liveAssignments(api.db, ROUND);
    const afterIds = new Set(after.map((a) => a.id));
    const beforeIds = new Set(before.map((a) => a.id));
    const moved = before.filter((a) => !afterIds.has(a.id));
    expect(moved.length).toBeGreaterThanOrEqual(1);
    expect(repairAllocation.cancelled).toBe(moved.length);
    const created = after.filter((a) => !beforeIds.has(a.id));
    expect(created.filter((a) => a.kind === 'PEER')).toHaveLength(2 + moved.length);
    expect(repairAllocation.created).toBe(2 + moved.length);
    for (const m of moved) {
      expect(m).toMatchObject({ kind: 'PEER', source: 'ALLOCATION', completed_at: null });
      const [row] = await api.db.query(`SELECT cancelled_at FROM review_assignment WHERE id = $1`, [m.id]);
      expect(row.cancelled_at).not.toBeNull();
      const on = after.filter((a) => a.analysis_id === m.analysis_id && a.kind === 'PEER');
      expect(on).toHaveLength(2);
      expect(on.some((a) => a.reviewer_id === m.reviewer_id)).toBe(false);
    }
    for (const s of started) expect(after.find((a) => a.id === s.id)?.completed_at).not.toBeNull();
    const onLate = after.filter((a) => a.analysis_id === lateAnalysis && a.kind === 'PEER');
    expect(onLate).toHaveLength(2);
    expect(onLate.every((a) => a.reviewer_id !== late.id && a.source === 'REPAIR')).toBe(true);

    // Mail, written in the repair's transaction: each new task's reviewer gets "review assigned".
    for (const a of created.filter((x) => x.kind === 'PEER')) {
      expect(await outboxRow(`REVIEW_ASSIGNED:${a.id}`)).toMatchObject({
        status: 'PENDING',
        recipient_id: a.reviewer_id,
      });
    }
    // A moved task's mail not yet sent is cancelled at send time, as for any cancelled assignment,
    // and its reviewer can no longer give feedback on it.
    const delivery = api.app.get(MailDeliveryProcessor);
    for (const m of moved) {
      const mail = await outboxRow(`REVIEW_ASSIGNED:${m.id}`);
      expect(mail).toMatchObject({ status: 'PENDING', recipient_id: m.reviewer_id });
      await delivery.deliver(mail?.id as string, false);
      expect(await outboxRow(`REVIEW_ASSIGNED:${m.id}`)).toMatchObject({
        status: 'CANCELLED',
        last_error: 'The assignment was completed or cancelled.',
      });
      const reviewer = await api.signedIn(byId(m.reviewer_id).email);
      expect(await reviewer.code(GIVE, { assignmentId: m.id, input: feedbackInput('Flyttad') })).toBe(
        'ASSIGNMENT_CANCELLED',
      );
    }

    // Repairing again finds nothing to do.
    expect((await maria.ok(REPAIR, { roundId: ROUND })).repairAllocation).toMatchObject({
      created: 0,
      cancelled: 0,
      leaderAssignmentsCreated: 0,
      warnings: [],
    });
  });

  it('says BALANCE_RELAXED and moves nothing when only tasks with feedback given could make room', async () => {
    const ROUND = DEMO_IDS.round(3);
    await allocateWithoutLate(ROUND);
    // Every critical friend has given feedback already: one through the API, the rest in bulk.
    const [first] = (await liveAssignments(api.db, ROUND)).filter((a) => a.kind === 'PEER');
    await (
      await api.signedIn(byId(first.reviewer_id).email)
    ).ok(GIVE, { assignmentId: first.id, input: feedbackInput('Klar') });
    await api.db.query(
      `WITH given AS (
         INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
         SELECT ra.id, ra.analysis_id, v.id, ra.reviewer_id, ra.kind, $2, $2, $2
           FROM review_assignment ra
           JOIN analysis a ON a.id = ra.analysis_id
           JOIN analysis_version v ON v.analysis_id = a.id AND v.version = a.published_version
          WHERE ra.round_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL AND ra.completed_at IS NULL
         RETURNING assignment_id)
       UPDATE review_assignment SET completed_at = now() WHERE id IN (SELECT assignment_id FROM given)`,
      [ROUND, 'Återkoppling given direkt i databasen för testet, minst femtio tecken lång.'],
    );
    await publishDirectly(api.db, ROUND, [late.id]);
    const before = await liveAssignments(api.db, ROUND);

    const { repairAllocation } = await maria.ok(REPAIR, { roundId: ROUND });
    expect(repairAllocation.warnings.map((w: { code: string }) => w.code)).toContain('BALANCE_RELAXED');
    expect(repairAllocation).toMatchObject({ cancelled: 0, created: 2, leaderAssignmentsCreated: 2 });
    const after = await liveAssignments(api.db, ROUND);
    const afterIds = new Set(after.map((a) => a.id));
    for (const a of before) expect(afterIds.has(a.id)).toBe(true);
    // Nothing could move, so the late author has nothing to review: the warning says the rule failed.
    const loads = await peerLoads(ROUND);
    expect(loads.get(late.id)).toBe(0);
    expect([...loads.values()].filter((l) => l === 3)).toHaveLength(2);
  });
});
