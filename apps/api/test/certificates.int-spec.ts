import { DEMO_IDS } from '@stl/api/data-access-db';
import { LARKBY } from './organisation.fixtures';
import QRCode from 'qrcode';
import { pdfQrModules, pdfText } from './support/pdf-text';
import { publishDirectly } from './support/publish-directly';
import { COHORT, createOutsider, seededParticipants } from './support/review-fixtures';
import type { Participant } from './support/review-fixtures';
import { startTestApi } from './support/test-api';
import type { GqlClient } from './support/gql-client';
import type { TestApi } from './support/test-api';

const ISSUE = `mutation($i: IssueCertificatesInput!) {
  issueCertificates(input: $i) { id code personId personName cohortName schoolYear organisationName meetingsAttended meetingsPlanned analysesCompleted revokedAt }
}`;
const REVOKE = `mutation($id: ID!) { revokeCertificate(certificateId: $id) { id revokedAt } }`;
const LIST = `query($id: ID!) { cohortCertificates(cohortId: $id) { personId name completed certificate { id code revokedAt } } }`;
const MINE = `{ myCertificates { id code cohortName revokedAt } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { valid name course schoolYear organisation } }`;
const PORTFOLIO = `query($id: ID!) {
  myPortfolio(cohortId: $id) {
    cohortName schoolYear organisationName reflection
    entries { number title published version sections { title text } feedback { authorName kind version worksWell replies { body } } }
  }
}`;
const REFLECT = `mutation($id: ID!, $body: String!) { savePortfolioReflection(cohortId: $id, body: $body) { reflection } }`;

/** Sara-like participant A completes; B publishes everything but attends nothing and does not. */
async function completeTheYearFor(api: TestApi, a: Participant, b: Participant): Promise<void> {
  const db = api.db;
  for (let n = 1; n <= 6; n++) await publishDirectly(db, DEMO_IDS.round(n), [a.id, b.id]);
  // A leader (Maria) and a critical friend (B) gave feedback on each of A's analyses.
  for (const [reviewer, kind] of [
    [LARKBY.ids.maria, 'LEADER'],
    [b.id, 'PEER'],
  ] as const) {
    await db.query(
      `WITH made AS (
         INSERT INTO review_assignment (round_id, cohort_id, analysis_id, reviewer_id, kind, source, completed_at)
         SELECT a.round_id, a.cohort_id, a.id, $2, $3, 'MANUAL', now() FROM analysis a WHERE a.author_id = $1
         RETURNING id, analysis_id)
       INSERT INTO feedback (assignment_id, analysis_id, analysis_version_id, author_id, kind, works_well, questions, next_steps)
       SELECT made.id, made.analysis_id, v.id, $2, $3, $4, 'Hur vet du att eleverna förstod?', 'Prova att låta eleverna skriva i par nästa gång.'
         FROM made JOIN analysis_version v ON v.analysis_id = made.analysis_id AND v.version = 1`,
      [
        a.id,
        reviewer,
        kind,
        kind === 'LEADER' ? 'Tydlig planering av lektionen.' : 'Fint exempel från klassrummet.',
      ],
    );
  }
  await db.query(
    `INSERT INTO feedback_comment (feedback_id, author_id, kind, body)
     SELECT f.id, $1, 'REPLY', 'Tack, jag provar det i nästa analys.'
       FROM feedback f JOIN analysis a ON a.id = f.analysis_id JOIN analysis_round r ON r.id = a.round_id
      WHERE a.author_id = $1 AND r.number = 1 AND f.kind = 'LEADER'`,
    [a.id],
  );
  await db.query(
    `INSERT INTO attendance (meeting_id, person_id, status, recorded_by_id)
     SELECT m.id, $1, 'PRESENT', $2 FROM meeting m WHERE m.cohort_id = $3`,
    [a.id, LARKBY.ids.maria, COHORT],
  );
}

async function download(api: TestApi, client: GqlClient | null, path: string): Promise<Response> {
  const cookie = client?.sessionCookie;
  return fetch(`${api.url}${path}`, { headers: cookie ? { cookie } : {} });
}

