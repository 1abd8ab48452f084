import type { INestApplication } from '@nestjs/common';
import { DEMO_IDS } from '@stl/api/data-access-db';
import { ReminderPlanner } from '@stl/api/feature-notification';
import type { ReceivedMail } from '@stl/mail/data-access-transport/testing';
import { publishComplete } from './support/analysis-fixtures';
import type { GqlClient } from './support/gql-client';
import {
  PUBLIC_WEB_URL,
  keyOf,
  outboxRows,
  recipientOf,
  settled,
  startMailTestApi,
  startSecondApi,
  waitFor,
} from './support/mail-fixtures';
import type { MailTestApi, OutboxRow } from './support/mail-fixtures';
import { publishDirectly } from './support/publish-directly';
import {
  APPLY,
  COHORT,
  GIVE,
  LEADER_EMAILS,
  feedbackInput,
  seededParticipants,
} from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';

/**
 * Every kind of mail the platform sends, caused the way it is in use: by people's actions through
 * the API (events) and by the reminder tick at chosen moments of the course year, delivered by the
 * real workers to a real SMTP server and read back with mailparser.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ADD_REVIEWER = `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id } }`;
const NUDGE = `mutation($input: NudgeParticipantInput!) { nudgeParticipant(input: $input) { outcome missingCount } }`;
const PREFERENCES = `query { myNotificationPreferences { digestDaily kinds { kind enabled digestible } } }`;

const links = (mail: ReceivedMail): string[] =>
  [...String(mail.parsed.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
const unsubscribeLink = (mail: ReceivedMail): string => {
  const line = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe');
  const url = /<(https?:[^>]+)>/.exec((line?.line ?? '').replace(/\r?\n\s+/g, ''))?.[1];
  if (!url) throw new Error('The mail has no List-Unsubscribe link');
  return url;
};
const mailsOfKind = (api: MailTestApi, kind: string): ReceivedMail[] =>
  api.smtp.received.filter((m) => keyOf(m).startsWith(`${kind}:`));

describe('what people receive, and when', () => {
  let api: MailTestApi;
  let people: Participant[];
  let maria: GqlClient;
  const rounds = new Map<number, { id: string; submission: Date; feedback: Date }>();
  const clients = new Map<string, GqlClient>();
  const as = async (p: Participant): Promise<GqlClient> => {
    let c = clients.get(p.id);
    if (!c) {
      c = await api.signedIn(p.email);
      clients.set(p.id, c);
    }
    return c;
  };
  /** The one mail with this idempotency key, once it has arrived. */
  const arrived = (key: string): Promise<ReceivedMail> =>
    waitFor(async () => api.smtp.received.find((m) => keyOf(m) === key), `the mail ${key}`);

  beforeAll(async () => {
    api = await startMailTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
    const rows: { id: string; number: number; submission_deadline: Date; feedback_deadline: Date }[] =
      await api.db.query(
        `SELECT id, number, submission_deadline, feedback_deadline FROM analysis_round WHERE cohort_id = $1`,
        [COHORT],
      );
    for (const r of rows) {
      rounds.set(r.number, { id: r.id, submission: r.submission_deadline, feedback: r.feedback_deadline });
    }
  });
  afterAll(() => api.close());

  it('tells a critical friend of a new task, the author of new feedback, and the reviewers of a new version', async () => {
    const author = people[0];
    const friend = people.find((p) => p.schoolId !== author.schoolId) as Participant;
    const authorClient = await as(author);
    // The author reads English.
    await authorClient.ok(`mutation($id: ID!) { updatePerson(id: $id, input: { locale: en }) { id } }`, {
      id: author.id,
    });
    const round = rounds.get(1)?.id as string;
    const analysisId = await publishComplete(authorClient, round, 'Skrivande i par');

    const { addReviewer } = await maria.ok(ADD_REVIEWER, { a: analysisId, r: friend.id });
    const assigned = await arrived(`REVIEW_ASSIGNED:${addReviewer.id}`);
    expect(recipientOf(assigned)).toBe(friend.email);
    const authorName = (await api.db.query(`SELECT full_name FROM person WHERE id = $1`, [author.id]))[0]
      .full_name as string;
    expect(assigned.parsed.subject).toBe(`Du är kritisk vän till ${authorName} i analysomgång 1`);
    expect(assigned.parsed.html).toContain('lang="sv"');
    const formUrl = `${PUBLIC_WEB_URL}/cohorts/${COHORT}/feedback/analyses/${analysisId}`;
    expect(links(assigned)).toContain(formUrl);
    expect(assigned.parsed.text).toContain(formUrl);
    expect(unsubscribeLink(assigned)).toMatch(new RegExp(`^${PUBLIC_WEB_URL}/unsubscribe\\?token=v1\\.`));

    const { giveFeedback } = await (
      await as(friend)
    ).ok(GIVE, {
      assignmentId: addReviewer.id,
      input: feedbackInput('Vän'),
    });
    const received = await arrived(`FEEDBACK_RECEIVED:${giveFeedback.id}`);
    expect(recipientOf(received)).toBe(author.email);
    expect(received.parsed.subject).toMatch(/^New feedback on your analysis/);
    expect(received.parsed.html).toContain('lang="en"');
    expect(links(received)).toContain(`${PUBLIC_WEB_URL}/cohorts/${COHORT}/feedback/received/${analysisId}`);

    // A new version: the critical friend hears of it.
    await publishComplete(authorClient, round, 'Skrivande i par, omarbetad');
    const republished = await arrived(`ANALYSIS_PUBLISHED:${analysisId}:v2:${friend.id}`);
    expect(recipientOf(republished)).toBe(friend.email);
    expect(republished.parsed.subject).toMatch(new RegExp(`^${authorName} har publicerat en analys`));
    // The start of the new version, as plain text (issue 18).
    expect(republished.parsed.text).toContain('Så börjar analysen:');
    expect(republished.parsed.text).toContain('Skrivande i par, omarbetad (');
  });

  it('reminds of an unpublished analysis 48 hours before and once overdue: once each, even with two processes ticking at once', async () => {
    const round = rounds.get(2) as { id: string; submission: Date };
    const [done, withdrawn, latePublisher] = [people[1], people[3], people[4]];
    await publishDirectly(api.db, round.id, [done.id]);
    await maria.ok(
      `mutation($c: ID!, $p: ID!) { withdrawParticipant(cohortId: $c, personId: $p) { leftAt } }`,
      {
        c: COHORT,
        p: withdrawn.id,
      },
    );
    const second: INestApplication = await startSecondApi(api, { WORKER_ENABLED: 'false' });
    try {
      const planners = [api.planner, second.get(ReminderPlanner)];
      const soon = new Date(round.submission.getTime() - 24 * HOUR);
      await Promise.all(planners.map((p) => p.tick(soon)));
      // Ticking again later in the same window finds nothing new.
      const again = await Promise.all(planners.map((p) => p.tick(new Date(soon.getTime() + HOUR))));
      expect(again.map((r) => r.outcomes.QUEUED ?? 0)).toEqual([0, 0]);
    } finally {
      await second.close();
    }
    const expected = people.filter((p) => p !== done && p !== withdrawn);
    const rows = await outboxRows(api.db, `kind = 'SUBMISSION_DUE_48H' AND refs->>'roundId' = $1`, [
      round.id,
    ]);
    expect(rows.map((r) => r.recipient_id).sort()).toEqual(expected.map((p) => p.id).sort());
    await settled(api.appDb);
    const mails = mailsOfKind(api, 'SUBMISSION_DUE_48H').filter((m) => keyOf(m).includes(round.id));
    expect(mails.map(recipientOf).sort()).toEqual(expected.map((p) => p.email).sort());
    const one = mails.find((m) => recipientOf(m) === people[2].email) as ReceivedMail;
    expect(one.parsed.subject).toMatch(/^Påminnelse: publicera din analys i analysomgång 2 senast /);
    expect(links(one)).toContain(`${PUBLIC_WEB_URL}/cohorts/${COHORT}/rounds/${round.id}/analysis`);

    // Overdue, with the SMTP server down: the one who publishes meanwhile gets nothing.
    await api.smtp.close();
    await api.planner.tick(new Date(round.submission.getTime() + 25 * HOUR));
    const lateKey = `SUBMISSION_OVERDUE:${round.id}:${latePublisher.id}`;
    const lateRow = async (): Promise<OutboxRow | undefined> =>
      (await outboxRows(api.db, `idempotency_key = $1`, [lateKey]))[0];
    // Not `attempts`: it counts an attempt as it starts, after its send-time check, and the mail may
    // then still wait in the SMTP pool for a connection. Only `last_error` says it is over and failed.
    await waitFor(
      async () => (await lateRow())?.last_error,
      'a failed first attempt while the server is down',
    );
    await publishDirectly(api.db, round.id, [latePublisher.id]);
    // The server stays down until the message has settled: an attempt checked before the publish
    // can only fail, so what becomes of the message is decided by a retry's check, after the publish.
    const late = await waitFor(async () => {
      const row = await lateRow();
      return row && row.status !== 'PENDING' ? row : undefined;
    }, 'the late reminder to settle');
    expect(late).toMatchObject({ status: 'CANCELLED', last_error: 'The analysis has been published.' });
    const smtp = await api.restartSmtp();
    await settled(api.appDb);
    const overdue = smtp.received.filter((m) => keyOf(m).startsWith(`SUBMISSION_OVERDUE:${round.id}:`));
    expect(overdue.map(recipientOf).sort()).toEqual(
      expected
        .filter((p) => p !== latePublisher)
        .map((p) => p.email)
        .sort(),
    );
    // One reader of Swedish (people[0] reads English since the first test; mails arrive in any order).
    const swedish = overdue.find((m) => recipientOf(m) === people[2].email) as ReceivedMail;
    expect(swedish.parsed.subject).toBe('Din analys i analysomgång 2 är försenad');
  });

  it('reminds critical friends before, on and after the deadline, then tells the course leaders instead', async () => {
    const round = rounds.get(3) as { id: string; feedback: Date };
    const active = people.filter((p) => p !== people[3]);
    await publishDirectly(
      api.db,
      round.id,
      active.map((p) => p.id),
    );
    await maria.ok(APPLY, { roundId: round.id });
    const tasks: { id: string; reviewer_id: string; analysis_id: string }[] = await api.db.query(
      `SELECT id, reviewer_id, analysis_id FROM review_assignment
        WHERE round_id = $1 AND kind = 'PEER' AND cancelled_at IS NULL ORDER BY reviewer_id, id`,
      [round.id],
    );
    // Reviewers who read Swedish (the first participant chose English).
    const swedish = tasks.filter((t) => t.reviewer_id !== people[0].id);
    const lazy = swedish[0].reviewer_id;
    const diligent = swedish.find((t) => t.reviewer_id !== lazy)?.reviewer_id as string;
    const emailOf = (id: string) => (people.find((p) => p.id === id) as Participant).email;
    // Each new critical friend was told.
    const assigned = await arrived(`REVIEW_ASSIGNED:${swedish[0].id}`);
    expect(recipientOf(assigned)).toBe(emailOf(lazy));
    // The round is named once, not as "Analys: Analys 3" beside "Analysomgång: 3" (issue 16).
    expect(assigned.parsed.text).not.toMatch(/Analys: Analys 3/);
    expect(assigned.parsed.text).toMatch(/Analysomgång: 3/);

    await api.planner.tick(new Date(round.feedback.getTime() - 30 * HOUR));
    const soon = await arrived(`FEEDBACK_DUE_48H:${round.id}:${lazy}`);
    const lazyTasks = tasks.filter((t) => t.reviewer_id === lazy);
    expect(lazyTasks).toHaveLength(2);
    for (const t of lazyTasks) {
      expect(links(soon)).toContain(`${PUBLIC_WEB_URL}/cohorts/${COHORT}/feedback/analyses/${t.analysis_id}`);
    }
    expect(soon.parsed.subject).toMatch(/^Påminnelse: ge din återkoppling/);

    // One of two done: the reminder on the day lists the other only; who did both gets none.
    const lazyClient = await as(people.find((p) => p.id === lazy) as Participant);
    await lazyClient.ok(GIVE, { assignmentId: lazyTasks[0].id, input: feedbackInput('Halv') });
    const diligentClient = await as(people.find((p) => p.id === diligent) as Participant);
    for (const t of tasks.filter((x) => x.reviewer_id === diligent)) {
      await diligentClient.ok(GIVE, { assignmentId: t.id, input: feedbackInput('Flitig') });
    }
    await api.planner.tick(new Date(round.feedback.getTime() - 2 * HOUR));
    const today = await arrived(`FEEDBACK_DUE_TODAY:${round.id}:${lazy}`);
    expect(today.parsed.subject).toMatch(/^I dag är sista dagen att ge återkoppling/);
    expect(links(today)).toContain(
      `${PUBLIC_WEB_URL}/cohorts/${COHORT}/feedback/analyses/${lazyTasks[1].analysis_id}`,
    );
    expect(links(today)).not.toContain(
      `${PUBLIC_WEB_URL}/cohorts/${COHORT}/feedback/analyses/${lazyTasks[0].analysis_id}`,
    );
    await settled(api.appDb);
    expect(api.smtp.received.some((m) => keyOf(m) === `FEEDBACK_DUE_TODAY:${round.id}:${diligent}`)).toBe(
      false,
    );

    // Overdue: reminders on days 1, 3 and 7, then the leaders are told instead.
    for (const [day, n] of [
      [1, 1],
      [3, 2],
      [7, 3],
    ]) {
      await api.planner.tick(new Date(round.feedback.getTime() + day * DAY + HOUR));
      const overdue = await arrived(`FEEDBACK_OVERDUE:${round.id}:${lazy}:${n}`);
      expect(overdue.parsed.subject).toMatch(/återkoppling i analysomgång 3 är försenad/);
    }
    await api.planner.tick(new Date(round.feedback.getTime() + 10 * DAY + HOUR));
    const leaderIds: string[] = (
      await api.db.query(
        `SELECT person_id FROM cohort_membership WHERE cohort_id = $1 AND role = 'LEADER' AND left_at IS NULL`,
        [COHORT],
      )
    ).map((r: { person_id: string }) => r.person_id);
    expect(leaderIds.length).toBeGreaterThan(0);
    for (const leaderId of leaderIds) {
      const notice = await arrived(`FEEDBACK_OVERDUE_LEADER_NOTICE:${round.id}:${lazy}:${leaderId}`);
      expect(notice.parsed.subject).toMatch(/har inte gett återkoppling/);
      expect(links(notice)).toContain(`${PUBLIC_WEB_URL}/cohorts/${COHORT}/follow-up`);
    }
    await settled(api.appDb);
    expect(
      api.smtp.received.filter((m) => keyOf(m).startsWith(`FEEDBACK_OVERDUE:${round.id}:${lazy}:`)),
    ).toHaveLength(3);
  });

  it('sends the meeting reminder the day before, with a calendar file', async () => {
    const [meeting]: { id: string; starts_at: Date; video_url: string | null; title: string }[] =
      await api.db.query(
        `SELECT id, starts_at, video_url, title FROM meeting WHERE cohort_id = $1 AND number = 4`,
        [COHORT],
      );
    // 10.00 Stockholm the day before (the meeting starts 13.00).
    await api.planner.tick(new Date(meeting.starts_at.getTime() - 27 * HOUR));
    const mail = await arrived(`MEETING_TOMORROW:${meeting.id}:${people[0].id}`);
    expect(mail.parsed.subject).toMatch(/^(I morgon|Tomorrow): (träff|meeting) 4 – /);
    const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const calendar = (ics?.content.toString('utf8') ?? '').replace(/\r\n[ \t]/g, '');
    expect(calendar).toMatch(/BEGIN:VEVENT/);
    const start = meeting.starts_at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(calendar).toContain(`DTSTART:${start}`);
    expect(meeting.video_url).toBeTruthy();
    expect(calendar).toContain(meeting.video_url as string);
    expect(links(mail)).toContain(`${PUBLIC_WEB_URL}/cohorts/${COHORT}`);
    // Every active member, the withdrawn participant not.
    await settled(api.appDb);
    const to = mailsOfKind(api, 'MEETING_TOMORROW')
      .filter((m) => keyOf(m).includes(meeting.id))
      .map(recipientOf);
    expect(to).not.toContain(people[3].email);
    expect(to).toContain(LEADER_EMAILS[0]);
    expect(new Set(to).size).toBe(to.length);
  });

  it('keeps reminders from going out at night: they wait for the morning', async () => {
    const night = await startSecondApi(api, { WORKER_ENABLED: 'false', MAIL_QUIET_HOURS: '21:00-07:00' });
    try {
      const [meeting]: { id: string; starts_at: Date }[] = await api.db.query(
        `SELECT id, starts_at FROM meeting WHERE cohort_id = $1 AND number = 6`,
        [COHORT],
      );
      const round = rounds.get(5) as { id: string; submission: Date };
      // 23.30 Stockholm, a day before round 5's deadline.
      const lateEvening = new Date(round.submission.getTime() - 13.5 * HOUR);
      await night.get(ReminderPlanner).tick(lateEvening);
      const [row] = await outboxRows(api.db, `idempotency_key = $1`, [
        `SUBMISSION_DUE_48H:${round.id}:${people[2].id}`,
      ]);
      expect(row.not_before).toBeInstanceOf(Date);
      const wait = (row.not_before as Date).getTime() - lateEvening.getTime();
      expect(wait).toBeGreaterThan(7 * HOUR);
      expect(wait).toBeLessThanOrEqual(7.5 * HOUR);
      expect(
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(
          row.not_before as Date,
        ),
      ).toBe('07:00');
      // The day-before meeting reminder is not made at night at all.
      await night.get(ReminderPlanner).tick(new Date(meeting.starts_at.getTime() - 14.5 * HOUR));
      expect(
        await outboxRows(api.db, `kind = 'MEETING_TOMORROW' AND refs->>'meetingId' = $1`, [meeting.id]),
      ).toEqual([]);
    } finally {
      await night.close();
    }
  });

  it('sends course leaders a weekly summary and school leaders a monthly one, without analysis text', async () => {
    // Monday 30 November 2026, 08.00 Stockholm: week 49.
    const monday = new Date('2026-11-30T07:00:00Z');
    await api.planner.tick(monday);
    const weekly = await arrived(`WEEKLY_LEADER_SUMMARY:${COHORT}:${DEMO_IDS.person(2)}:2026-W49`);
    expect(recipientOf(weekly)).toBe(LEADER_EMAILS[0]);
    expect(weekly.parsed.subject).toMatch(/Veckosammanfattning vecka 49/);
    expect(weekly.parsed.text).toContain(people[2].fullName);
    expect(links(weekly)).toContain(`${PUBLIC_WEB_URL}/cohorts/${COHORT}/follow-up`);

    // 1 December: the report on November for each school leader.
    await api.planner.tick(new Date('2026-12-01T07:30:00Z'));
    const schoolLeader: { id: string; email: string; school_id: string } = (
      await api.db.query(
        `SELECT p.id, p.email, g.school_id FROM role_grant g JOIN person p ON p.id = g.person_id
          WHERE g.role = 'SCHOOL_LEADER' AND g.school_id = $1`,
        [people[0].schoolId],
      )
    )[0];
    const report = await waitFor(
      async () =>
        api.smtp.received.find((m) =>
          keyOf(m).startsWith(`SCHOOL_LEADER_SUMMARY:${schoolLeader.school_id}:${schoolLeader.id}:2026-11`),
        ),
      'the school leader summary',
    );
    expect(recipientOf(report)).toBe(schoolLeader.email);
    expect(report.parsed.subject).toMatch(/^Lägesrapport för /);
    // November is reported as it is on the calendar: the 1st to the 30th (issue 16).
    expect(report.parsed.text).toContain('1 november 2026 – 30 november 2026');
    // The withdrawn participant is no longer reported on.
    const sameSchool = people.filter((p) => p.schoolId === schoolLeader.school_id && p !== people[3]);
    for (const p of sameSchool) expect(report.parsed.text).toContain(p.fullName);
    for (const p of people.filter((x) => x.schoolId !== schoolLeader.school_id)) {
      expect(report.parsed.text).not.toContain(p.fullName);
    }
    // Analysis text never leaves the platform in a school leader's mail.
    expect(report.parsed.text).not.toMatch(/anonymiserad text|Skrivande i par/);
    expect(links(report)).toContain(`${PUBLIC_WEB_URL}/school`);
  });

  it('turns one kind off with the signed one-click link, without signing in; a forged link changes nothing', async () => {
    const mail = mailsOfKind(api, 'SUBMISSION_OVERDUE').find((m) => recipientOf(m) === people[2].email);
    const link = unsubscribeLink(mail as ReceivedMail).replace(PUBLIC_WEB_URL, api.url.replace(/\/$/, ''));
    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(forged, { method: 'POST' })).status).toBe(400);

    // A GET (a mail scanner following the link) only asks.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form[^>]+method="post"/i);
    const client = await as(people[2]);
    const before = await client.ok(PREFERENCES);
    expect(before.myNotificationPreferences.kinds).toContainEqual(
      expect.objectContaining({ kind: 'SUBMISSION_OVERDUE', enabled: true }),
    );

    const done = await fetch(link, { method: 'POST' });
    expect(done.status).toBe(200);
    const after = await client.ok(PREFERENCES);
    expect(after.myNotificationPreferences.kinds).toContainEqual(
      expect.objectContaining({ kind: 'SUBMISSION_OVERDUE', enabled: false }),
    );
    // Only that kind.
    expect(
      after.myNotificationPreferences.kinds
        .filter((k: { enabled: boolean }) => !k.enabled)
        .map((k: { kind: string }) => k.kind),
    ).toEqual(['SUBMISSION_OVERDUE']);
    // The next such reminder is not even written.
    const round = rounds.get(6) as { id: string; submission: Date };
    await api.planner.tick(new Date(round.submission.getTime() + 25 * HOUR));
    expect(
      await outboxRows(
        api.db,
        `kind = 'SUBMISSION_OVERDUE' AND recipient_id = $1 AND refs->>'roundId' = $2`,
        [people[2].id, round.id],
      ),
    ).toEqual([]);
  });

  it('gathers mail into one daily digest for who chose it', async () => {
    const reader = people[5];
    const client = await as(reader);
    await client.ok(`mutation { setDigestMode(daily: true) { digestDaily } }`);
    const round = rounds.get(1)?.id as string;
    const authors = people.filter((p) => p !== reader && p !== people[3]).slice(0, 2);
    const ids: string[] = [];
    for (const a of authors) {
      const analysisId = await publishComplete(await as(a), round, `Digest ${a.fullName}`);
      const { addReviewer } = await maria.ok(ADD_REVIEWER, { a: analysisId, r: reader.id });
      ids.push(addReviewer.id);
    }
    const held = await outboxRows(api.db, `idempotency_key = ANY($1)`, [
      ids.map((id) => `REVIEW_ASSIGNED:${id}`),
    ]);
    expect(held.map((r) => r.status)).toEqual(['HELD', 'HELD']);
    // The next morning (09.00 or 10.00 Stockholm, whatever the date).
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    await api.planner.tick(new Date(`${tomorrow}T08:00:00Z`));
    const digest = await arrived(`DIGEST:${reader.id}:${tomorrow}`);
    expect(recipientOf(digest)).toBe(reader.email);
    for (const a of authors) expect(digest.parsed.text).toContain(a.fullName);
    await settled(api.appDb);
    expect(api.smtp.received.some((m) => ids.some((id) => keyOf(m) === `REVIEW_ASSIGNED:${id}`))).toBe(false);
  });

  it('lets a course leader nudge a participant: their words and what is missing, at most once a day', async () => {
    const target = people[6];
    const input = {
      cohortId: COHORT,
      personId: target.id,
      message: 'Hej! Vi saknar din analys.\n\nHör av dig.',
    };
    expect(await (await as(people[7])).code(NUDGE, { input })).toBe('FORBIDDEN');
    expect(await maria.code(NUDGE, { input: { ...input, personId: DEMO_IDS.person(2) } })).toBe('NOT_FOUND');
    expect(await maria.code(NUDGE, { input: { ...input, message: 'x'.repeat(2001) } })).toBe(
      'BAD_USER_INPUT',
    );

    const first = await maria.ok(NUDGE, { input });
    expect(first.nudgeParticipant.outcome).toBe('QUEUED');
    expect(first.nudgeParticipant.missingCount).toBeGreaterThan(0);
    expect((await maria.ok(NUDGE, { input })).nudgeParticipant.outcome).toBe('ALREADY_TODAY');

    const mail = await waitFor(
      async () => api.smtp.received.find((m) => keyOf(m).startsWith(`NUDGE:${COHORT}:${target.id}:`)),
      'the nudge',
    );
    expect(recipientOf(mail)).toBe(target.email);
    expect(mail.parsed.subject).toBe('Maria Berg påminner dig om STL Lärkby 2026/27');
    expect(mail.parsed.text).toContain('Vi saknar din analys.');
    expect(mail.parsed.text).toMatch(/Analysen i analysomgång \d är inte publicerad/);
    await settled(api.appDb);
    expect(
      api.smtp.received.filter((m) => keyOf(m).startsWith(`NUDGE:${COHORT}:${target.id}:`)),
    ).toHaveLength(1);
  });
});
