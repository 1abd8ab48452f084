import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly, republishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  GIVE,
  LEADER_EMAILS,
  LEADER_IDS,
  LOCK,
  MY_TASKS,
  PREVIEW,
  createOutsider,
  feedbackInput,
  liveAssignments,
  seededParticipants,
  text,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

const ROUND = DEMO_IDS.round(1);

const FEEDBACK = `query($id: ID!) {
  feedback(id: $id) {
    id kind version helpful worksWell sectionKey
    author { id fullName }
    comments { kind body author { id } }
    analysis { id authorId feedback { id kind version } }
  }
}`;

const MY_PROGRESS = `query($cohortId: ID!) {
  myProgress(cohortId: $cohortId) {
    completed publishedCount completeCount tasksDone tasksTotal
    missing { code message roundNumber }
    rounds { number analysisStatus published peerFeedbackCount leaderFeedback complete tasksDone tasksTotal }
  }
}`;

describe('a whole round: publish, allocate, lock, feedback, replies and completion flags', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let analysisOf: Map<string, string>;
  const clients = new Map<string, GqlClient>();
  const as = async (p: Participant): Promise<GqlClient> => {
    let c = clients.get(p.id);
    if (!c) {
      c = await api.signedIn(p.email);
      clients.set(p.id, c);
    }
    return c;
  };

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    analysisOf = await publishDirectly(
      api.db,
      ROUND,
      people.map((p) => p.id),
    );
  });
  afterAll(() => api.close());

  it('previews the allocation with reasons and writes nothing', async () => {
    const teacher = await as(people[0]);
    expect(await teacher.code(PREVIEW, { roundId: ROUND })).toBe('FORBIDDEN');

    const { previewAllocation: p } = await maria.ok(PREVIEW, { roundId: ROUND });
    expect(p).toMatchObject({
      applied: false,
      k: 2,
      analysisCount: 24,
      created: 48,
      leaderAssignmentsCreated: 48,
    });
    expect(p.pairs).toHaveLength(48);
    expect(p.unmet).toEqual([]);
    expect(p.stats).toMatchObject({ loadMin: 2, loadMax: 2, crossSchoolShare: 1, repeatedPairs: 0 });
    for (const pair of p.pairs) {
      expect(pair.reviewerId).not.toBe(pair.authorId);
      expect(pair.reasons.map((r: { code: string }) => r.code)).toEqual(['OTHER_SCHOOL', 'NEW_PAIR']);
      expect(pair.reasons[0].message).toMatch(/another school/);
    }
    expect(await liveAssignments(api.db, ROUND)).toEqual([]);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM round_allocation`);
    expect(n).toBe(0);
  });

  it('applies it: k peers and every course leader on each analysis, balanced, deterministic', async () => {
    const { previewAllocation: preview } = await maria.ok(PREVIEW, { roundId: ROUND });
    const { applyAllocation: applied } = await maria.ok(APPLY, { roundId: ROUND });
    expect(applied).toMatchObject({ applied: true, created: 48, replaced: 0, leaderAssignmentsCreated: 48 });
    expect(applied.allocation).toMatchObject({ roundId: ROUND, seed: ROUND, lockedAt: null });
    expect(applied.round).toEqual({ id: ROUND, number: 1 });
    const pairsOf = (x: { pairs: { reviewerId: string; analysisId: string }[] }) =>
      x.pairs.map((q) => `${q.reviewerId}>${q.analysisId}`).sort();
    expect(pairsOf(applied)).toEqual(pairsOf(preview));

    const live = await liveAssignments(api.db, ROUND);
    expect(live).toHaveLength(96);
    const load = new Map<string, number>();
    for (const analysisId of analysisOf.values()) {
      const on = live.filter((a) => a.analysis_id === analysisId);
      expect(on.filter((a) => a.kind === 'PEER')).toHaveLength(2);
      expect(
        on
          .filter((a) => a.kind === 'LEADER')
          .map((a) => a.reviewer_id)
          .sort(),
      ).toEqual([...LEADER_IDS].sort());
    }
    for (const a of live.filter((x) => x.kind === 'PEER')) {
      expect(a.reviewer_id).not.toBe(a.author_id);
      load.set(a.reviewer_id, (load.get(a.reviewer_id) ?? 0) + 1);
    }
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
    expect(load.size).toBe(24);
    const [reasons] = await api.db.query(
      `SELECT reasons FROM review_assignment WHERE round_id = $1 AND kind = 'PEER' LIMIT 1`,
      [ROUND],
    );
    expect(reasons.reasons.length).toBeGreaterThan(0);
  });

  it("gives each critical friend their tasks with the round's feedback deadline", async () => {
    const me = people[0];
    const { myReviewTasks } = await (await as(me)).ok(MY_TASKS, { cohortId: COHORT });
    expect(myReviewTasks).toHaveLength(2);
    const [{ feedback_deadline: due }] = await api.db.query(
      `SELECT feedback_deadline FROM analysis_round WHERE id = $1`,
      [ROUND],
    );
    for (const t of myReviewTasks) {
      expect(t).toMatchObject({
        reviewerId: me.id,
        kind: 'PEER',
        done: false,
        feedback: null,
        roundId: ROUND,
      });
      expect(new Date(t.dueAt).getTime()).toBe(new Date(due).getTime());
      expect(t.analysis.authorId).not.toBe(me.id);
      expect(t.analysis.status).toBe('PUBLISHED');
      expect(t.reasons.length).toBeGreaterThan(0);
    }
  });

  it('re-applying replaces only pairs not yet under way', async () => {
    const [started] = (await liveAssignments(api.db, ROUND)).filter((a) => a.kind === 'PEER');
    const reviewer = people.find((p) => p.id === started.reviewer_id) as Participant;
    await (await as(reviewer)).ok(GIVE, { assignmentId: started.id, input: feedbackInput('Första') });

    const before = await liveAssignments(api.db, ROUND);
    const { applyAllocation: again } = await maria.ok(APPLY, { roundId: ROUND, seed: 'another-seed' });
    // Of the 47 open pairs, those the other seed proposes again keep their assignment (issue 16):
    // only the others are replaced, each by a new pair.
    expect(again).toMatchObject({ leaderAssignmentsCreated: 0 });
    expect(again.created).toBe(again.replaced);
    expect(again.replaced).toBeGreaterThan(30);
    expect(again.replaced).toBeLessThan(47);
    const after = await liveAssignments(api.db, ROUND);
    const keptPeers = after.filter((a) => a.kind === 'PEER' && before.some((b) => b.id === a.id));
    expect(keptPeers).toHaveLength(48 - again.replaced);
    expect(again.pairs.filter((p: { locked: boolean }) => p.locked)).toEqual([
      expect.objectContaining({ reviewerId: started.reviewer_id, analysisId: started.analysis_id }),
    ]);
    const live = await liveAssignments(api.db, ROUND);
    expect(live).toHaveLength(96);
    expect(live.find((a) => a.id === started.id)?.completed_at).not.toBeNull();
  });

  it('locks the allocation; applying again is refused and nothing changes', async () => {
    const before = await liveAssignments(api.db, ROUND);
    const { lockAllocation } = await maria.ok(LOCK, { roundId: ROUND });
    expect(lockAllocation.lockedAt).not.toBeNull();
    const r = await maria.request(APPLY, { roundId: ROUND });
    expect(r.errors?.[0].extensions?.code).toBe('ALLOCATION_LOCKED');
    expect(await liveAssignments(api.db, ROUND)).toEqual(before);
    const { myReviewTasks } = await (
      await as(people[1])
    ).ok(`query { myReviewTasks { round { id allocation { lockedAt seed } } } }`);
    expect(myReviewTasks[0].round.allocation).toEqual({
      lockedAt: lockAllocation.lockedAt,
      seed: 'another-seed',
    });
  });

  describe('feedback from critical friends', () => {
    let task: { id: string; analysisId: string; reviewerId: string };
    let reviewer: Participant;
    const count = async () => {
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM feedback`);
      return n as number;
    };

    beforeAll(async () => {
      // Someone with two open tasks: one for the feedback tests, one to cancel.
      const open = (await liveAssignments(api.db, ROUND)).filter((a) => a.kind === 'PEER' && !a.completed_at);
      reviewer = people.find((p) => open.filter((a) => a.reviewer_id === p.id).length >= 2) as Participant;
      const { myReviewTasks } = await (await as(reviewer)).ok(MY_TASKS, { roundId: ROUND, done: false });
      task = myReviewTasks[0];
    });

    it('refuses feedback shorter than the cohort minimum, naming each short part, and writes nothing', async () => {
      const before = await count();
      const r = await (
        await as(reviewer)
      ).request(GIVE, {
        assignmentId: task.id,
        input: {
          worksWell: '  Bra!  ',
          questions: text('Varför valde du just den här texttypen?'),
          nextSteps: 'Fortsätt.',
        },
      });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.problems).toEqual([
        {
          field: 'worksWell',
          code: 'TOO_SHORT',
          message: 'What works well needs at least 50 characters; it has 4.',
        },
        {
          field: 'nextSteps',
          code: 'TOO_SHORT',
          message: 'Suggestions for next steps needs at least 50 characters; it has 9.',
        },
      ]);
      expect(await count()).toBe(before);
      const [row] = await api.db.query(`SELECT completed_at FROM review_assignment WHERE id = $1`, [task.id]);
      expect(row.completed_at).toBeNull();
    });

    it('refuses script tags and oversized parts; feedback is plain text', async () => {
      const before = await count();
      const c = await as(reviewer);
      const script = await c.request(GIVE, {
        assignmentId: task.id,
        input: feedbackInput('X', { worksWell: text('Fint arbete <script>alert(1)</script> med eleverna') }),
      });
      expect(script.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(script.errors?.[0].extensions?.problems?.[0]).toMatchObject({
        field: 'worksWell',
        code: 'MARKUP_NOT_ALLOWED',
      });
      const onEvent = await c.request(GIVE, {
        assignmentId: task.id,
        input: feedbackInput('X', { questions: text('Se <img src=x onerror=alert(1)> här') }),
      });
      expect(onEvent.errors?.[0].extensions?.problems?.[0]).toMatchObject({ code: 'MARKUP_NOT_ALLOWED' });
      const huge = await c.request(GIVE, {
        assignmentId: task.id,
        input: feedbackInput('X', { nextSteps: 'x'.repeat(5001) }),
      });
      expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(huge.errors?.[0].extensions?.problems?.[0]).toMatchObject({ field: 'nextSteps' });
      const nul = await c.request(GIVE, {
        assignmentId: task.id,
        input: feedbackInput('X', { nextSteps: text('Nästa steg\u0000 med noll-tecken') }),
      });
      expect(nul.errors?.[0].extensions?.problems?.[0]).toMatchObject({ code: 'INVALID_CHARACTERS' });
      const tooBig = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: GIVE,
          variables: {
            assignmentId: task.id,
            input: feedbackInput('X', { worksWell: 'x'.repeat(600 * 1024) }),
          },
        }),
      });
      expect(tooBig.status).toBe(413);
      expect(await count()).toBe(before);
    });

    it("refuses feedback on someone else's assignment: FORBIDDEN in the cohort, NOT_FOUND outside it", async () => {
      const other = people.find((p) => p.id !== reviewer.id && p.id !== task.reviewerId) as Participant;
      expect(await (await as(other)).code(GIVE, { assignmentId: task.id, input: feedbackInput('Y') })).toBe(
        'FORBIDDEN',
      );
      const outsider = await api.signedIn(await createOutsider(api.db));
      expect(await outsider.code(GIVE, { assignmentId: task.id, input: feedbackInput('Y') })).toBe(
        'NOT_FOUND',
      );
      expect(
        await outsider.code(GIVE, {
          assignmentId: '00000000-0000-4000-8000-00000000abcd',
          input: feedbackInput('Y'),
        }),
      ).toBe('NOT_FOUND');
      expect(await outsider.code(GIVE, { assignmentId: 'not-an-id', input: feedbackInput('Y') })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('refuses feedback on a version the reviewer has not read, and on an unknown section', async () => {
      const c = await as(reviewer);
      const version = await republishDirectly(api.db, task.analysisId);
      expect(version).toBe(2);
      const stale = await c.request(GIVE, {
        assignmentId: task.id,
        input: feedbackInput('Z', { expectedVersion: 1 }),
      });
      expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
      expect((stale.errors?.[0].extensions as { details?: unknown }).details).toEqual({ currentVersion: 2 });
      const section = await c.request(GIVE, {
        assignmentId: task.id,
        input: feedbackInput('Z', { sectionKey: 'nosuchsection' }),
      });
      expect(section.errors?.[0].extensions?.problems).toEqual([
        expect.objectContaining({ field: 'sectionKey', code: 'UNKNOWN_SECTION' }),
      ]);
    });

    it('stores feedback on the current version, marks the task done, and refuses a second one', async () => {
      const c = await as(reviewer);
      const input = feedbackInput('Peer', { sectionKey: 'plan', expectedVersion: 2 });
      const { giveFeedback } = await c.ok(GIVE, {
        assignmentId: task.id,
        input: { ...input, worksWell: `  ${input.worksWell}  ` },
      });
      expect(giveFeedback).toMatchObject({
        kind: 'PEER',
        analysisId: task.analysisId,
        authorId: reviewer.id,
        worksWell: input.worksWell,
        sectionKey: 'plan',
        version: 2,
        helpful: false,
      });
      const { myReviewTasks } = await c.ok(MY_TASKS, { roundId: ROUND });
      expect(myReviewTasks.find((t: { id: string }) => t.id === task.id)).toMatchObject({
        done: true,
        feedback: { id: giveFeedback.id },
      });
      expect(await c.code(GIVE, { assignmentId: task.id, input: feedbackInput('Again') })).toBe('CONFLICT');
    });

    it('refuses feedback on an assignment that was cancelled or on an analysis that is not published', async () => {
      const { myReviewTasks } = await (await as(reviewer)).ok(MY_TASKS, { roundId: ROUND, done: false });
      const open = myReviewTasks[0];
      await maria.ok(`mutation($id: ID!) { removeReviewer(assignmentId: $id) { id cancelledAt } }`, {
        id: open.id,
      });
      expect(
        await (await as(reviewer)).code(GIVE, { assignmentId: open.id, input: feedbackInput('C') }),
      ).toBe('ASSIGNMENT_CANCELLED');

      const author = people[10];
      const [draft] = await api.db.query(
        `INSERT INTO analysis (round_id, cohort_id, author_id, status) VALUES ($1, $2, $3, 'DRAFT') RETURNING id`,
        [DEMO_IDS.round(2), COHORT, author.id],
      );
      const [assignment] = await api.db.query(
        `INSERT INTO review_assignment (round_id, cohort_id, analysis_id, reviewer_id, kind, source)
         VALUES ($1, $2, $3, $4, 'PEER', 'MANUAL') RETURNING id`,
        [DEMO_IDS.round(2), COHORT, draft.id, reviewer.id],
      );
      expect(
        await (await as(reviewer)).code(GIVE, { assignmentId: assignment.id, input: feedbackInput('D') }),
      ).toBe('ANALYSIS_NOT_PUBLISHED');
      await api.db.query(`DELETE FROM review_assignment WHERE id = $1`, [assignment.id]);
      await api.db.query(`DELETE FROM analysis WHERE id = $1`, [draft.id]);
    });
  });

  describe('leader feedback, replies, leader notes and helpful marks', () => {
    let author: Participant;
    let analysisId: string;
    let peerFeedbackId: string;
    let leaderFeedbackId: string;
    let bystander: Participant;

    beforeAll(async () => {
      // An author whose analysis has no feedback yet.
      const all = await liveAssignments(api.db, ROUND);
      author = people.find((p) => !all.some((a) => a.author_id === p.id && a.completed_at)) as Participant;
      analysisId = analysisOf.get(author.id) as string;
      const live = all.filter((a) => a.analysis_id === analysisId);
      const peer = live.find((a) => a.kind === 'PEER' && !a.completed_at) as (typeof live)[0];
      const peerPerson = people.find((p) => p.id === peer.reviewer_id) as Participant;
      peerFeedbackId = (
        await (await as(peerPerson)).ok(GIVE, { assignmentId: peer.id, input: feedbackInput('Kamrat') })
      ).giveFeedback.id;
      const leaderTask = live.find(
        (a) => a.kind === 'LEADER' && a.reviewer_id === LEADER_IDS[0],
      ) as (typeof live)[0];
      const { giveFeedback } = await maria.ok(GIVE, {
        assignmentId: leaderTask.id,
        input: feedbackInput('Kursledare'),
      });
      expect(giveFeedback.kind).toBe('LEADER');
      leaderFeedbackId = giveFeedback.id;
    });

    it('lets the author reply and mark feedback helpful, and nobody else', async () => {
      const me = await as(author);
      const reply = `mutation($id: ID!, $body: String!) { replyToFeedback(feedbackId: $id, body: $body) { id kind body author { id } } }`;
      const { replyToFeedback } = await me.ok(reply, {
        id: peerFeedbackId,
        body: '  Tack, det ska jag pröva!  ',
      });
      expect(replyToFeedback).toMatchObject({
        kind: 'REPLY',
        body: 'Tack, det ska jag pröva!',
        author: { id: author.id },
      });
      expect(await me.code(reply, { id: peerFeedbackId, body: '   ' })).toBe('BAD_USER_INPUT');
      expect(await me.code(reply, { id: peerFeedbackId, body: '<b>fet</b>' })).toBe('BAD_USER_INPUT');
      expect(
        await (
          await as(people.find((p) => p !== author) as Participant)
        ).code(reply, { id: peerFeedbackId, body: 'Inte min analys' }),
      ).toBe('FORBIDDEN');

      const mark = `mutation($id: ID!, $h: Boolean!) { markFeedbackHelpful(feedbackId: $id, helpful: $h) { id helpful markedHelpfulAt } }`;
      expect((await me.ok(mark, { id: leaderFeedbackId, h: true })).markFeedbackHelpful.helpful).toBe(true);
      expect((await me.ok(mark, { id: leaderFeedbackId, h: false })).markFeedbackHelpful).toMatchObject({
        helpful: false,
        markedHelpfulAt: null,
      });
      expect((await me.ok(mark, { id: peerFeedbackId, h: true })).markFeedbackHelpful.helpful).toBe(true);
      expect(await maria.code(mark, { id: peerFeedbackId, h: false })).toBe('FORBIDDEN');
    });

    it("lets a course leader comment on a peer's feedback; the note reaches the leaders and the reviewer only", async () => {
      const note = `mutation($id: ID!, $body: String!) { commentOnFeedback(feedbackId: $id, body: $body) { id kind body } }`;
      const { commentOnFeedback } = await maria.ok(note, {
        id: peerFeedbackId,
        body: 'Bra frågor! Koppla gärna nästa steg tydligare till målen.',
      });
      expect(commentOnFeedback.kind).toBe('LEADER_NOTE');
      expect(await maria.code(note, { id: leaderFeedbackId, body: 'Om ledarens egen återkoppling' })).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        await (await as(author)).code(note, { id: peerFeedbackId, body: 'Jag är inte kursledare' }),
      ).toBe('FORBIDDEN');

      const kinds = async (c: GqlClient) =>
        ((await c.ok(FEEDBACK, { id: peerFeedbackId })).feedback.comments as { kind: string }[]).map(
          (x) => x.kind,
        );
      const [{ author_id: reviewerId }] = await api.db.query(`SELECT author_id FROM feedback WHERE id = $1`, [
        peerFeedbackId,
      ]);
      const reviewer = people.find((p) => p.id === reviewerId) as Participant;
      expect(await kinds(maria)).toEqual(['REPLY', 'LEADER_NOTE']);
      expect(await kinds(await api.signedIn(LEADER_EMAILS[1]))).toEqual(['REPLY', 'LEADER_NOTE']);
      expect(await kinds(await as(reviewer))).toEqual(['REPLY', 'LEADER_NOTE']);
      // The organisation's administrators run it and see the notes too (as the schema says).
      expect(await kinds(await api.signedIn('admin@larkby.example'))).toEqual(['REPLY', 'LEADER_NOTE']);
      expect(await kinds(await as(author))).toEqual(['REPLY']);
      bystander = people.find((p) => p !== author && p !== reviewer) as Participant;
      expect(await kinds(await as(bystander))).toEqual(['REPLY']);
    });

    it("shows the analysis's feedback to the cohort, each with its version and author", async () => {
      const { feedback } = await (await as(bystander)).ok(FEEDBACK, { id: leaderFeedbackId });
      expect(feedback).toMatchObject({
        kind: 'LEADER',
        version: 1,
        author: { id: LEADER_IDS[0], fullName: 'Maria Berg' },
      });
      expect(feedback.analysis.feedback.map((f: { kind: string }) => f.kind).sort()).toEqual([
        'LEADER',
        'PEER',
      ]);
    });

    it('flags the round complete for the author: published, leader feedback and peer feedback', async () => {
      const { myProgress } = await (await as(author)).ok(MY_PROGRESS, { cohortId: COHORT });
      expect(myProgress.rounds[0]).toMatchObject({
        number: 1,
        analysisStatus: 'PUBLISHED',
        published: true,
        peerFeedbackCount: 1,
        leaderFeedback: true,
        complete: true,
      });
      expect(myProgress.rounds[1]).toMatchObject({
        number: 2,
        analysisStatus: 'NOT_STARTED',
        complete: false,
      });
      expect(myProgress).toMatchObject({ completed: false, publishedCount: 1, completeCount: 1 });
      const open = (await liveAssignments(api.db, ROUND)).filter(
        (a) => a.reviewer_id === author.id && !a.completed_at,
      ).length;
      expect(myProgress.tasksTotal - myProgress.tasksDone).toBe(open);
      expect(myProgress.missing.map((m: { code: string }) => m.code)).toEqual([
        'TOO_FEW_PUBLISHED',
        ...(open > 0 ? ['REVIEW_TASKS_OPEN'] : []),
        'ATTENDANCE_TOO_LOW',
      ]);

      const { myProgress: other } = await (await as(bystander)).ok(MY_PROGRESS, { cohortId: COHORT });
      expect(other.rounds[0]).toMatchObject({ published: true, leaderFeedback: false, complete: false });
    });
  });
});
