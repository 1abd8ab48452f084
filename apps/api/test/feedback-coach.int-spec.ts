import { DEMO_IDS } from '@stl/api/data-access-db';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  GIVE,
  LEADER_EMAILS,
  LEADER_IDS,
  liveAssignments,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';

/**
 * The feedback coach beyond the form (issue 15, ADR 0035): a cohort's required qualities refused
 * with a typed error (leaders bound too), the qualities stored when feedback is given, the course
 * leader's figures per round and critical friend, and the next step an author chose carried into
 * their next analysis.
 */
const ROUND_1 = DEMO_IDS.round(1);
const ROUND_2 = DEMO_IDS.round(2);

const SET_REQUIRED = `mutation($id: ID!, $q: [RequirableQuality!]!) {
  updateCohort(id: $id, input: { requiredFeedbackQualities: $q }) { id requiredFeedbackQualities }
}`;
const FIGURES = `query($cohortId: ID!) {
  cohortFeedbackQuality(cohortId: $cohortId) {
    cohortId
    total { given assessed anchored question nextStep }
    rounds { number counts { given assessed anchored question nextStep } }
    friends { personId person { id fullName } total { given anchored question nextStep } rounds { number counts { given nextStep } } }
  }
}`;
const CHOOSE = `mutation($feedbackId: ID!, $step: String) {
  chooseNextStep(feedbackId: $feedbackId, step: $step) { id feedbackId step cohortId }
}`;
const CHOSEN = `query($id: ID!) { feedback(id: $id) { id chosenNextStep quality { nextStep { evidence } } } }`;
const ASK = `mutation($feedbackId: ID!) { askToShowFeedback(feedbackId: $feedbackId) { feedbackId consent answeredAt } }`;
const ANSWER = `mutation($feedbackId: ID!, $consent: Boolean!) {
  answerFeedbackExample(feedbackId: $feedbackId, consent: $consent) { feedbackId consent }
}`;
const EXAMPLES = `query($cohortId: ID!) { cohortFeedbackExamples(cohortId: $cohortId) { consent feedback { id nextSteps } } }`;
const REQUEST = `query($id: ID!) { feedback(id: $id) { id exampleRequest { consent } } }`;
const TO_TRY = `query($id: ID!) { analysisRound(id: $id) { id myNextStepsToTry { step feedbackId } } }`;

// Each part at least the seeded cohort's 50 characters. "Plain" has no next step, no question
// and refers to nothing in the analysis: the coach finds none of the three.
const PLAIN = {
  worksWell: 'Jag tycker att det var trevligt att läsa och väl skrivet.',
  questions: 'Jag har inga särskilda funderingar just nu, allt känns klart.',
  nextSteps: 'Inget mer att tillägga från min sida, tack för att du delade.',
};
const NEXT_STEP_SENTENCE = 'Nästa gång skulle du kunna låta eleverna ge varandra respons i par först.';
const WITH_STEP = { ...PLAIN, nextSteps: NEXT_STEP_SENTENCE };
// Anchored by a quote from the analysis ("anonymiserad text"), a question and a next step.
const FULL = {
  worksWell: 'Du skriver ”anonymiserad text” i varje avsnitt, och det syns att du har tänkt på det.',
  questions: 'Hur tänkte du kring vad eleverna skulle lära sig av uppgiften?',
  nextSteps: 'Prova att låta eleverna formulera egna kriterier för en bra text innan de skriver.',
};

