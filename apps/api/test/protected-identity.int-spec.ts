import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import type { DefinitionNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { DEMO_IDS, seedDemoActivity } from '@stl/api/data-access-db';
import { ADMIN, INGRID, MARIA, REKTOR_EKBACKE, SEEDED, TEACHER } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { keyOf, settled, startMailTestApi } from './support/mail-fixtures';
import type { MailTestApi } from './support/mail-fixtures';

/**
 * Issue 12, protected identity (skyddade personuppgifter, ADR 0031). Sara Lindqvist (Ekbackeskolan)
 * is marked as protected in the seeded course under way; then her name and e-mail address appear in
 * no API answer to a peer or a school leader of another school (every query the web app runs), in
 * no mail to someone else (read back from a real SMTP server) and in no export to anyone but an
 * administrator. Those who keep seeing her (administrators, course leaders, her own school leader)
 * are checked too, so the test fails if the walk never reaches her.
 */
const PROTECTED = TEACHER(0);
const REKTOR_SOLVIK = 'rektor.solvik@larkby.example';

const MARK = `mutation($p: ID!, $on: Boolean!) {
  setProtectedIdentity(personId: $p, protected: $on) { id fullName email protectedIdentity }
}`;
/** A walk is some fifty requests; on a busy CI machine that takes longer than one request. */
const WALK_TIMEOUT = 180_000;
const PERSON = `query($id: ID!) { person(id: $id) { id fullName email protectedIdentity } }`;

/** Every query operation of the web app, each with the fragments it uses, ready to send. */
function webQueries(): { name: string; text: string; variables: string[] }[] {
  const dir = join(__dirname, '../../../libs/web/data-access/src/operations');
  const definitions: DefinitionNode[] = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).definitions);
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const used = (node: DefinitionNode, seen = new Set<string>()): Set<string> => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        const fragment = fragments.get(name);
        if (fragment) used(fragment, seen);
      },
    });
    return seen;
  };
  return definitions
    .filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query',
    )
    .map((op) => ({
      name: op.name?.value ?? '',
      text: [op, ...[...used(op)].map((n) => fragments.get(n) as FragmentDefinitionNode)]
        .map(print)
        .join('\n'),
      variables: (op.variableDefinitions ?? []).map((v) => v.variable.name.value),
    }));
}

