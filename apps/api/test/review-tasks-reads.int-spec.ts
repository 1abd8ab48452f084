import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { DEMO_IDS, seedDemoActivity } from '@stl/api/data-access-db';
import { ADMIN, MARIA, SEEDED } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { APPLY } from './support/review-fixtures';
import { StatementCount } from './support/statement-count';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/** One operation of the web app, as it sends it. */
function webOperation(file: string, name: string): string {
  const doc = parse(
    readFileSync(join(__dirname, '../../../libs/web/data-access/src/operations', file), 'utf8'),
  );
  const op = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`${name} not in ${file}`);
  return print(op);
}

const REVIEW_TASKS = webOperation('review.graphql', 'ReviewTasks');
const OPEN_TASKS = webOperation('cohort.graphql', 'MyOpenReviewTasks');

const ROUND_FIELDS = `id cohortId number title templateVersionId meetingId opensAt submissionDeadline feedbackDeadline createdAt updatedAt`;
const PERSON_FIELDS = `id organisationId schoolId fullName email locale active createdAt updatedAt protectedIdentity pseudonym school { id name }`;
const ANALYSIS_FIELDS = `id roundId cohortId authorId schoolId status publishedVersion firstPublishedAt lastPublishedAt
  createdAt updatedAt publishedLate draft { revision } current { version }
  round { ${ROUND_FIELDS} } author { ${PERSON_FIELDS} }`;
const ASSIGNMENT_FIELDS = `id roundId cohortId analysisId reviewerId kind source done completedAt cancelledAt dueAt
  createdAt updatedAt reasons { code message }`;

const TASKS = `query($cohortId: ID, $done: Boolean) {
  myReviewTasks(cohortId: $cohortId, done: $done) {
    ${ASSIGNMENT_FIELDS}
    round { ${ROUND_FIELDS} }
    analysis { ${ANALYSIS_FIELDS} }
  }
}`;
const ANALYSIS = `query($id: ID!) { analysis(id: $id) { ${ANALYSIS_FIELDS} } }`;
const ROUND_ASSIGNMENTS = `query($id: ID!) { analysisRound(id: $id) { assignments { ${ASSIGNMENT_FIELDS} } } }`;
const MARK = `mutation($p: ID!) { setProtectedIdentity(personId: $p, protected: true) { id pseudonym } }`;

interface Task {
  id: string;
  analysisId: string;
  roundId: string;
  dueAt: string;
  round: { id: string; feedbackDeadline: string };
  analysis: { id: string; round: unknown; author: { id: string; fullName: string } } | null;
}

/**
 * Issue 13: a reviewer's tasks are read in one statement with what the list shows (each task's
 * round, its analysis without the working copy's answers, and the analysis's author), not with a
 * statement per kind after it; the answer is the one the per-field loaders give, protected
 * authors still go by their pseudonym, and the statements do not grow with the number of tasks.
 */