describe('the feedback coach: required qualities, figures and the chosen next step', () => {
  let api: TestApi;
  let people: Participant[];
  let maria: GqlClient;
  let analysisOf: Map<string, string>;
  let live: Awaited<ReturnType<typeof liveAssignments>>;
  const clients = new Map<string, GqlClient>();
  const as = async (email: string): Promise<GqlClient> => {
    let c = clients.get(email);
    if (!c) {
      c = await api.signedIn(email);
      clients.set(email, c);
    }
    return c;
  };
  const personOf = (id: string) => people.find((p) => p.id === id) as Participant;
  /** The open peer assignments of one author's round-1 analysis. */
  const peerTasks = (authorId: string) =>
    live.filter((a) => a.author_id === authorId && a.kind === 'PEER' && !a.completed_at);
  const leaderTask = (authorId: string) =>
    live.find(
      (a) => a.author_id === authorId && a.kind === 'LEADER' && a.reviewer_id === LEADER_IDS[0],
    ) as (typeof live)[0];
  const refresh = async () => {
    live = await liveAssignments(api.db, ROUND_1);
  };

  beforeAll(async () => {
    api = await startTestApi();
    people = await seededParticipants(api.db);
    maria = await as(LEADER_EMAILS[0]);
    analysisOf = await publishDirectly(
      api.db,
      ROUND_1,
      people.map((p) => p.id),
    );
    await maria.ok(APPLY, { roundId: ROUND_1 });
    await refresh();
  });
  afterAll(() => api.close());

  describe('required qualities', () => {
    it('are a cohort setting that only its course leaders and administrators change', async () => {
      expect(await (await as(people[0].email)).code(SET_REQUIRED, { id: COHORT, q: ['NEXT_STEP'] })).toBe(
        'FORBIDDEN',
      );
      const { updateCohort } = await maria.ok(SET_REQUIRED, { id: COHORT, q: ['NEXT_STEP'] });
      expect(updateCohort.requiredFeedbackQualities).toEqual(['NEXT_STEP']);
      const [row] = await api.db.query(`SELECT required_feedback_qualities FROM cohort WHERE id = $1`, [
        COHORT,
      ]);
      expect(row.required_feedback_qualities).toEqual(['nextStep']);
    });

    it("refuses a critical friend's feedback without a next step, naming what is missing, and loses nothing", async () => {
      const author = people[0];
      const task = peerTasks(author.id)[0];
      const friend = await as(personOf(task.reviewer_id).email);
      const r = await friend.request(GIVE, { assignmentId: task.id, input: PLAIN });
      expect(r.errors?.[0].extensions?.code).toBe('FEEDBACK_QUALITY_MISSING');
      expect(r.errors?.[0].extensions?.['problems']).toEqual([
        expect.objectContaining({ field: 'nextStep', code: 'QUALITY_MISSING' }),
      ]);
      expect((r.errors?.[0].extensions as Record<string, unknown> | undefined)?.['details']).toEqual({
        missingQualities: ['nextStep'],
      });
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM feedback WHERE assignment_id = $1`, [
        task.id,
      ]);
      expect(n).toBe(0);
      const [open] = await api.db.query(`SELECT completed_at FROM review_assignment WHERE id = $1`, [
        task.id,
      ]);
      expect(open.completed_at).toBeNull();

      // The same text with a next step is sent: the task was left open, nothing was lost.
      const { giveFeedback } = await friend.ok(GIVE, { assignmentId: task.id, input: WITH_STEP });
      const [stored] = await api.db.query(
        `SELECT quality_anchored, quality_question, quality_next_step, quality_only_praise FROM feedback WHERE id = $1`,
        [giveFeedback.id],
      );
      expect(stored).toEqual({
        quality_anchored: false,
        quality_question: false,
        quality_next_step: true,
        quality_only_praise: false,
      });
    });

    it("binds the cohort's course leader too", async () => {
      const task = leaderTask(people[0].id);
      const r = await maria.request(GIVE, { assignmentId: task.id, input: PLAIN });
      expect(r.errors?.[0].extensions?.code).toBe('FEEDBACK_QUALITY_MISSING');
      expect(r.errors?.[0].message).toContain('nextStep');
      const { giveFeedback } = await maria.ok(GIVE, { assignmentId: task.id, input: FULL });
      expect(giveFeedback.kind).toBe('LEADER');
    });

    it('names every missing quality when several are required; with none required the coach only advises', async () => {
      await maria.ok(SET_REQUIRED, { id: COHORT, q: ['QUESTION', 'ANCHORED', 'NEXT_STEP'] });
      await refresh();
      const task = peerTasks(people[0].id)[0];
      const friend = await as(personOf(task.reviewer_id).email);
      const r = await friend.request(GIVE, { assignmentId: task.id, input: WITH_STEP });
      expect(r.errors?.[0].extensions?.code).toBe('FEEDBACK_QUALITY_MISSING');
      expect(
        (r.errors?.[0].extensions?.['problems'] as { field: string }[]).map((p) => p.field).sort(),
      ).toEqual(['anchored', 'question']);

      await maria.ok(SET_REQUIRED, { id: COHORT, q: [] });
      await friend.ok(GIVE, { assignmentId: task.id, input: PLAIN });
      await refresh();
    });
  });

  describe("the course leader's figures", () => {
    beforeAll(async () => {
      // Two more peer feedbacks on people[1]'s analysis: one full, one with a next step only.
      const [a, b] = peerTasks(people[1].id);
      await (await as(personOf(a.reviewer_id).email)).ok(GIVE, { assignmentId: a.id, input: FULL });
      await (await as(personOf(b.reviewer_id).email)).ok(GIVE, { assignmentId: b.id, input: WITH_STEP });
      await refresh();
    });

    it("counts peer feedback per round and per critical friend (hand-checked), leaders' own feedback left out", async () => {
      // Peer feedback given in round 1: WITH_STEP and PLAIN on people[0]; FULL and WITH_STEP on
      // people[1]. Anchored 1 (FULL), question 1 (FULL), next step 3 (WITH_STEP twice, FULL).
      // Maria's own FULL feedback is a leader's and is not counted.
      const { cohortFeedbackQuality: f } = await maria.ok(FIGURES, { cohortId: COHORT });
      expect(f.total).toEqual({ given: 4, assessed: 4, anchored: 1, question: 1, nextStep: 3 });
      expect(f.rounds[0]).toEqual({
        number: 1,
        counts: { given: 4, assessed: 4, anchored: 1, question: 1, nextStep: 3 },
      });
      expect(f.rounds.length).toBeGreaterThan(1);
      expect(f.rounds[1].counts).toEqual({ given: 0, assessed: 0, anchored: 0, question: 0, nextStep: 0 });

      const given = live.filter((a) => a.kind === 'PEER' && a.completed_at);
      const byFriend = new Map<string, number>();
      for (const a of given) byFriend.set(a.reviewer_id, (byFriend.get(a.reviewer_id) ?? 0) + 1);
      expect(f.friends.map((x: { personId: string }) => x.personId).sort()).toEqual(
        [...byFriend.keys()].sort(),
      );
      for (const friend of f.friends) {
        expect(friend.total.given).toBe(byFriend.get(friend.personId));
        expect(friend.person.fullName).toBe(personOf(friend.personId).fullName);
        expect(friend.rounds[0].counts.given).toBe(friend.total.given);
      }
      expect(
        f.friends.reduce((s: number, x: { total: { nextStep: number } }) => s + x.total.nextStep, 0),
      ).toBe(3);
    });

    it("are for the cohort's course leaders and administrators only", async () => {
      expect(
        (await (await as(`admin@larkby.example`)).ok(FIGURES, { cohortId: COHORT })).cohortFeedbackQuality
          .total.given,
      ).toBe(4);
      expect(await (await as(LEADER_EMAILS[1])).ok(FIGURES, { cohortId: COHORT })).toBeTruthy();
      expect(await (await as(people[2].email)).code(FIGURES, { cohortId: COHORT })).toBe('FORBIDDEN');
      expect(await (await as('rektor.ekbacke@larkby.example')).code(FIGURES, { cohortId: COHORT })).toBe(
        'FORBIDDEN',
      );
      // A course leader of the organisation who does not lead this cohort.
      expect(await (await as('karin.sjo@larkby.example')).code(FIGURES, { cohortId: COHORT })).toMatch(
        /^(FORBIDDEN|NOT_FOUND)$/,
      );
      expect(await (await as('admin@larkby.example')).code(FIGURES, { cohortId: DEMO_IDS.person(1) })).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('the chosen next step, a thread through the year', () => {
    let feedbackId: string;
    let reviewerEmail: string;
    const author = () => people[1];

    beforeAll(async () => {
      const [row] = await api.db.query(
        `SELECT f.id, f.author_id FROM feedback f WHERE f.analysis_id = $1 AND f.kind = 'PEER' AND f.next_steps = $2`,
        [analysisOf.get(author().id), FULL.nextSteps],
      );
      feedbackId = row.id;
      reviewerEmail = personOf(row.author_id).email;
    });

    it('shows the next steps the coach found, and lets only the author choose one that stands in the feedback', async () => {
      const me = await as(author().email);
      const { feedback } = await me.ok(CHOSEN, { id: feedbackId });
      expect(feedback.chosenNextStep).toBeNull();
      expect(feedback.quality.nextStep.evidence).toContain(FULL.nextSteps);

      expect(await (await as(reviewerEmail)).code(CHOOSE, { feedbackId, step: FULL.nextSteps })).toBe(
        'FORBIDDEN',
      );
      expect(await maria.code(CHOOSE, { feedbackId, step: FULL.nextSteps })).toBe('FORBIDDEN');
      expect(await me.code(CHOOSE, { feedbackId, step: 'Något som aldrig skrevs i återkopplingen.' })).toBe(
        'BAD_USER_INPUT',
      );

      const { chooseNextStep } = await me.ok(CHOOSE, { feedbackId, step: ` ${FULL.nextSteps} ` });
      expect(chooseNextStep).toMatchObject({ feedbackId, step: FULL.nextSteps, cohortId: COHORT });
      expect((await me.ok(CHOSEN, { id: feedbackId })).feedback.chosenNextStep).toBe(FULL.nextSteps);
      expect((await maria.ok(CHOSEN, { id: feedbackId })).feedback.chosenNextStep).toBe(FULL.nextSteps);
      // The critical friend who wrote it and the rest of the cohort do not see the author's plan.
      expect(
        (await (await as(reviewerEmail)).ok(CHOSEN, { id: feedbackId })).feedback.chosenNextStep,
      ).toBeNull();
      expect(
        (await (await as(people[5].email)).ok(CHOSEN, { id: feedbackId })).feedback.chosenNextStep,
      ).toBeNull();
    });

    it('reminds the author of it in the editor of their next analysis in the cohort, and nobody else', async () => {
      const me = await as(author().email);
      expect((await me.ok(TO_TRY, { id: ROUND_2 })).analysisRound.myNextStepsToTry).toEqual([
        { step: FULL.nextSteps, feedbackId },
      ]);
      // Not in the round the feedback was given in, and not for the course leader.
      expect((await me.ok(TO_TRY, { id: ROUND_1 })).analysisRound.myNextStepsToTry).toEqual([]);
      expect((await maria.ok(TO_TRY, { id: ROUND_2 })).analysisRound.myNextStepsToTry).toEqual([]);

      // Taking the choice back ends the reminder.
      expect((await me.ok(CHOOSE, { feedbackId, step: null })).chooseNextStep).toBeNull();
      expect((await me.ok(TO_TRY, { id: ROUND_2 })).analysisRound.myNextStepsToTry).toEqual([]);
    });
  });

  describe("good examples, shown only with the writer's consent", () => {
    let feedbackId: string;
    let writerEmail: string;

    beforeAll(async () => {
      const [row] = await api.db.query(
        `SELECT f.id, f.author_id FROM feedback f WHERE f.analysis_id = $1 AND f.kind = 'PEER' AND f.next_steps = $2`,
        [analysisOf.get(people[1].id), FULL.nextSteps],
      );
      feedbackId = row.id;
      writerEmail = personOf(row.author_id).email;
    });

    it("lets only the cohort's course leaders ask, and only about a critical friend's feedback", async () => {
      expect(await (await as(writerEmail)).code(ASK, { feedbackId })).toBe('FORBIDDEN');
      expect(await (await as(people[1].email)).code(ASK, { feedbackId })).toBe('FORBIDDEN');
      const [leaders] = await api.db.query(
        `SELECT id FROM feedback WHERE analysis_id = $1 AND kind = 'LEADER'`,
        [analysisOf.get(people[0].id)],
      );
      expect(await maria.code(ASK, { feedbackId: leaders.id })).toBe('BAD_USER_INPUT');

      const { askToShowFeedback } = await maria.ok(ASK, { feedbackId });
      expect(askToShowFeedback).toEqual({ feedbackId, consent: 'ASKED', answeredAt: null });
      // Asked is not agreed: nothing is shown yet.
      expect((await maria.ok(EXAMPLES, { cohortId: COHORT })).cohortFeedbackExamples).toEqual([]);
      // The writer sees the question on their feedback; the analysis author does not.
      expect((await (await as(writerEmail)).ok(REQUEST, { id: feedbackId })).feedback.exampleRequest).toEqual(
        {
          consent: 'ASKED',
        },
      );
      expect(
        (await (await as(people[1].email)).ok(REQUEST, { id: feedbackId })).feedback.exampleRequest,
      ).toBeNull();
    });

    it('shows the example once the writer agrees, to the leaders only, and hides it when the writer takes it back', async () => {
      expect(await maria.code(ANSWER, { feedbackId, consent: true })).toBe('FORBIDDEN');
      expect(await (await as(people[1].email)).code(ANSWER, { feedbackId, consent: true })).toBe('FORBIDDEN');
      const writer = await as(writerEmail);
      expect((await writer.ok(ANSWER, { feedbackId, consent: true })).answerFeedbackExample.consent).toBe(
        'GIVEN',
      );
      // Asking again keeps the answer.
      expect((await maria.ok(ASK, { feedbackId })).askToShowFeedback.consent).toBe('GIVEN');

      expect((await maria.ok(EXAMPLES, { cohortId: COHORT })).cohortFeedbackExamples).toEqual([
        { consent: 'GIVEN', feedback: { id: feedbackId, nextSteps: FULL.nextSteps } },
      ]);
      expect(
        (await (await as('admin@larkby.example')).ok(EXAMPLES, { cohortId: COHORT })).cohortFeedbackExamples,
      ).toHaveLength(1);
      expect(await writer.code(EXAMPLES, { cohortId: COHORT })).toBe('FORBIDDEN');
      expect(await (await as('rektor.ekbacke@larkby.example')).code(EXAMPLES, { cohortId: COHORT })).toBe(
        'FORBIDDEN',
      );

      expect((await writer.ok(ANSWER, { feedbackId, consent: false })).answerFeedbackExample.consent).toBe(
        'DECLINED',
      );
      expect((await maria.ok(EXAMPLES, { cohortId: COHORT })).cohortFeedbackExamples).toEqual([]);
    });
  });
});