describe('protected identity (skyddade personuppgifter)', () => {
  let api: MailTestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let ingrid: GqlClient;
  let rektorSolvik: GqlClient;
  let rektorEkbacke: GqlClient;
  let sara: { fullName: string; email: string };
  let analysisId: string;
  let pseudonym: string;

  /** Values for the web's variables; `id` depends on the operation. */
  const variablesFor = (name: string, wanted: string[]): Record<string, unknown> => {
    const ids: Record<string, string> = {
      AdminPerson: PROTECTED,
      AdminTemplate: DEMO_IDS.template,
      ReadAnalysis: analysisId,
      ReceivedFeedbackOnAnalysis: analysisId,
      OperatorOrganisation: DEMO_IDS.organisation,
    };
    const all: Record<string, unknown> = {
      id: ids[name] ?? SEEDED,
      organisationId: DEMO_IDS.organisation,
      cohortId: SEEDED,
      roundId: DEMO_IDS.round(1),
      analysisId,
      authorId: PROTECTED,
      meetingId: DEMO_IDS.meeting(1),
      first: 100,
      includeWithdrawn: true,
      schoolYear: '2026/27',
      token: 'not-a-token',
      input: { email: sara.email },
    };
    return Object.fromEntries(wanted.filter((v) => v in all).map((v) => [v, all[v]]));
  };

  /** Every web query as this client, answers (data and errors) as one text. */
  const walk = async (client: GqlClient): Promise<{ text: string; answered: number }> => {
    const answers: unknown[] = [];
    let answered = 0;
    for (const q of webQueries()) {
      const r = await client.request(q.text, variablesFor(q.name, q.variables));
      if (r.data && !r.errors?.length) answered++;
      answers.push({ op: q.name, ...r });
    }
    answers.push(await client.request(PERSON, { id: PROTECTED }));
    return { text: JSON.stringify(answers), answered };
  };

  const mentions = (text: string, who: { fullName: string; email: string }) => ({
    name: text.includes(who.fullName),
    email: text.toLowerCase().includes(who.email.toLowerCase()),
  });

  beforeAll(async () => {
    api = await startMailTestApi();
    await seedDemoActivity(api.db);
    [sara] = await api.db.query(`SELECT full_name AS "fullName", email FROM person WHERE id = $1`, [
      PROTECTED,
    ]);
    [{ id: analysisId }] = await api.db.query(
      `SELECT id FROM analysis WHERE author_id = $1 AND round_id = $2 AND status = 'PUBLISHED'`,
      [PROTECTED, DEMO_IDS.round(1)],
    );
    [admin, maria, ingrid, rektorSolvik, rektorEkbacke] = await Promise.all(
      [ADMIN, MARIA, INGRID, REKTOR_SOLVIK, REKTOR_EKBACKE].map((e) => api.signedIn(e)),
    );
  });
  afterAll(() => api.close());

  it('only an administrator marks a person, and only administrators see the mark', async () => {
    expect(await maria.code(MARK, { p: PROTECTED, on: true })).toBe('FORBIDDEN');
    expect(await ingrid.code(MARK, { p: TEACHER(6), on: true })).toBe('FORBIDDEN');

    const { setProtectedIdentity: marked } = await admin.ok(MARK, { p: PROTECTED, on: true });
    expect(marked).toEqual({
      id: PROTECTED,
      fullName: sara.fullName,
      email: sara.email,
      protectedIdentity: true,
    });
    const [row] = await api.db.query(`SELECT pseudonym FROM person WHERE id = $1`, [PROTECTED]);
    pseudonym = row.pseudonym;
    expect(pseudonym).toMatch(/^Deltagare [A-Z2-9]{4}$/);

    // Marking again keeps the pseudonym; clearing and marking again too: it is stable.
    await admin.ok(MARK, { p: PROTECTED, on: true });
    await admin.ok(MARK, { p: PROTECTED, on: false });
    await admin.ok(MARK, { p: PROTECTED, on: true });
    expect((await api.db.query(`SELECT pseudonym FROM person WHERE id = $1`, [PROTECTED]))[0].pseudonym).toBe(
      pseudonym,
    );

    // Who sees what of her (the person query, as far as each may look her up).
    expect((await maria.ok(PERSON, { id: PROTECTED })).person).toEqual({
      id: PROTECTED,
      fullName: sara.fullName,
      email: null,
      protectedIdentity: null,
    });
    expect((await rektorEkbacke.ok(PERSON, { id: PROTECTED })).person).toMatchObject({
      fullName: sara.fullName,
      email: null,
      protectedIdentity: null,
    });
    // A course leader cannot confirm her address by searching for it; an administrator can.
    const SEARCH = `query($org: ID!, $s: String!) { people(organisationId: $org, filter: { search: $s }, first: 10) { nodes { id } } }`;
    const search = async (client: GqlClient, s: string) =>
      (await client.ok(SEARCH, { org: DEMO_IDS.organisation, s })).people.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await search(maria, sara.email)).toEqual([]);
    expect(await search(maria, sara.fullName)).toEqual([PROTECTED]);
    expect(await search(admin, sara.email)).toEqual([PROTECTED]);

    const self = await api.signedIn(sara.email);
    expect((await self.ok(PERSON, { id: PROTECTED })).person).toEqual({
      id: PROTECTED,
      fullName: sara.fullName,
      email: sara.email,
      protectedIdentity: null,
    });
  });

  it(
    'a peer sees the pseudonym and never the name or address, in every query the web app runs',
    async () => {
      const { text, answered } = await walk(ingrid);
      expect(answered).toBeGreaterThan(5);
      expect(mentions(text, sara)).toEqual({ name: false, email: false });
      // The walk reached her: her analysis in the shared space, under the pseudonym.
      expect(text).toContain(pseudonym);
      expect(text).not.toContain('protectedIdentity":true');
    },
    WALK_TIMEOUT,
  );

  it(
    'a school leader of another school never sees the name or address',
    async () => {
      const { text, answered } = await walk(rektorSolvik);
      expect(answered).toBeGreaterThan(3);
      expect(mentions(text, sara)).toEqual({ name: false, email: false });
    },
    WALK_TIMEOUT,
  );

  it(
    'her own school leader keeps the name, without the address',
    async () => {
      const { text } = await walk(rektorEkbacke);
      expect(mentions(text, sara)).toEqual({ name: true, email: false });
      expect(text).not.toContain(pseudonym);
    },
    WALK_TIMEOUT,
  );

  it(
    'course leaders keep the name, without the address or the mark',
    async () => {
      const { text } = await walk(maria);
      expect(mentions(text, sara)).toEqual({ name: true, email: false });
      expect(text).not.toContain('protectedIdentity":true');
    },
    WALK_TIMEOUT,
  );

  it(
    'administrators see the name, the address and the mark',
    async () => {
      const { text } = await walk(admin);
      expect(mentions(text, sara)).toEqual({ name: true, email: true });
      expect(text).toContain('protectedIdentity":true');
    },
    WALK_TIMEOUT,
  );

  it('mail to others names her by the pseudonym; a course leader still gets her name', async () => {
    // Her analysis published again: every critical friend and leader with an assignment is told.
    // And feedback she gave: the analysis's author is told who gave it.
    const [given] = await api.db.query(
      `SELECT f.id, a.author_id FROM feedback f JOIN analysis a ON a.id = f.analysis_id
        WHERE f.author_id = $1 ORDER BY f.id LIMIT 1`,
      [PROTECTED],
    );
    expect(given).toBeDefined();
    const before = api.smtp.received.length;
    const reviewers: { reviewer_id: string; email: string; kind: string }[] = await api.db.query(
      `SELECT ra.reviewer_id, p.email, ra.kind FROM review_assignment ra JOIN person p ON p.id = ra.reviewer_id
        WHERE ra.analysis_id = $1 AND ra.cancelled_at IS NULL`,
      [analysisId],
    );
    expect(reviewers.filter((r) => r.kind === 'PEER').length).toBeGreaterThan(0);
    expect(reviewers.filter((r) => r.kind === 'LEADER').length).toBeGreaterThan(0);
    await api.appDb.transaction(async (m) => {
      const [published] = await m.query(
        `SELECT version, answers FROM analysis_version WHERE analysis_id = $1 ORDER BY version DESC LIMIT 1`,
        [analysisId],
      );
      await api.events.analysisPublished(m, {
        analysisId,
        version: published.version,
        answers: Object.fromEntries(published.answers),
      });
      await api.events.feedbackReceived(m, given.id);
    });
    await settled(api.appDb);
    const mails = api.smtp.received.slice(before);
    const raw = (mail: (typeof mails)[number]) =>
      [mail.parsed.subject ?? '', mail.parsed.text ?? '', String(mail.parsed.html ?? '')].join('\n');

    const toPeers = mails.filter((mail) =>
      reviewers.some((r) => r.kind === 'PEER' && mail.envelope.to.includes(r.email)),
    );
    const toLeaders = mails.filter((mail) =>
      reviewers.some((r) => r.kind === 'LEADER' && mail.envelope.to.includes(r.email)),
    );
    const feedbackMail = mails.find((mail) => keyOf(mail) === `FEEDBACK_RECEIVED:${given.id}`);
    expect(toPeers.length).toBeGreaterThan(0);
    expect(feedbackMail).toBeDefined();
    for (const mail of [...toPeers, feedbackMail as (typeof mails)[number]]) {
      expect(mail.envelope.to).not.toContain(sara.email);
      const text = raw(mail);
      const rawText = mail.raw.toString('utf8');
      expect(mentions(text, sara)).toEqual({ name: false, email: false });
      expect(rawText.toLowerCase()).not.toContain(sara.email.toLowerCase());
      expect(text).toContain(pseudonym);
    }
    // The course leaders run the course: their mail names her.
    expect(toLeaders.length).toBeGreaterThan(0);
    for (const mail of toLeaders) expect(raw(mail)).toContain(sara.fullName);
  });

  it('the critical-friend task and the feedback reminder to a peer name her by the pseudonym', async () => {
    // The course leader adds a peer as critical friend on her latest analysis: the task mail, and
    // the reminder 48 hours before the deadline, name the analysis's author as the peer may see her.
    const [latest]: { id: string; round_id: string; feedback_deadline: Date }[] = await api.db.query(
      `SELECT a.id, a.round_id, r.feedback_deadline FROM analysis a JOIN analysis_round r ON r.id = a.round_id
        WHERE a.author_id = $1 AND a.status = 'PUBLISHED' ORDER BY r.number DESC LIMIT 1`,
      [PROTECTED],
    );
    const [peer]: { id: string }[] = await api.db.query(`SELECT id FROM person WHERE email = $1`, [INGRID]);
    const before = api.smtp.received.length;
    const { addReviewer } = await maria.ok(
      `mutation($a: ID!, $r: ID!) { addReviewer(analysisId: $a, reviewerId: $r) { id } }`,
      { a: latest.id, r: peer.id },
    );
    await api.planner.tick(new Date(latest.feedback_deadline.getTime() - 30 * 3_600_000));
    await settled(api.appDb);
    const expected = [`FEEDBACK_DUE_48H:${latest.round_id}:${peer.id}`, `REVIEW_ASSIGNED:${addReviewer.id}`];
    const toPeer = api.smtp.received.slice(before).filter((mail) => expected.includes(keyOf(mail)));
    expect(toPeer.map(keyOf).sort()).toEqual(expected);
    for (const mail of toPeer) {
      expect(mail.envelope.to).toEqual([INGRID]);
      const text = [mail.parsed.subject ?? '', mail.parsed.text ?? '', String(mail.parsed.html ?? '')].join(
        '\n',
      );
      expect(mentions(text, sara)).toEqual({ name: false, email: false });
      expect(mail.raw.toString('utf8').toLowerCase()).not.toContain(sara.email.toLowerCase());
      expect(text).toContain(pseudonym);
    }
  });

  it("a peer's own data export names her by the pseudonym as the giver of feedback", async () => {
    const [given] = await api.db.query(
      `SELECT f.id, p.email FROM feedback f JOIN analysis a ON a.id = f.analysis_id JOIN person p ON p.id = a.author_id
        WHERE f.author_id = $1 AND a.author_id <> $1 ORDER BY f.id LIMIT 1`,
      [PROTECTED],
    );
    const peer = await api.signedIn(given.email);
    const get = (format: string) =>
      fetch(`${api.url}/export/me/data.${format}`, { headers: { cookie: peer.sessionCookie ?? '' } }).then(
        async (r) => {
          expect(r.status).toBe(200);
          return r.text();
        },
      );
    const json = await get('json');
    expect(JSON.parse(json).feedbackReceived.find((f: { id: string }) => f.id === given.id)).toMatchObject({
      from: pseudonym,
    });
    for (const text of [json, await get('html')]) {
      expect(mentions(text, sara)).toEqual({ name: false, email: false });
      expect(text).toContain(pseudonym);
    }
  });

  it('exports leave her out for everyone but administrators, without a trace', async () => {
    const download = (client: GqlClient, file: string) =>
      fetch(`${api.url}/export/cohorts/${SEEDED}/${file}`, {
        headers: client.sessionCookie ? { cookie: client.sessionCookie } : {},
      }).then(async (r) => {
        expect(r.status).toBe(200);
        return r.text();
      });
    for (const file of ['progress.csv', 'attendance.csv']) {
      const byLeader = await download(maria, file);
      expect(mentions(byLeader, sara)).toEqual({ name: false, email: false });
      expect(byLeader).not.toContain(pseudonym);
      // Still the other participants of her school.
      expect(byLeader).toContain('Erik Johansson');

      const byOwnLeader = await download(rektorEkbacke, file);
      expect(byOwnLeader).not.toContain(sara.fullName);
      expect(byOwnLeader).toContain('Erik Johansson');

      const byAdmin = await download(admin, file);
      expect(byAdmin).toContain(sara.fullName);
    }
  });

  it(
    'clearing the mark shows the name to peers again',
    async () => {
      await admin.ok(MARK, { p: PROTECTED, on: false });
      const { text } = await walk(ingrid);
      expect(text).toContain(sara.fullName);
      expect(text).not.toContain(pseudonym);
      await admin.ok(MARK, { p: PROTECTED, on: true });
    },
    WALK_TIMEOUT,
  );
});
