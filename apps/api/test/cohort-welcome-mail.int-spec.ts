import { wallClock } from '@stl/shared/domain';
import { ADMIN, MARIA, SEEDED, TEACHER } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { PUBLIC_WEB_URL, keyOf, outboxRows, settled, startMailTestApi } from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

const COPY = `mutation($input: CopyCohortInput!) { copyCohort(input: $input) { id name } }`;
const ENROL = `mutation($cohortId: ID!, $personIds: [ID!]!) { enrolParticipants(cohortId: $cohortId, personIds: $personIds) { personId } }`;
const WITHDRAW = `mutation($cohortId: ID!, $personId: ID!) { withdrawParticipant(cohortId: $cohortId, personId: $personId) { personId } }`;
const OPEN = `mutation($id: ID!) { openCohort(id: $id) { status } }`;
const READ = `query($id: ID!) {
  cohort(id: $id) {
    meetings { id number title startsAt endsAt location videoUrl }
    rounds { number submissionDeadline }
  }
}`;

/** "14.00": a Stockholm wall-clock time as the Swedish mail writes it. */
const svTime = (iso: string): string => {
  const w = wallClock(new Date(iso));
  return `${String(w.hour).padStart(2, '0')}.${String(w.minute).padStart(2, '0')}`;
};
/** Unfolds RFC 5545 continuation lines. */
const unfold = (ics: string): string => ics.replace(/\r\n[ \t]/g, '');
const icsStamp = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Issue 19: when a cohort opens, each participant gets one welcome mail (the course, its meetings in
 * Stockholm time with a calendar file, the first round's deadline, where to sign in), queued in the
 * opening's transaction; a participant who joins the open cohort gets it too, and nobody twice.
 */
describe('the welcome mail when a cohort opens', () => {
  let api: MailTestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let cohortId: string;
  const welcomeRows = () =>
    outboxRows(api.db, `kind = 'COHORT_WELCOME' AND refs->>'cohortId' = $1`, [cohortId]);
  const welcomes = () => api.smtp.received.filter((m) => keyOf(m).startsWith(`COHORT_WELCOME:${cohortId}:`));

  beforeAll(async () => {
    api = await startMailTestApi();
    [admin, maria] = await Promise.all([api.signedIn(ADMIN), api.signedIn(MARIA)]);
    ({
      copyCohort: { id: cohortId },
    } = await admin.ok(COPY, {
      input: { sourceId: SEEDED, name: 'STL Lärkby välkommen', startsOn: '2027-08-16' },
    }));
  });
  afterAll(() => api.close());

  it('sends nothing while the cohort is being planned', async () => {
    await maria.ok(ENROL, { cohortId, personIds: [TEACHER(0), TEACHER(7)] });
    expect(await welcomeRows()).toEqual([]);
  });

  it('welcomes each participant once when the cohort opens, with every meeting in a calendar file', async () => {
    expect((await maria.ok(OPEN, { id: cohortId })).openCohort.status).toBe('OPEN');
    const rows = await welcomeRows();
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([TEACHER(0), TEACHER(7)].sort());
    await settled(api.appDb);
    const mails = welcomes();
    expect(mails).toHaveLength(2);

    const { cohort } = await maria.ok(READ, { id: cohortId });
    const mail = mails.find((m) => keyOf(m) === `COHORT_WELCOME:${cohortId}:${TEACHER(0)}`);
    const parsed = mail?.parsed;
    expect(parsed?.subject).toBe('Välkommen till STL Lärkby välkommen');
    const text = parsed?.text ?? '';
    expect(text).toContain('Skriva sig till lärande');
    expect(text).toContain('från 16 augusti 2027');
    expect(text).toContain('Maria Berg');
    // Every meeting, at its Stockholm wall-clock time.
    const first = cohort.meetings[0];
    expect(text).toContain(first.title);
    expect(text).toContain(`kl. ${svTime(first.startsAt)}–${svTime(first.endsAt)}`);
    for (const m of cohort.meetings) expect(text).toContain(m.title);
    expect(text).toContain('Alla tider är svensk tid.');
    const round1 = cohort.rounds.find((r: { number: number }) => r.number === 1);
    expect(text).toContain('Analysomgång 1');
    expect(text).toContain(`senast`);
    expect(text).toContain(`kl. ${svTime(round1.submissionDeadline)}`);
    expect(text).toContain(`${PUBLIC_WEB_URL}/sign-in`);
    expect(parsed?.html).toContain(`${PUBLIC_WEB_URL}/cohorts/${cohortId}`);

    expect(parsed?.attachments).toHaveLength(1);
    const ics = parsed?.attachments[0];
    expect(ics?.filename).toBe('traffar.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = unfold(ics?.content.toString('utf8') ?? '');
    expect(calendar.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(cohort.meetings.length);
    for (const m of cohort.meetings) {
      expect(calendar).toContain(`UID:meeting-${m.id}@stl-plattformen`);
      expect(calendar).toContain(`DTSTART:${icsStamp(new Date(m.startsAt).toISOString())}`);
    }
  });

  it('welcomes a participant who joins the open cohort, and nobody a second time', async () => {
    const before = welcomes().length;
    await maria.ok(ENROL, { cohortId, personIds: [TEACHER(0), TEACHER(2)] });
    // Withdrawn and back: the same person, the same key, no second welcome.
    await maria.ok(WITHDRAW, { cohortId, personId: TEACHER(7) });
    await maria.ok(ENROL, { cohortId, personIds: [TEACHER(7)] });
    await settled(api.appDb);
    const rows = await welcomeRows();
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([TEACHER(0), TEACHER(2), TEACHER(7)].sort());
    expect(welcomes()).toHaveLength(before + 1);
    expect(welcomes().filter((m) => keyOf(m) === `COHORT_WELCOME:${cohortId}:${TEACHER(2)}`)).toHaveLength(1);
  });
});