describe('review tasks, read with what the list shows', () => {
  let api: TestApi;
  let maria: GqlClient;
  let sara: GqlClient;
  const statements = new StatementCount();

  beforeAll(async () => {
    statements.install();
    api = await startTestApi();
    await seedDemoActivity(api.db);
    [maria, sara] = await Promise.all([api.signedIn(MARIA), api.signedIn('sara.lindqvist@larkby.example')]);
  });
  afterAll(async () => {
    statements.restore();
    await api.close();
  });

  it('answers each task as reading its round, analysis and author one by one does', async () => {
    for (const client of [sara, maria]) {
      const { myReviewTasks: tasks } = await client.ok<{ myReviewTasks: (Task & Record<string, unknown>)[] }>(
        TASKS,
        { cohortId: SEEDED },
      );
      expect(tasks.length).toBeGreaterThan(1);
      for (const task of tasks) {
        expect(task.round.id).toBe(task.roundId);
        expect(task.dueAt).toBe(task.round.feedbackDeadline);
        expect(task.analysis?.id).toBe(task.analysisId);
        const { analysis } = await client.ok(ANALYSIS, { id: task.analysisId });
        expect(task.analysis).toEqual(analysis);
        expect(task.analysis?.round).toEqual(task.round);
      }
    }
    // The assignments themselves, beside the round's list (course leaders), read by TypeORM's find.
    const { myReviewTasks: mine } = await maria.ok<{ myReviewTasks: (Task & Record<string, unknown>)[] }>(
      TASKS,
      { cohortId: SEEDED },
    );
    for (const roundId of new Set(mine.map((t) => t.roundId))) {
      const { analysisRound } = await maria.ok(ROUND_ASSIGNMENTS, { id: roundId });
      const byId = new Map(analysisRound.assignments.map((a: { id: string }) => [a.id, a]));
      for (const task of mine.filter((t) => t.roundId === roundId)) {
        const { round: _round, analysis: _analysis, ...own } = task;
        expect(own).toEqual(byId.get(task.id));
      }
    }
  });

  it('sends as many statements for many tasks as for few, none per analysis, round or person', async () => {
    const counted = async (client: GqlClient, query: string, variables: Record<string, unknown>) => {
      let count = 0;
      const sent = await statements.during(async () => {
        const data = await client.ok<{ myReviewTasks: unknown[] }>(query, variables);
        count = data.myReviewTasks.length;
      });
      return { sent, count };
    };
    // Once first: a session not used for a minute is touched (one more statement).
    await maria.ok(REVIEW_TASKS, { cohortId: SEEDED });
    const before = await counted(maria, REVIEW_TASKS, { cohortId: SEEDED });
    const openBefore = await counted(maria, OPEN_TASKS, { cohortId: SEEDED });
    // Round 3's allocation gives the course leaders a task on each of its analyses.
    await maria.ok(APPLY, { roundId: DEMO_IDS.round(3) });
    const after = await counted(maria, REVIEW_TASKS, { cohortId: SEEDED });
    const openAfter = await counted(maria, OPEN_TASKS, { cohortId: SEEDED });
    expect(after.count).toBeGreaterThan(before.count);
    expect(openAfter.count).toBeGreaterThan(openBefore.count);
    expect(after.sent).toHaveLength(before.sent.length);
    expect(openAfter.sent).toHaveLength(openBefore.sent.length);
    for (const { sent } of [after, openAfter]) {
      expect(sent.filter((s) => /\bFROM "?review_assignment\b/.test(s))).toHaveLength(1);
      // No statement of its own for the tasks' analyses, rounds or authors.
      expect(sent.filter((s) => /FROM "(analysis|analysis_round|person)"/.test(s))).toEqual([]);
    }
  });

  it('shows a protected author by pseudonym to a peer and by name to a course leader', async () => {
    // A peer task, an open one if there is (round 3's, allocated above), and its reviewer.
    const [task] = await api.db.query(
      `SELECT ra.analysis_id, ra.completed_at IS NULL AS open, a.author_id, p.email AS reviewer_email
         FROM review_assignment ra JOIN analysis a ON a.id = ra.analysis_id JOIN person p ON p.id = ra.reviewer_id
        WHERE ra.cohort_id = $1 AND ra.kind = 'PEER' AND ra.cancelled_at IS NULL
        ORDER BY ra.completed_at IS NULL DESC, ra.id LIMIT 1`,
      [SEEDED],
    );
    expect(task).toBeDefined();
    const [author] = await api.db.query(`SELECT full_name FROM person WHERE id = $1`, [task.author_id]);
    const admin = await api.signedIn(ADMIN);
    const { setProtectedIdentity: marked } = await admin.ok(MARK, { p: task.author_id });
    expect(marked.pseudonym).toMatch(/^Deltagare /);

    const peer = await api.signedIn(task.reviewer_email);
    for (const query of task.open ? [REVIEW_TASKS, OPEN_TASKS] : [REVIEW_TASKS]) {
      const { myReviewTasks } = await peer.ok<{ myReviewTasks: Task[] }>(query, { cohortId: SEEDED });
      const on = myReviewTasks.find((t) => t.analysis?.id === task.analysis_id);
      expect(on?.analysis?.author.fullName).toBe(marked.pseudonym);
      expect(JSON.stringify(myReviewTasks)).not.toContain(author.full_name);

      const leader = await maria.ok<{ myReviewTasks: Task[] }>(query, { cohortId: SEEDED });
      const led = leader.myReviewTasks.find((t) => t.analysis?.id === task.analysis_id);
      expect(led?.analysis?.author.fullName).toBe(author.full_name);
    }
  });
});