describe('certificates of completion (issue 14, ADR 0032)', () => {
  let api: TestApi;
  let a: Participant;
  let b: Participant;
  let maria: GqlClient;
  let admin: GqlClient;
  let holder: GqlClient;
  let peer: GqlClient;
  let certificateId: string;
  let code: string;

  beforeAll(async () => {
    api = await startTestApi();
    const people = await seededParticipants(api.db);
    [a, b] = people;
    await completeTheYearFor(api, a, b);
    maria = await api.signedIn(LARKBY.maria);
    admin = await api.signedIn(LARKBY.admin);
    holder = await api.signedIn(a.email);
    peer = await api.signedIn(b.email);
  }, 120_000);
  afterAll(() => api?.close());

  it('are not issued while the cohort is open', async () => {
    const r = await maria.request(ISSUE, { i: { cohortId: COHORT } });
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM completion_certificate`);
    expect(n).toBe(0);
  });

  it('go, in one bulk command, to exactly those the completion rule says completed', async () => {
    await api.db.query(`UPDATE cohort SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [
      COHORT,
    ]);
    const { cohortCertificates: before } = await maria.ok(LIST, { id: COHORT });
    expect(before).toHaveLength(24);
    expect(
      before.filter((r: { completed: boolean }) => r.completed).map((r: { personId: string }) => r.personId),
    ).toEqual([a.id]);

    const { issueCertificates } = await maria.ok(ISSUE, { i: { cohortId: COHORT } });
    expect(issueCertificates).toHaveLength(1);
    expect(issueCertificates[0]).toMatchObject({
      personId: a.id,
      personName: a.fullName,
      schoolYear: '2026/27',
      organisationName: 'Lärkby kommun',
      meetingsAttended: 8,
      meetingsPlanned: 8,
      analysesCompleted: 6,
      revokedAt: null,
    });
    expect(issueCertificates[0].code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    certificateId = issueCertificates[0].id;
    code = issueCertificates[0].code;

    // Again: nobody new has completed, so nothing is issued twice.
    expect((await admin.ok(ISSUE, { i: { cohortId: COHORT } })).issueCertificates).toEqual([]);
    // Naming someone who has not completed is bad input, and writes nothing.
    const refused = await maria.request(ISSUE, { i: { cohortId: COHORT, personIds: [b.id] } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM completion_certificate`);
    expect(n).toBe(1);
    const audit = await api.db.query(
      `SELECT actor_id, target_id, details FROM audit_event WHERE kind = 'CERTIFICATES_ISSUED'`,
    );
    expect(audit).toEqual([{ actor_id: LARKBY.ids.maria, target_id: COHORT, details: { count: 1 } }]);
  });

  it('is a PDF in Swedish with everything it states, for the holder and the course leaders', async () => {
    const { myCertificates } = await holder.ok(MINE);
    expect(myCertificates).toEqual([expect.objectContaining({ id: certificateId, code, revokedAt: null })]);
    for (const who of [holder, maria, admin]) {
      const res = await download(api, who, `/export/certificates/${certificateId}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      const { text, pages } = await pdfText(Buffer.from(await res.arrayBuffer()));
      expect(pages).toBe(1);
      expect(text).toContain('Kursintyg');
      expect(text).toContain(a.fullName);
      expect(text).toContain('Skriva sig till lärande (STL)');
      expect(text).toContain('läsåret 2026/27, anordnad av Lärkby kommun');
      expect(text).toContain('Närvaro 8 av 8 gemensamma träffar');
      expect(text).toContain('Analyser 6 genomförda analyser');
      expect(text).toMatch(/Kursledare (Johan Ek, Maria Berg|Maria Berg, Johan Ek)/);
      expect(text).toContain(`Intygets kod: ${code}`);
      expect(text).toContain(`/intyg/${code.replace(/-/g, '')}`);
    }
  });

  it("carries a QR code of the printed verification address, which holds the certificate's code", async () => {
    const res = await download(api, holder, `/export/certificates/${certificateId}.pdf`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const { text } = await pdfText(bytes);
    const url = /(https?:\/\/\S+\/intyg\/[A-Z0-9]+)\./.exec(text)?.[1];
    expect(url).toMatch(new RegExp(`^https?://[^/]+/intyg/${code.replace(/-/g, '')}$`));
    // The squares drawn are the QR code of exactly that address (a QR of any other text differs).
    const qr = QRCode.create(url ?? '', { errorCorrectionLevel: 'M' });
    const expected = Array.from({ length: qr.modules.size }, (_, row) =>
      Array.from({ length: qr.modules.size }, (_, col) => !!qr.modules.get(row, col)),
    );
    const drawn = await pdfQrModules(bytes);
    expect(drawn).toEqual(expected);
  });

  it('is checked by anyone by its code: a real one is valid, a forged one is not', async () => {
    const anyone = api.client();
    const { verifyCertificate: real } = await anyone.ok(VERIFY, {
      code: code.toLowerCase().replace(/-/g, ' '),
    });
    const [{ name: cohortName }] = await api.db.query(`SELECT name FROM cohort WHERE id = $1`, [COHORT]);
    expect(real).toEqual({
      valid: true,
      name: a.fullName,
      course: cohortName,
      schoolYear: '2026/27',
      organisation: 'Lärkby kommun',
    });
    const forged = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    for (const c of [forged, 'not a code', ''])
      expect((await anyone.ok(VERIFY, { code: c })).verifyCertificate).toEqual({
        valid: false,
        name: null,
        course: null,
        schoolYear: null,
        organisation: null,
      });
  });

  it('shows the pseudonym of a holder with protected identity on the public check', async () => {
    await api.db.query(
      `UPDATE person SET protected_identity = true, pseudonym = 'Deltagare K7M2' WHERE id = $1`,
      [a.id],
    );
    const { verifyCertificate } = await api.client().ok(VERIFY, { code });
    expect(verifyCertificate).toMatchObject({ valid: true, name: 'Deltagare K7M2' });
    await api.db.query(`UPDATE person SET protected_identity = false WHERE id = $1`, [a.id]);
  });

  it('refuses everyone else, for every role', async () => {
    const schoolLeader = await api.signedIn(LARKBY.rektorEkbacke);
    const otherAdmin = await api.signedIn(await createOutsider(api.db));
    // Karin leads another cohort of Lärkby, with a teacher of her own.
    const [other] = await api.db.query(
      `INSERT INTO cohort (organisation_id, name, school_year, starts_on, ends_on, status)
       VALUES ($1, 'STL Lärkby andra gruppen', '2026/27', '2026-08-17', '2027-06-10', 'COMPLETED') RETURNING id`,
      [LARKBY.organisation],
    );
    const [teacher] = await api.db.query(
      `INSERT INTO person (organisation_id, email, full_name, school_id, password_hash)
       SELECT organisation_id, 'annan.larare@larkby.example', 'Annan Lärare', school_id, password_hash FROM person WHERE id = $1 RETURNING id`,
      [b.id],
    );
    await api.db.query(
      `INSERT INTO cohort_membership (cohort_id, person_id, role, school_id) VALUES ($1, $2, 'LEADER', NULL), ($1, $3, 'PARTICIPANT', $4)`,
      [other.id, LARKBY.ids.karin, teacher.id, b.schoolId],
    );
    const otherLeader = await api.signedIn(LARKBY.karin);
    const otherTeacher = await api.signedIn('annan.larare@larkby.example');

    const refusals: Record<string, [GqlClient, string[]]> = {
      'teacher of another cohort': [otherTeacher, ['NOT_FOUND']],
      'school leader': [schoolLeader, ['FORBIDDEN', 'NOT_FOUND']],
      'leader of another cohort': [otherLeader, ['NOT_FOUND']],
      'admin of another organisation': [otherAdmin, ['NOT_FOUND']],
      'a participant of the cohort who is not the holder': [peer, ['FORBIDDEN']],
    };
    for (const [who, [client, codes]] of Object.entries(refusals)) {
      for (const [query, variables] of [
        [LIST, { id: COHORT }],
        [ISSUE, { i: { cohortId: COHORT } }],
        [REVOKE, { id: certificateId }],
      ] as const) {
        const r = await client.request(query, variables);
        expect({ who, query: query.slice(0, 30), code: r.errors?.[0]?.extensions?.code }).toEqual({
          who,
          query: query.slice(0, 30),
          code: expect.stringMatching(new RegExp(`^(${codes.join('|')})$`)),
        });
        expect(r.data).toBeFalsy();
      }
      const res = await download(api, client, `/export/certificates/${certificateId}.pdf`);
      expect(`${who}: ${res.status}`).toMatch(/: 40[34]$/);
      expect(((await res.json()) as any).errors[0].extensions.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    }
    const res = await download(api, null, `/export/certificates/${certificateId}.pdf`);
    expect(res.status).toBe(401);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM completion_certificate WHERE revoked_at IS NOT NULL`,
    );
    expect(n).toBe(0);
  });

  it('can be revoked by a course leader, with an audit line; then the code is not valid', async () => {
    const { revokeCertificate } = await maria.ok(REVOKE, { id: certificateId });
    expect(revokeCertificate.revokedAt).toEqual(expect.any(String));
    expect((await maria.request(REVOKE, { id: certificateId })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    const audit = await api.db.query(
      `SELECT actor_id, target_type, target_id, details FROM audit_event WHERE kind = 'CERTIFICATE_REVOKED'`,
    );
    expect(audit).toEqual([
      {
        actor_id: LARKBY.ids.maria,
        target_type: 'CERTIFICATE',
        target_id: certificateId,
        details: { personId: a.id, cohortId: COHORT },
      },
    ]);
    expect((await api.client().ok(VERIFY, { code })).verifyCertificate.valid).toBe(false);
    expect((await download(api, holder, `/export/certificates/${certificateId}.pdf`)).status).toBe(409);
    // The bulk command leaves a revoked certificate revoked; naming the person issues a new one.
    expect((await maria.ok(ISSUE, { i: { cohortId: COHORT } })).issueCertificates).toEqual([]);
    const again = (await admin.ok(ISSUE, { i: { cohortId: COHORT, personIds: [a.id] } })).issueCertificates;
    expect(again).toHaveLength(1);
    expect(again[0].code).not.toBe(code);
    expect((await api.client().ok(VERIFY, { code: again[0].code })).verifyCertificate.valid).toBe(true);
  });

  it('is in the holder’s data export, and erasing the holder revokes it and deletes the reflection', async () => {
    await holder.ok(REFLECT, { id: COHORT, body: 'Mitt år.' });
    const res = await download(api, holder, '/export/me/data.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    const [valid] = await api.db.query(
      `SELECT code FROM completion_certificate WHERE person_id = $1 AND revoked_at IS NULL`,
      [a.id],
    );
    expect(doc.certificatesOfCompletion).toHaveLength(2);
    expect(doc.certificatesOfCompletion.map((c: any) => c.code)).toContain(valid.code);
    expect(doc.portfolioReflections).toEqual([expect.objectContaining({ text: 'Mitt år.' })]);
    const mariaDoc = (await (await download(api, maria, '/export/me/data.json')).json()) as any;
    expect(mariaDoc.certificatesIssuedForOthers).toBe(1);
    expect(mariaDoc.certificatesRevokedForOthers).toBe(1);

    await admin.ok(
      `mutation($p: ID!, $c: String!) { erasePerson(input: { personId: $p, confirmation: $c }) { personId } }`,
      { p: a.id, c: a.fullName },
    );
    expect((await api.client().ok(VERIFY, { code: valid.code })).verifyCertificate.valid).toBe(false);
    const rows = await api.db.query(
      `SELECT revoked_at IS NOT NULL AS revoked, revoked_by_id FROM completion_certificate WHERE person_id = $1`,
      [a.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r: { revoked: boolean }) => r.revoked)).toBe(true);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM portfolio_reflection WHERE person_id = $1`,
      [a.id],
    );
    expect(n).toBe(0);
  });

  it('stops answering unknown codes from an address that keeps guessing', async () => {
    const guesser = api.client();
    let refused: string | undefined;
    for (let i = 0; i < 25 && !refused; i++) {
      const r = await guesser.request(VERIFY, {
        code: `ABCD-EFGH-${'JKMN'.slice(0, 2)}${'23456789'[i % 8]}${'ABCDEFGH'[i % 8]}`,
      });
      refused = r.errors?.[0]?.extensions?.code as string | undefined;
    }
    expect(refused).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe("the teacher's portfolio (issue 14, ADR 0032)", () => {
  let api: TestApi;
  let a: Participant;
  let b: Participant;

  beforeAll(async () => {
    api = await startTestApi();
    [a, b] = await seededParticipants(api.db);
    await completeTheYearFor(api, a, b);
  }, 120_000);
  afterAll(() => api?.close());

  it('holds my analyses in order with the feedback I received and my replies, and my reflection', async () => {
    const me = await api.signedIn(a.email);
    const { myPortfolio } = await me.ok(PORTFOLIO, { id: COHORT });
    expect(myPortfolio.entries.map((e: { number: number }) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const first = myPortfolio.entries[0];
    expect(first).toMatchObject({ published: true, version: 1 });
    expect(first.sections.length).toBeGreaterThan(0);
    expect(first.feedback.map((f: { kind: string }) => f.kind).sort()).toEqual(['LEADER', 'PEER']);
    const leader = first.feedback.find((f: { kind: string }) => f.kind === 'LEADER');
    expect(leader).toMatchObject({
      authorName: 'Maria Berg',
      replies: [{ body: 'Tack, jag provar det i nästa analys.' }],
    });

    const reflection =
      'Under året har jag lärt mig att ge framåtsyftande återkoppling.\n\nNästa år vill jag fortsätta.';
    const saved = await me.ok(REFLECT, { id: COHORT, body: reflection });
    expect(saved.savePortfolioReflection.reflection).toBe(reflection);
    const tooLong = await me.request(REFLECT, { id: COHORT, body: 'x'.repeat(10_001) });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await me.ok(PORTFOLIO, { id: COHORT })).myPortfolio.reflection).toBe(reflection);

    const res = await fetch(`${api.url}/export/portfolio/${COHORT}.pdf`, {
      headers: { cookie: me.sessionCookie ?? '' },
    });
    expect(res.status).toBe(200);
    const { text } = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Min portfolio');
    expect(text).toContain(a.fullName);
    expect(text).toContain('Analysomgång 1');
    expect(text).toContain('Analysomgång 6');
    expect(text.indexOf('Analysomgång 1')).toBeLessThan(text.indexOf('Analysomgång 2'));
    expect(text).toContain('Kursledare Maria Berg');
    expect(text).toContain('Tydlig planering av lektionen.');
    expect(text).toContain('Fint exempel från klassrummet.');
    expect(text).toContain('Mitt svar');
    expect(text).toContain('Tack, jag provar det i nästa analys.');
    expect(text).toContain('Avslutande reflektion');
    expect(text).toContain('Under året har jag lärt mig att ge framåtsyftande återkoppling.');
  });

  it('is nobody else’s to read: leaders, administrators, school leaders and other teachers are refused', async () => {
    const others = {
      'course leader': await api.signedIn(LARKBY.maria),
      administrator: await api.signedIn(LARKBY.admin),
      'school leader': await api.signedIn(LARKBY.rektorEkbacke),
      'leader of another cohort': await api.signedIn(LARKBY.karin),
      'admin of another organisation': await api.signedIn(await createOutsider(api.db)),
    };
    for (const [who, client] of Object.entries(others)) {
      const r = await client.request(PORTFOLIO, { id: COHORT });
      expect(`${who}: ${r.errors?.[0]?.extensions?.code}`).toMatch(/: (FORBIDDEN|NOT_FOUND)$/);
      expect(r.data).toBeFalsy();
      const w = await client.request(REFLECT, { id: COHORT, body: 'Inte min.' });
      expect(w.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
      const res = await fetch(`${api.url}/export/portfolio/${COHORT}.pdf`, {
        headers: { cookie: client.sessionCookie ?? '' },
      });
      expect(`${who}: ${res.status}`).toMatch(/: 40[34]$/);
    }
    // Another participant of the cohort gets their own portfolio, never A's reflection.
    const peer = await api.signedIn(b.email);
    const { myPortfolio } = await peer.ok(PORTFOLIO, { id: COHORT });
    expect(myPortfolio.reflection).toBeNull();
    expect(myPortfolio.entries[0].feedback).toEqual([]);
  });
});
