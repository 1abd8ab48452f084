import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@stl/api/data-access-db';
import { wallClock } from '@stl/shared/domain';
import { GqlClient } from './support/gql-client';
import {
  keyOf,
  outboxRows,
  recipientOf,
  startMailTestApi,
  startSecondApi,
  waitFor,
} from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';
import { COHORT, LEADER_EMAILS, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';

/**
 * Bulk nudging (issue 19): a course leader reminds several participants with one message in one
 * action. All or none; a result per person; the mail has Reply-To the leader (stored at enqueue)
 * and its button opens the participant's oldest overdue task; during the quiet hours the answer
 * says when the mail goes out. Real workers, a real SMTP server, mail read back with mailparser.
 */
const NUDGE_MANY = `mutation($input: NudgeParticipantsInput!) {
  nudgeParticipants(input: $input) { results { personId outcome missingCount sendsAt } sendsAt }
}`;
const NUDGE_ONE = `mutation($input: NudgeParticipantInput!) { nudgeParticipant(input: $input) { personId outcome sendsAt } }`;

type NudgeMany = {
  nudgeParticipants: {
    results: { personId: string; outcome: string; missingCount: number; sendsAt: string | null }[];
    sendsAt: string | null;
  };
};

/** Quiet hours from this minute (Stockholm) until 07:00: "now" is inside them, at any hour but 07:00 itself. */
function quietUntilSevenFromNow(): string {
  const minute = (wallClock(new Date()).minuteOfDay + 1439) % 1440;
  const hm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return `${hm}-07:00`;
}

describe('nudging several participants at once', () => {
  let api: MailTestApi;
  let people: Participant[];
  let maria: GqlClient;
  let quiet: INestApplication | null = null;

  beforeAll(async () => {
    api = await startMailTestApi();
    people = await seededParticipants(api.db);
    maria = await api.signedIn(LEADER_EMAILS[0]);
  });
  afterAll(async () => {
    await quiet?.close();
    await api?.close();
  });

  const nudgeRows = () => outboxRows(api.db, `kind = 'NUDGE'`);

  it('refuses bad lists with typed errors and sends nothing', async () => {
    const base = { cohortId: COHORT, message: 'Hej!' };
    const problems = async (input: Record<string, unknown>) => {
      const r = await maria.request(NUDGE_MANY, { input });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return (r.errors?.[0].extensions?.problems ?? []).map((p) => `${p.field}:${p.code}`);
    };
    expect(await problems({ ...base, personIds: [] })).toContain('personIds:arrayMinSize');
    const many = Array.from({ length: 301 }, () => randomUUID());
    expect(await problems({ ...base, personIds: many })).toContain('personIds:arrayMaxSize');
    expect(await problems({ ...base, personIds: [people[0].id, people[0].id] })).toContain(
      'personIds:arrayUnique',
    );
    // A course leader is no participant: the whole nudge is refused, nobody gets mail.
    expect(await problems({ ...base, personIds: [people[0].id, DEMO_IDS.person(2)] })).toEqual([
      'personIds.1:NOT_A_PARTICIPANT',
    ]);
    const teacher = await api.signedIn(people[5].email);
    expect(await teacher.code(NUDGE_MANY, { input: { ...base, personIds: [people[0].id] } })).toBe(
      'FORBIDDEN',
    );
    expect(await nudgeRows()).toHaveLength(0);
  });

  it('reminds three in one action: Reply-To the leader, the button opens the overdue task', async () => {
    const three = people.slice(8, 11);
    const input = { cohortId: COHORT, personIds: three.map((p) => p.id), message: 'Hej! Hör av dig.' };
    const { nudgeParticipants: first } = await maria.ok<NudgeMany>(NUDGE_MANY, { input });
    expect(first.results.map((r) => [r.personId, r.outcome])).toEqual(three.map((p) => [p.id, 'QUEUED']));
    expect(first.sendsAt).toBeNull();
    // One a day: again, and through the single mutation, nothing more is sent.
    const again = await maria.ok<NudgeMany>(NUDGE_MANY, { input });
    expect(again.nudgeParticipants.results.map((r) => r.outcome)).toEqual(three.map(() => 'ALREADY_TODAY'));
    const one = await maria.ok(NUDGE_ONE, {
      input: { cohortId: COHORT, personId: three[0].id, message: null },
    });
    expect(one.nudgeParticipant).toEqual({ personId: three[0].id, outcome: 'ALREADY_TODAY', sendsAt: null });

    for (const p of three) {
      const mail = await waitFor(
        async () => api.smtp.received.find((m) => keyOf(m).startsWith(`NUDGE:${COHORT}:${p.id}:`)),
        `the nudge to ${p.fullName}`,
      );
      expect(recipientOf(mail)).toBe(p.email);
      expect(mail.parsed.replyTo?.value).toEqual([{ name: 'Maria Berg', address: LEADER_EMAILS[0] }]);
      expect(mail.parsed.text).toContain('Hör av dig.');
      // The oldest round past its submission deadline without their published analysis.
      const [task] = await api.db.query(
        `SELECT r.id FROM analysis_round r WHERE r.cohort_id = $1 AND r.submission_deadline < now()
            AND NOT EXISTS (SELECT 1 FROM analysis a WHERE a.round_id = r.id AND a.author_id = $2 AND a.status = 'PUBLISHED')
          ORDER BY r.number LIMIT 1`,
        [COHORT, p.id],
      );
      const button = task
        ? `/cohorts/${COHORT}/rounds/${task.id}/analysis`
        : /\/cohorts\/[^/]+\/feedback\/analyses\/[^/"]+|\/cohorts\/[^/"]+"/;
      expect(String(mail.parsed.html)).toMatch(button);
    }
    const rows = await api.db.query(`SELECT reply_to FROM outbox_message WHERE kind = 'NUDGE'`);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.reply_to).toEqual({ name: 'Maria Berg', address: LEADER_EMAILS[0] });
  });

  it('says when the mail goes out during the quiet hours (07:00 Stockholm time)', async () => {
    quiet = await startSecondApi(api, { MAIL_QUIET_HOURS: quietUntilSevenFromNow() });
    await quiet.listen(0, '127.0.0.1');
    const leader = new GqlClient(`${await quiet.getUrl()}`.replace('[::1]', '127.0.0.1'));
    await leader.signIn(LEADER_EMAILS[0]);
    const three = people.slice(12, 15);
    const { nudgeParticipants: r } = await leader.ok<NudgeMany>(NUDGE_MANY, {
      input: { cohortId: COHORT, personIds: three.map((p) => p.id), message: null },
    });
    expect(r.results.map((x) => x.outcome)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);
    expect(r.sendsAt).not.toBeNull();
    const sendsAt = new Date(r.sendsAt as string);
    expect(wallClock(sendsAt).minuteOfDay).toBe(7 * 60);
    expect(sendsAt.getTime()).toBeGreaterThan(Date.now());
    expect(sendsAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    for (const x of r.results) expect(x.sendsAt).toBe(r.sendsAt);
    const held = await api.db.query(
      `SELECT not_before, status FROM outbox_message WHERE kind = 'NUDGE' AND recipient_id = ANY($1::uuid[])`,
      [three.map((p) => p.id)],
    );
    expect(held).toHaveLength(3);
    for (const h of held) {
      expect(h.status).toBe('PENDING');
      expect(new Date(h.not_before).toISOString()).toBe(sendsAt.toISOString());
    }
  });
});
