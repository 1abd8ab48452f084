import {
  CohortEntity,
  CohortStatus,
  DEMO_IDS,
  NotificationPreferenceEntity,
  OutboxMessageEntity,
  OutboxStatus,
  PersonEntity,
  ReviewAssignmentEntity,
  ReviewerKind,
} from '@stl/api/data-access-db';
import type { OutboxRefs } from '@stl/api/data-access-db';
import { SendTimeCheck } from '@stl/api/feature-notification';
import { MailKind } from '@stl/mail/util-templates';
import { publishDirectly } from './support/publish-directly';
import { APPLY, COHORT, LEADER_EMAILS, LEADER_IDS, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const REKTOR_EKBACKE = DEMO_IDS.person(10);

/**
 * The send-time check asks the database, right before a mail goes, whether it still makes sense.
 * Each kind's question against real rows: yes while the fact holds, no once it changed.
 */
describe('SendTimeCheck (what a mail asks the database before it is sent)', () => {
  let api: TestApi;
  let check: SendTimeCheck;
  let people: Participant[];
  let sara: Participant;

  const message = (kind: MailKind, recipientId: string, refs: OutboxRefs, payload: object = {}) =>
    ({ id: 'x', kind, recipientId, refs, payload }) as unknown as OutboxMessageEntity;
  const sends = async (msg: OutboxMessageEntity) => (await check.check(msg)).send;

  beforeAll(async () => {
    api = await startTestApi();
    check = new SendTimeCheck(api.db);
    people = await seededParticipants(api.db);
    sara = people[0] as Participant;
  });
  afterAll(() => api.close());

  it('names the recipient as stored, and stops for an inactive account or a kind turned off', async () => {
    const msg = message(MailKind.MEETING_TOMORROW, sara.id, {
      cohortId: COHORT,
      meetingId: DEMO_IDS.meeting(1),
    });
    const verdict = await check.check(msg);
    expect(verdict).toMatchObject({
      send: true,
      recipient: { id: sara.id, fullName: sara.fullName, email: sara.email },
    });

    await api.db.getRepository(NotificationPreferenceEntity).insert({
      personId: sara.id,
      disabledKinds: [MailKind.MEETING_TOMORROW],
    });
    expect(await sends(msg)).toBe(false);
    await api.db.getRepository(NotificationPreferenceEntity).delete({ personId: sara.id });

    await api.db.getRepository(PersonEntity).update(sara.id, { active: false });
    expect(await sends(msg)).toBe(false);
    await api.db.getRepository(PersonEntity).update(sara.id, { active: true });
    expect(await sends(msg)).toBe(true);
  });

  it('sends a meeting reminder only for a meeting that exists', async () => {
    expect(await sends(message(MailKind.MEETING_TOMORROW, sara.id, { cohortId: COHORT }))).toBe(false);
    const gone = message(MailKind.MEETING_TOMORROW, sara.id, {
      cohortId: COHORT,
      meetingId: DEMO_IDS.round(1),
    });
    expect(await sends(gone)).toBe(false);
  });

  it('sends only to members of a running cohort, in the role the kind is for', async () => {
    const weekly = (to: string) => message(MailKind.WEEKLY_LEADER_SUMMARY, to, { cohortId: COHORT });
    expect(await sends(weekly(LEADER_IDS[0]))).toBe(true);
    expect(await sends(weekly(sara.id))).toBe(false);
    expect(await sends(message(MailKind.WEEKLY_LEADER_SUMMARY, LEADER_IDS[0], {}))).toBe(false);
    await api.db.getRepository(CohortEntity).update(COHORT, { status: CohortStatus.COMPLETED });
    try {
      expect(await sends(weekly(LEADER_IDS[0]))).toBe(false);
    } finally {
      await api.db.getRepository(CohortEntity).update(COHORT, { status: CohortStatus.OPEN });
    }
  });

  it('sends the welcome mail only to a participant still in the open cohort', async () => {
    const welcome = (to: string) => message(MailKind.COHORT_WELCOME, to, { cohortId: COHORT });
    expect(await sends(welcome(sara.id))).toBe(true);
    expect(await sends(welcome(LEADER_IDS[0]))).toBe(false);
    await api.db.query(
      `UPDATE cohort_membership SET left_at = now() WHERE cohort_id = $1 AND person_id = $2`,
      [COHORT, sara.id],
    );
    try {
      expect(await sends(welcome(sara.id))).toBe(false);
    } finally {
      await api.db.query(
        `UPDATE cohort_membership SET left_at = NULL WHERE cohort_id = $1 AND person_id = $2`,
        [COHORT, sara.id],
      );
    }
  });

  it('sends a school summary only to who still leads that school', async () => {
    const summary = (schoolId?: string) =>
      message(MailKind.SCHOOL_LEADER_SUMMARY, REKTOR_EKBACKE, schoolId ? { schoolId } : {});
    expect(await sends(summary(DEMO_IDS.school(1)))).toBe(true);
    expect(await sends(summary(DEMO_IDS.school(2)))).toBe(false);
    expect(await sends(summary())).toBe(false);
  });

  it('stops submission reminders once the analysis is published', async () => {
    const due = message(MailKind.SUBMISSION_DUE_48H, sara.id, {
      cohortId: COHORT,
      roundId: DEMO_IDS.round(1),
    });
    expect(await sends(due)).toBe(true);
    expect(await sends(message(MailKind.SUBMISSION_DUE_48H, sara.id, { cohortId: COHORT }))).toBe(true);
    await publishDirectly(
      api.db,
      DEMO_IDS.round(1),
      people.map((p) => p.id),
    );
    expect(await sends(due)).toBe(false);
  });

  it('keeps only the review tasks still open, and a digest only what is still relevant', async () => {
    const maria = await api.signedIn(LEADER_EMAILS[0]);
    await maria.ok(APPLY, { roundId: DEMO_IDS.round(1) });
    const tasks = await api.db.getRepository(ReviewAssignmentEntity).find({
      where: { reviewerId: sara.id, roundId: DEMO_IDS.round(1), kind: ReviewerKind.PEER },
    });
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    const [done, open] = tasks as [ReviewAssignmentEntity, ReviewAssignmentEntity];
    await api.db.getRepository(ReviewAssignmentEntity).update(done.id, { completedAt: new Date() });

    const reviews = tasks.map((t) => ({ assignmentId: t.id }));
    const refs = { cohortId: COHORT, assignmentIds: tasks.map((t) => t.id) };
    const verdict = await check.check(message(MailKind.FEEDBACK_DUE_48H, sara.id, refs, { reviews }));
    expect(verdict.send && (verdict.data as { reviews: unknown[] }).reviews).toEqual(
      reviews.filter((r) => r.assignmentId !== done.id),
    );
    expect(
      await sends(message(MailKind.REVIEW_ASSIGNED, sara.id, { ...refs, assignmentIds: [done.id] })),
    ).toBe(false);
    // A finished task still belongs to a published analysis; a cancelled one does not.
    expect(
      await sends(message(MailKind.ANALYSIS_PUBLISHED, sara.id, { ...refs, assignmentIds: [done.id] })),
    ).toBe(true);
    await api.db.getRepository(ReviewAssignmentEntity).update(done.id, { cancelledAt: new Date() });
    expect(
      await sends(message(MailKind.ANALYSIS_PUBLISHED, sara.id, { ...refs, assignmentIds: [done.id] })),
    ).toBe(false);
    expect(await sends(message(MailKind.FEEDBACK_RECEIVED, sara.id, { cohortId: COHORT }))).toBe(false);

    const base = {
      organisationId: DEMO_IDS.organisation,
      recipientId: sara.id,
      toAddress: sara.email,
      locale: 'sv',
      status: OutboxStatus.DIGESTED,
    };
    const inserted = await api.db.getRepository(OutboxMessageEntity).save([
      {
        ...base,
        idempotencyKey: 'digest-item-1',
        kind: MailKind.REVIEW_ASSIGNED,
        payload: { n: 1 },
        refs: { cohortId: COHORT, assignmentIds: [open.id] },
      },
      {
        ...base,
        idempotencyKey: 'digest-item-2',
        kind: MailKind.REVIEW_ASSIGNED,
        payload: { n: 2 },
        refs: { cohortId: COHORT, assignmentIds: [done.id] },
      },
    ]);
    const digest = await check.check(
      message(MailKind.DIGEST, sara.id, { itemIds: inserted.map((m) => m.id) }, { date: '2026-12-06' }),
    );
    expect(digest.send && digest.data).toEqual({
      date: '2026-12-06',
      items: [{ kind: MailKind.REVIEW_ASSIGNED, data: { n: 1 } }],
    });
    expect(await sends(message(MailKind.DIGEST, sara.id, {}, { date: '2026-12-06' }))).toBe(false);
  });
});
