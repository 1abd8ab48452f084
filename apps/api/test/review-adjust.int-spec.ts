import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  GIVE,
  LEADER_EMAILS,
  LEADER_IDS,
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

const ROUND = DEMO_IDS.round(2);
const ADD = `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id kind source reviewerId analysisId reasons { code } } }`;
const REMOVE = `mutation($id: ID!) { removeReviewer(assignmentId: $id) { id cancelledAt } }`;
const SWAP = `mutation($id: ID!, $r: ID!) { swapReviewer(assignmentId: $id, newReviewerId: $r) { id reviewerId source analysisId } }`;
const ROUND_ASSIGNMENTS = `query($roundId: ID!) {
  previewAllocation(roundId: $roundId) { round { assignments { id kind reviewer { id } analysis { id } } } }
}`;

describe('adjusting and repairing an allocation', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let analysisOf: Map<string, string>;
  const late: Participant[] = [];
  let leaver: Participant;
  const byId = (id: string) => people.find((p) => p.id === id) as Participant;

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    late.push(people[4], people[17]);
    analysisOf = await publishDirectly(
      api.db,
      ROUND,
      people.filter((p) => !late.includes(p)).map((p) => p.id),
    );
    const { applyAllocation } = await maria.ok(APPLY, { roundId: ROUND });
    expect(applyAllocation.created).toBe(44);
    await maria.ok(LOCK, { roundId: ROUND });
  });
  afterAll(() => api.close());

  it("lists the round's assignments for course leaders only", async () => {
    const { previewAllocation } = await maria.ok(ROUND_ASSIGNMENTS, { roundId: ROUND });
    expect(previewAllocation.round.assignments).toHaveLength(44 + 44);
    const teacher = await api.signedIn(people[0].email);
    const r = await teacher.request(`query { myReviewTasks { round { assignments { id } } } }`);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to apply, lock or repair a round with nothing to allocate yet', async () => {
    const empty = DEMO_IDS.round(5);
    expect(await maria.code(APPLY, { roundId: empty })).toBe('INVALID_STATE_TRANSITION');
    expect(await maria.code(LOCK, { roundId: empty })).toBe('INVALID_STATE_TRANSITION');
    expect(await maria.code(REPAIR, { roundId: empty })).toBe('INVALID_STATE_TRANSITION');
    expect(await maria.code(APPLY, { roundId: '00000000-0000-4000-8000-00000000dead' })).toBe('NOT_FOUND');
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM round_allocation WHERE round_id = $1`,
      [empty],
    );
    expect(n).toBe(0);
  });

  it('repairs a late publication without reshuffling the pairs under way', async () => {
    // Some feedback is already under way.
    const live = await liveAssignments(api.db, ROUND);
    const started = live.filter((a) => a.kind === 'PEER').slice(0, 3);
    for (const a of started) {
      await (
        await api.signedIn(byId(a.reviewer_id).email)
      ).ok(GIVE, { assignmentId: a.id, input: feedbackInput('Tidig') });
    }
    const more = await publishDirectly(
      api.db,
      ROUND,
      late.map((p) => p.id),
    );
    for (const [k, v] of more) analysisOf.set(k, v);

    const { repairAllocation } = await maria.ok(REPAIR, { roundId: ROUND });
    expect(repairAllocation).toMatchObject({
      applied: true,
      created: 4,
      replaced: 0,
      cancelled: 0,
      leaderAssignmentsCreated: 4,
    });
    const after = await liveAssignments(api.db, ROUND);
    const ids = new Set(after.map((a) => a.id));
    for (const a of live) expect(ids.has(a.id)).toBe(true);
    expect(after).toHaveLength(live.length + 8);
    for (const p of late) {
      const on = after.filter((a) => a.analysis_id === analysisOf.get(p.id));
      expect(on.filter((a) => a.kind === 'PEER')).toHaveLength(2);
      expect(on.filter((a) => a.kind === 'PEER' && a.reviewer_id === p.id)).toHaveLength(0);
      expect(
        on
          .filter((a) => a.kind === 'LEADER')
          .map((a) => a.reviewer_id)
          .sort(),
      ).toEqual([...LEADER_IDS].sort());
      expect(on.filter((a) => a.kind === 'PEER').every((a) => a.source === 'REPAIR')).toBe(true);
    }
    // Repairing again finds nothing to do.
    expect((await maria.ok(REPAIR, { roundId: ROUND })).repairAllocation).toMatchObject({
      created: 0,
      cancelled: 0,
      leaderAssignmentsCreated: 0,
    });
  });

  it('cancels the open assignments of a participant who left and gives their analyses new reviewers', async () => {
    const before = await liveAssignments(api.db, ROUND);
    // Someone with open tasks who has not given feedback yet.
    leaver = people.find(
      (p) =>
        before.some((a) => a.reviewer_id === p.id && a.kind === 'PEER' && !a.completed_at) &&
        !before.some((a) => a.reviewer_id === p.id && a.completed_at),
    ) as Participant;
    const theirTasks = before.filter((a) => a.reviewer_id === leaver.id);
    const theirAnalysis = analysisOf.get(leaver.id) as string;
    await api.db.query(
      `UPDATE cohort_membership SET left_at = now() WHERE cohort_id = $1 AND person_id = $2 AND role = 'PARTICIPANT'`,
      [DEMO_IDS.cohort, leaver.id],
    );

    const { repairAllocation } = await maria.ok(REPAIR, { roundId: ROUND });
    const reviewsOfTheirAnalysis = before.filter((a) => a.analysis_id === theirAnalysis && !a.completed_at);
    expect(repairAllocation.cancelled).toBe(theirTasks.length + reviewsOfTheirAnalysis.length);
    expect(repairAllocation.created).toBe(theirTasks.length);
    const after = await liveAssignments(api.db, ROUND);
    expect(after.filter((a) => a.reviewer_id === leaver.id)).toEqual([]);
    // Feedback already given on their analysis stays; nothing is open on it any more.
    expect(after.filter((a) => a.analysis_id === theirAnalysis && !a.completed_at)).toEqual([]);
    for (const t of theirTasks) {
      expect(after.filter((a) => a.analysis_id === t.analysis_id && a.kind === 'PEER')).toHaveLength(2);
    }
    // Pairs not touched by the departure stay exactly as they were.
    const untouched = before.filter((a) => a.reviewer_id !== leaver.id && a.analysis_id !== theirAnalysis);
    const afterIds = new Set(after.map((a) => a.id));
    for (const a of untouched) expect(afterIds.has(a.id)).toBe(true);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM review_assignment WHERE reviewer_id = $1 AND round_id = $2 AND cancelled_at IS NOT NULL`,
      [leaver.id, ROUND],
    );
    expect(n).toBe(theirTasks.length);
    // A leaver is no longer eligible by hand either.
    const someAnalysis = analysisOf.get(people.find((p) => p.id !== leaver.id)?.id as string) as string;
    expect(await maria.code(ADD, { a: someAnalysis, r: leaver.id })).toBe('REVIEWER_NOT_ELIGIBLE');
  });

  describe('changes by hand keep the hard rules', () => {
    let analysisId: string;
    let author: Participant;
    beforeAll(async () => {
      author = people.find((p) => p !== leaver && !late.includes(p)) as Participant;
      analysisId = analysisOf.get(author.id) as string;
    });

    it('refuses self-review, non-participants and duplicates with typed errors', async () => {
      expect(await maria.code(ADD, { a: analysisId, r: author.id })).toBe('SELF_REVIEW');
      expect(await maria.code(ADD, { a: analysisId, r: LEADER_IDS[1] })).toBe('REVIEWER_NOT_ELIGIBLE');
      expect(await maria.code(ADD, { a: analysisId, r: DEMO_IDS.person(10) })).toBe('REVIEWER_NOT_ELIGIBLE');
      const [existing] = (await liveAssignments(api.db, ROUND)).filter(
        (a) => a.analysis_id === analysisId && a.kind === 'PEER',
      );
      expect(await maria.code(ADD, { a: analysisId, r: existing.reviewer_id })).toBe('DUPLICATE_ASSIGNMENT');
      const stayers = people.filter((p) => p !== leaver && p !== author);
      const teacher = await api.signedIn(stayers[0].email);
      expect(await teacher.code(ADD, { a: analysisId, r: stayers[1].id })).toBe('FORBIDDEN');
      expect(await maria.code(ADD, { a: '00000000-0000-4000-8000-0000000fffff', r: people[1].id })).toBe(
        'NOT_FOUND',
      );
    });

    it('adds, removes and swaps reviewers; done assignments stay', async () => {
      const live = await liveAssignments(api.db, ROUND);
      const onIt = new Set(live.filter((a) => a.analysis_id === analysisId).map((a) => a.reviewer_id));
      const candidates = people.filter(
        (p) => p.id !== author.id && !onIt.has(p.id) && !late.includes(p) && p !== leaver,
      );
      const { addReviewer } = await maria.ok(ADD, { a: analysisId, r: candidates[0].id });
      expect(addReviewer).toMatchObject({ kind: 'PEER', source: 'MANUAL', reasons: [{ code: 'MANUAL' }] });

      const { swapReviewer } = await maria.ok(SWAP, { id: addReviewer.id, r: candidates[1].id });
      expect(swapReviewer).toMatchObject({ reviewerId: candidates[1].id, source: 'MANUAL', analysisId });
      const [old] = await api.db.query(`SELECT cancelled_at FROM review_assignment WHERE id = $1`, [
        addReviewer.id,
      ]);
      expect(old.cancelled_at).not.toBeNull();

      // A swap that breaks a rule changes nothing.
      expect(await maria.code(SWAP, { id: swapReviewer.id, r: author.id })).toBe('SELF_REVIEW');
      const [still] = await api.db.query(`SELECT cancelled_at FROM review_assignment WHERE id = $1`, [
        swapReviewer.id,
      ]);
      expect(still.cancelled_at).toBeNull();

      const { removeReviewer } = await maria.ok(REMOVE, { id: swapReviewer.id });
      expect(removeReviewer.cancelledAt).not.toBeNull();
      expect(await maria.code(REMOVE, { id: swapReviewer.id })).toBe('ASSIGNMENT_CANCELLED');

      const done = (await liveAssignments(api.db, ROUND)).find((a) => a.completed_at) as { id: string };
      expect(await maria.code(REMOVE, { id: done.id })).toBe('ASSIGNMENT_COMPLETED');
      expect(await maria.code(SWAP, { id: done.id, r: candidates[2].id })).toBe('ASSIGNMENT_COMPLETED');
      const leaderTask = (await liveAssignments(api.db, ROUND)).find((a) => a.kind === 'LEADER') as {
        id: string;
      };
      expect(await maria.code(SWAP, { id: leaderTask.id, r: candidates[2].id })).toBe('BAD_USER_INPUT');
    });

    it('keeps manual pairs when the allocation is re-applied', async () => {
      // Round 3: apply, add by hand, re-apply with another seed: the manual pair survives.
      const round3 = DEMO_IDS.round(3);
      const eight = people.filter((p) => p !== leaver).slice(0, 8);
      const ids = await publishDirectly(
        api.db,
        round3,
        eight.map((p) => p.id),
      );
      await maria.ok(APPLY, { roundId: round3 });
      const target = ids.get(eight[0].id) as string;
      const onIt = new Set(
        (await liveAssignments(api.db, round3))
          .filter((a) => a.analysis_id === target)
          .map((a) => a.reviewer_id),
      );
      const extra = eight.slice(1).find((p) => !onIt.has(p.id)) as Participant;
      const { addReviewer } = await maria.ok(ADD, { a: target, r: extra.id });
      const { applyAllocation } = await maria.ok(APPLY, { roundId: round3, seed: 'x' });
      expect(applyAllocation.pairs).toContainEqual(
        expect.objectContaining({ reviewerId: extra.id, analysisId: target, locked: true }),
      );
      expect((await liveAssignments(api.db, round3)).some((a) => a.id === addReviewer.id)).toBe(true);
    });
  });
});
