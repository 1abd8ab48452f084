import { DataSource as TypeOrmDataSource } from 'typeorm';
import type { DataSource } from 'typeorm';
import { DEMO_IDS, seedDemoActivity } from '@stl/api/data-access-db';
import { OutboxService, SendTimeCheck } from '@stl/api/feature-notification';
import type { NotificationDraft, Verdict } from '@stl/api/feature-notification';
import { demoTeacher, testDraft } from './support/mail-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const T = demoTeacher;

interface Assignment {
  id: string;
  round_id: string;
  reviewer_id: string;
  analysis_id: string;
}

/**
 * The worker reads a batch's rows and the facts of their send-time checks in one statement
 * (issue 16). Its verdicts must be the ones the message-by-message check gives, each fact read
 * on its own, for every reason a message stops being sent while it waits.
 */
describe('the send-time check of a batch, read in one statement', () => {
  let api: TestApi;
  let appDb: DataSource;
  let outbox: OutboxService;
  let check: SendTimeCheck;

  beforeAll(async () => {
    // No workers: the messages stay PENDING for the check to read.
    api = await startTestApi();
    // Published analyses and critical friends' assignments (some done) in rounds 1–3; round 4,
    // which testDraft reminds of, stays unpublished.
    await seedDemoActivity(api.db);
    appDb = api.app.get(TypeOrmDataSource);
    outbox = api.app.get(OutboxService);
    check = api.app.get(SendTimeCheck);
  });
  afterAll(() => api.close());

  const feedbackDue = (key: string, reviewer: string, assignments: Assignment[]): NotificationDraft => ({
    idempotencyKey: key,
    kind: 'FEEDBACK_DUE_48H',
    recipientId: reviewer,
    refs: {
      cohortId: DEMO_IDS.cohort,
      roundId: assignments[0].round_id,
      assignmentIds: assignments.map((a) => a.id),
    },
    data: {
      cohortId: DEMO_IDS.cohort,
      cohortName: 'STL Lärkby 2026/27',
      roundId: assignments[0].round_id,
      roundNumber: 1,
      feedbackDueAt: '2026-11-29T12:00:00Z',
      reviews: assignments.map((a) => ({
        assignmentId: a.id,
        analysisId: a.analysis_id,
        authorName: 'Någon',
        analysisTitle: 'En analys',
      })),
    },
  });

  it('gives every message the verdict the message-by-message check gives', async () => {
    // Two live assignments of one reviewer: one done, one still open.
    const [open]: Assignment[] = await api.db.query(
      `SELECT id, round_id, reviewer_id, analysis_id FROM review_assignment
        WHERE cancelled_at IS NULL AND completed_at IS NULL AND cohort_id = $1 ORDER BY id LIMIT 1`,
      [DEMO_IDS.cohort],
    );
    const [done]: Assignment[] = await api.db.query(
      `SELECT id, round_id, reviewer_id, analysis_id FROM review_assignment
        WHERE cancelled_at IS NULL AND completed_at IS NOT NULL AND cohort_id = $1 ORDER BY id LIMIT 1`,
      [DEMO_IDS.cohort],
    );
    const [published]: { round_id: string; author_id: string }[] = await api.db.query(
      `SELECT round_id, author_id FROM analysis WHERE status = 'PUBLISHED' AND cohort_id = $1 ORDER BY id LIMIT 1`,
      [DEMO_IDS.cohort],
    );
    expect(open && done && published).toBeTruthy();
    const drafts: NotificationDraft[] = [
      testDraft('C:relevant', T(0)),
      testDraft('C:inactive', T(1)),
      testDraft('C:opted-out', T(2)),
      testDraft('C:left', T(3)),
      {
        ...testDraft('C:published', published.author_id),
        refs: { cohortId: DEMO_IDS.cohort, roundId: published.round_id },
      },
      feedbackDue('C:one-open', open.reviewer_id, [open, done]),
      feedbackDue('C:all-done', done.reviewer_id, [done]),
      { ...testDraft('C:no-cohort', T(4)), refs: { roundId: DEMO_IDS.round(4) } },
      testDraft('C:sent', T(5)),
    ];
    const results = await appDb.transaction((m) => outbox.enqueueMany(m, drafts));
    expect(results.map((r) => r.outcome)).toEqual(drafts.map(() => 'QUEUED'));
    const ids = new Map(results.map((r) => [r.idempotencyKey, r.id as string]));
    // What changed while the messages waited.
    await api.db.query(`UPDATE person SET active = false WHERE id = $1`, [T(1)]);
    await api.db.query(
      `INSERT INTO notification_preference (person_id, disabled_kinds) VALUES ($1, '{SUBMISSION_DUE_48H}')
       ON CONFLICT (person_id) DO UPDATE SET disabled_kinds = EXCLUDED.disabled_kinds`,
      [T(2)],
    );
    await api.db.query(
      `UPDATE cohort_membership SET left_at = now() WHERE cohort_id = $1 AND person_id = $2`,
      [DEMO_IDS.cohort, T(3)],
    );
    await api.db.query(`UPDATE outbox_message SET status = 'SENT' WHERE id = $1`, [ids.get('C:sent')]);

    const { msgs, verdicts } = await check.readPending([...ids.values()]);

    // Only PENDING rows are read; each carries what delivery needs.
    expect(msgs.map((m) => m.idempotencyKey).sort()).toEqual(
      drafts
        .map((d) => d.idempotencyKey)
        .filter((k) => k !== 'C:sent')
        .sort(),
    );
    const one = msgs.find((m) => m.idempotencyKey === 'C:relevant');
    expect(one).toMatchObject({ kind: 'SUBMISSION_DUE_48H', recipientId: T(0), replyTo: null });
    expect(one?.createdAt).toBeInstanceOf(Date);
    const verdictOf = (key: string): Verdict | undefined => verdicts.get(ids.get(key) as string);
    const reasonOf = (key: string) => {
      const v = verdictOf(key);
      return v?.send ? 'send' : v?.reason;
    };
    expect(Object.fromEntries(drafts.map((d) => [d.idempotencyKey, reasonOf(d.idempotencyKey)]))).toEqual({
      'C:relevant': 'send',
      'C:inactive': 'The recipient has no active account.',
      'C:opted-out': 'The recipient turned this kind of mail off.',
      'C:left': 'The recipient is no longer in the cohort.',
      'C:published': 'The analysis has been published.',
      'C:one-open': 'send',
      'C:all-done': 'The feedback was given or the assignments were cancelled.',
      'C:no-cohort': 'The recipient is no longer in the cohort.',
      'C:sent': undefined,
    });
    // A list keeps only the items still open.
    const oneOpen = verdictOf('C:one-open');
    expect(oneOpen?.send && (oneOpen.data as { reviews: { assignmentId: string }[] }).reviews).toEqual([
      expect.objectContaining({ assignmentId: open.id }),
    ]);
    expect(verdictOf('C:relevant')).toMatchObject({
      send: true,
      recipient: { id: T(0), email: 'sara.lindqvist@larkby.example', fullName: 'Sara Lindqvist' },
    });
    // The same verdicts as each message checked on its own, with its own queries.
    for (const msg of msgs) expect(await check.check(msg)).toEqual(verdicts.get(msg.id));
  });

  it('reads nothing for no ids', async () => {
    await expect(check.readPending([])).resolves.toEqual({ msgs: [], verdicts: new Map() });
  });
});
