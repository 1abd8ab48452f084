import { randomUUID } from 'node:crypto';
import { seedDemoActivity } from '@stl/api/data-access-db';
import { RetentionJob } from '@stl/api/feature-privacy';
import { ADMIN, MARIA, ORG, SARA, SEEDED, addOrganisation, addPerson } from './cohort.fixtures';
import { TINY_PDF, upload } from './support/attachment-fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const SET = `mutation($input: SetRetentionScheduleInput!) {
  setRetentionSchedule(input: $input) { rules { kind months countsFrom minMonths maxMonths } } }`;
const PROGRESS = `query($c: ID!) { cohortProgress(cohortId: $c, first: 100) { totalCount nodes {
  person { id } completed publishedCount completeCount tasksDone tasksTotal meetingsAttended meetingsHeld
  rounds { roundId analysisStatus published peerFeedbackCount leaderFeedback tasksDone tasksTotal }
} } }`;

describe('the retention schedule and its job, on a seeded archive (issue 12)', () => {
  let api: TestApi;
  let admin: GqlClient;
  let job: RetentionJob;
  let progressBefore: any;
  /** Another organisation, with no schedule: its old mail log must stay. */
  let norrby: string;
  const q = <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => api.db.query(sql, params);
  const count = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0].n as number;
  /** Every row of the tables the job may touch, as text: a second run must leave it as it is. */
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all(
        [
          'analysis',
          'analysis_version',
          'feedback',
          'feedback_comment',
          'attachment',
          'attendance',
          'outbox_message',
          'privacy_log',
          'audit_event',
        ].map((t) =>
          q(`SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS h, count(*) AS n FROM ${t} x`),
        ),
      ),
    );

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoActivity(api.db);
    job = api.app.get(RetentionJob);
    admin = await api.signedIn(ADMIN);
    const sara = await api.signedIn(SARA);
    const [{ id: saraId }] = await q(`SELECT id FROM person WHERE email = $1`, [SARA]);
    const [feedback] = await q(
      `SELECT f.id FROM feedback f JOIN analysis a ON a.id = f.analysis_id WHERE a.author_id = $1 LIMIT 1`,
      [saraId],
    );
    await sara.ok(
      `mutation($f: ID!) { replyToFeedback(feedbackId: $f, body: "Tack, det hjälper mig framåt.") { id } }`,
      {
        f: feedback.id,
      },
    );
    const [latest] = await q(
      `SELECT a.id FROM analysis a JOIN analysis_round r ON r.id = a.round_id WHERE a.author_id = $1 ORDER BY r.number DESC LIMIT 1`,
      [saraId],
    );
    expect(
      (
        await upload(
          api.url,
          sara.sessionCookie,
          { analysisId: latest.id, section: 'goals' },
          { bytes: TINY_PDF, name: 'a.pdf' },
        )
      ).status,
    ).toBe(201);
    progressBefore = await (await api.signedIn(MARIA)).ok(PROGRESS, { c: SEEDED });
    // The course ended and was archived 30 months ago.
    await q(
      `UPDATE cohort SET status = 'ARCHIVED', completed_at = now() - interval '31 months', archived_at = now() - interval '30 months' WHERE id = $1`,
      [SEEDED],
    );
    // A mail log: sent 13 months ago, sent last month, failed 13 months ago.
    for (const [status, age] of [
      ['SENT', '13 months'],
      ['SENT', '1 month'],
      ['FAILED', '13 months'],
    ])
      await q(
        `INSERT INTO outbox_message (idempotency_key, kind, organisation_id, recipient_id, to_address, locale, payload, status, sent_at, created_at, updated_at)
         VALUES ($1, 'NUDGE', $2, $3, $4, 'sv', '{}', $5::varchar, CASE WHEN $5::varchar = 'SENT' THEN now() - $6::interval END, now() - $6::interval, now() - $6::interval)`,
        [`test:${randomUUID()}`, ORG, saraId, SARA, status, age],
      );
    norrby = (await addOrganisation(api.db, 'Norrby kommun', 'norrby')).id;
    const nora = await addPerson(api.db, {
      organisationId: norrby,
      email: 'nora@norrby.example',
      fullName: 'Nora Norrby',
      roles: ['TEACHER'],
    });
    await q(
      `INSERT INTO outbox_message (idempotency_key, kind, organisation_id, recipient_id, to_address, locale, payload, status, sent_at, created_at, updated_at)
       VALUES ($1, 'NUDGE', $2, $3, 'nora@norrby.example', 'sv', '{}', 'SENT', now() - interval '40 months', now() - interval '40 months', now() - interval '40 months')`,
      [`test:${randomUUID()}`, norrby, nora],
    );
  });
  afterAll(() => api.close());

  it('is read and set by administrators only, within each kind’s bounds', async () => {
    const { retentionSchedule } = await admin.ok(
      `query($o: ID!) { retentionSchedule(organisationId: $o) { rules { kind months countsFrom minMonths } } }`,
      { o: ORG },
    );
    expect(retentionSchedule.rules).toEqual([
      { kind: 'PUBLISHED_WORK', months: null, countsFrom: 'COHORT_ARCHIVED', minMonths: 0 },
      { kind: 'ATTENDANCE', months: null, countsFrom: 'COHORT_ARCHIVED', minMonths: 0 },
      { kind: 'MAIL_LOG', months: null, countsFrom: 'MAIL_SENT', minMonths: 1 },
    ]);
    const maria = await api.signedIn(MARIA);
    expect(
      await maria.code(SET, { input: { organisationId: ORG, rules: [{ kind: 'MAIL_LOG', months: 12 }] } }),
    ).toBe('FORBIDDEN');
    const bad = await admin.request(SET, {
      input: {
        organisationId: ORG,
        rules: [
          { kind: 'MAIL_LOG', months: 0 },
          { kind: 'PUBLISHED_WORK', months: -1 },
        ],
      },
    });
    expect(bad.errors?.[0].extensions?.problems?.map((p) => [p.field, p.code])).toEqual([
      ['rules.0.months', 'RETENTION_OUT_OF_RANGE'],
      ['rules.1.months', 'RETENTION_OUT_OF_RANGE'],
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM retention_rule`)).toBe(0);
  });

  it('with nothing set, erases nothing', async () => {
    const before = await snapshot();
    expect(await job.run()).toEqual({ organisations: [] });
    expect(await snapshot()).toBe(before);
  });

  it('erases exactly what the schedule says: old sent mail, not published work still within its period', async () => {
    await admin.ok(SET, {
      input: {
        organisationId: ORG,
        rules: [
          { kind: 'PUBLISHED_WORK', months: 36 },
          { kind: 'MAIL_LOG', months: 12 },
        ],
      },
    });
    const versions = await count(`SELECT count(*)::int AS n FROM analysis_version`);
    expect(await job.run()).toEqual({ organisations: [{ organisationId: ORG, counts: { mail: 1 } }] });
    expect(
      await q(`SELECT status FROM outbox_message WHERE organisation_id = $1 ORDER BY status`, [ORG]),
    ).toEqual([{ status: 'FAILED' }, { status: 'SENT' }]);
    // Another organisation's schedule is its own: none set there, so its mail of 40 months stays.
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_message WHERE organisation_id = $1`, [norrby]),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM analysis_version WHERE answers <> '[]'::jsonb`)).toBe(
      versions,
    );
    const [logged] = await q(
      `SELECT kind, actor_id, subject_id, counts FROM privacy_log WHERE kind = 'RETENTION'`,
    );
    expect(logged).toEqual({ kind: 'RETENTION', actor_id: null, subject_id: null, counts: { mail: 1 } });
    // And in the audit log: an erasure by nobody (the schedule), for the organisation, counts only.
    expect(
      await q(
        `SELECT actor_id, organisation_id, target_type, outcome, details FROM audit_event WHERE kind = 'ERASURE'`,
      ),
    ).toEqual([
      {
        actor_id: null,
        organisation_id: ORG,
        target_type: 'ORGANISATION',
        outcome: 'SUCCESS',
        details: { kinds: ['mail'], rows: 1 },
      },
    ]);
  });

  it('blanks the published work of a cohort archived longer ago, keeps attendance, and the figures stand', async () => {
    await admin.ok(SET, { input: { organisationId: ORG, rules: [{ kind: 'PUBLISHED_WORK', months: 24 }] } });
    const versions = await count(`SELECT count(*)::int AS n FROM analysis_version`);
    const feedback = await count(`SELECT count(*)::int AS n FROM feedback`);
    const attendance = await count(`SELECT count(*)::int AS n FROM attendance`);
    const report = await job.run();
    expect(report.organisations).toHaveLength(1);
    expect(report.organisations[0].counts).toMatchObject({
      analysisVersions: versions,
      feedback,
      replies: 1,
      attachments: 1,
    });
    expect(await count(`SELECT count(*)::int AS n FROM analysis_version WHERE answers <> '[]'::jsonb`)).toBe(
      0,
    );
    expect(await count(`SELECT count(*)::int AS n FROM analysis WHERE draft_answers <> '[]'::jsonb`)).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM feedback WHERE works_well <> '' OR questions <> '' OR next_steps <> ''`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM feedback_comment WHERE body <> ''`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM attachment`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM attendance`)).toBe(attendance);
    expect(await count(`SELECT count(*)::int AS n FROM analysis_version`)).toBe(versions);
    const progressAfter = await (await api.signedIn(MARIA)).ok(PROGRESS, { c: SEEDED });
    expect(progressAfter).toEqual(progressBefore);
    expect(await count(`SELECT count(*)::int AS n FROM privacy_log WHERE kind = 'RETENTION'`)).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE kind = 'ERASURE'`)).toBe(2);
  });

  it('run twice, changes nothing more and logs nothing more', async () => {
    const before = await snapshot();
    expect(await job.run()).toEqual({ organisations: [] });
    expect(await snapshot()).toBe(before);
  });

  it('gives the record of processing from the same schedule', async () => {
    const { recordOfProcessing } = await admin.ok(
      `query($o: ID!) { recordOfProcessing(organisationId: $o) { organisationName sessionHours entries { category erasedOnRequest retention { kind months } } } }`,
      { o: ORG },
    );
    expect(recordOfProcessing.organisationName).toBe('Lärkby kommun');
    const published = recordOfProcessing.entries.find((e: any) => e.category === 'PUBLISHED_WORK');
    expect(published).toEqual({
      category: 'PUBLISHED_WORK',
      erasedOnRequest: false,
      retention: { kind: 'PUBLISHED_WORK', months: 24 },
    });
    expect(
      recordOfProcessing.entries.find((e: any) => e.category === 'ATTENDANCE').retention.months,
    ).toBeNull();
    expect(recordOfProcessing.entries.find((e: any) => e.category === 'SIGN_IN').retention).toBeNull();
    expect(
      await (
        await api.signedIn(MARIA)
      ).code(`query($o: ID!) { recordOfProcessing(organisationId: $o) { organisationName } }`, { o: ORG }),
    ).toBe('FORBIDDEN');
  });

  it('deletes the attendance of the archived cohort once a period is set for it, and nothing else', async () => {
    const attendance = await count(
      `SELECT count(*)::int AS n FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.cohort_id = $1`,
      [SEEDED],
    );
    expect(attendance).toBeGreaterThan(0);
    const outbox = await count(`SELECT count(*)::int AS n FROM outbox_message`);
    const versions = await count(`SELECT count(*)::int AS n FROM analysis_version`);
    // Archived 30 months ago: a 31-month period is not over yet.
    await admin.ok(SET, { input: { organisationId: ORG, rules: [{ kind: 'ATTENDANCE', months: 31 }] } });
    expect(await job.run()).toEqual({ organisations: [] });
    expect(await count(`SELECT count(*)::int AS n FROM attendance`)).toBe(attendance);

    await admin.ok(SET, { input: { organisationId: ORG, rules: [{ kind: 'ATTENDANCE', months: 30 }] } });
    expect(await job.run()).toEqual({ organisations: [{ organisationId: ORG, counts: { attendance } }] });
    expect(await count(`SELECT count(*)::int AS n FROM attendance`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_message`)).toBe(outbox);
    expect(await count(`SELECT count(*)::int AS n FROM analysis_version`)).toBe(versions);
    expect(
      await q(`SELECT counts FROM privacy_log WHERE kind = 'RETENTION' ORDER BY created_at DESC LIMIT 1`),
    ).toEqual([{ counts: { attendance } }]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE kind = 'ERASURE'`)).toBe(3);

    const before = await snapshot();
    expect(await job.run()).toEqual({ organisations: [] });
    expect(await snapshot()).toBe(before);
  });
});
