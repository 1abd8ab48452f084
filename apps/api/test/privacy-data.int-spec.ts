import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { seedDemoActivity } from '@stl/api/data-access-db';
import {
  ADMIN,
  INGRID,
  MARIA,
  ORG,
  REKTOR_EKBACKE,
  SARA,
  SEEDED,
  addOrganisation,
  addPerson,
} from './cohort.fixtures';
import { TINY_PDF, upload } from './support/attachment-fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

/** Every string in a JSON value, with the path it sits at (`analyses.0.versions.0.answers.goals`). */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const PROGRESS = `query($c: ID!) { cohortProgress(cohortId: $c, first: 100) { totalCount nodes {
  person { id } completed supportLevel publishedCount completeCount tasksDone tasksTotal
  meetingsAttended meetingsHeld attendanceShare
  rounds { roundId analysisStatus published peerFeedbackCount leaderFeedback tasksDone tasksTotal }
} } }`;

const ERASE = `mutation($input: ErasePersonInput!) { erasePerson(input: $input) { personId placeholderName counts { kind count } } }`;

describe('privacy: access export and erasure of a person of the seeded course (issue 12)', () => {
  let api: TestApi;
  let sara: GqlClient;
  let saraId: string;
  let others: { id: string; full_name: string; email: string }[];
  let replyBody: string;

  const download = (client: GqlClient | null, path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      headers: { ...(client?.sessionCookie ? { cookie: client.sessionCookie } : {}), ...headers },
    });
  const q = <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => api.db.query(sql, params);

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoActivity(api.db);
    sara = await api.signedIn(SARA);
    [{ id: saraId }] = await q(`SELECT id FROM person WHERE email = $1`, [SARA]);
    // What the seed does not make: a reply, a mail choice, an attachment.
    const [received] = await q(
      `SELECT f.id FROM feedback f JOIN analysis a ON a.id = f.analysis_id WHERE a.author_id = $1 ORDER BY f.created_at LIMIT 1`,
      [saraId],
    );
    replyBody = 'Tack! Jag provar mallen med två stjärnor i nästa lektion.';
    await sara.ok(`mutation($f: ID!, $b: String!) { replyToFeedback(feedbackId: $f, body: $b) { id } }`, {
      f: received.id,
      b: replyBody,
    });
    await sara.ok(
      `mutation { setNotificationPreference(kind: WEEKLY_LEADER_SUMMARY, enabled: false) { digestDaily } }`,
    );
    const [latest] = await q(
      `SELECT a.id FROM analysis a JOIN analysis_round r ON r.id = a.round_id WHERE a.author_id = $1 ORDER BY r.number DESC LIMIT 1`,
      [saraId],
    );
    const up = await upload(
      api.url,
      sara.sessionCookie,
      { analysisId: latest.id, section: 'goals' },
      { bytes: TINY_PDF, name: 'Elevtexter.pdf', type: 'application/pdf' },
    );
    expect(up.status).toBe(201);
    others = await q(`SELECT id, full_name, email FROM person WHERE id <> $1`, [saraId]);
  });
  afterAll(() => api.close());

  describe('access export', () => {
    let doc: any;

    beforeAll(async () => {
      const res = await download(sara, '/export/me/data.json');
      expect(res.status).toBe(200);
      doc = await res.json();
    });

    it('is served as a download that is never cached or sniffed', async () => {
      const res = await download(sara, '/export/me/data.json');
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Personuppgifter-Sara-Lindqvist-/,
      );
    });

    it('holds every analysis, version, feedback, reply, attendance and preference of hers', async () => {
      expect(doc.person).toMatchObject({ id: saraId, email: SARA, fullName: 'Sara Lindqvist' });
      const analyses = await q(
        `SELECT id, published_version FROM analysis WHERE author_id = $1 ORDER BY id`,
        [saraId],
      );
      expect(analyses.length).toBeGreaterThanOrEqual(3);
      expect(doc.analyses.map((a: any) => a.id).sort()).toEqual(analyses.map((a) => a.id));
      for (const a of analyses)
        expect(doc.analyses.find((x: any) => x.id === a.id).versions).toHaveLength(a.published_version);
      const versionText = await q(
        `SELECT (SELECT e->>1 FROM jsonb_array_elements(v.answers) e WHERE e->>0 = 'goals') AS goals FROM analysis_version v JOIN analysis a ON a.id = v.analysis_id WHERE a.author_id = $1`,
        [saraId],
      );
      const exportedGoals = doc.analyses.flatMap((a: any) => a.versions.map((v: any) => v.answers.goals));
      expect(exportedGoals.sort()).toEqual(versionText.map((v) => v.goals).sort());

      const given = await q(`SELECT id FROM feedback WHERE author_id = $1 ORDER BY id`, [saraId]);
      expect(given.length).toBeGreaterThan(0);
      expect(doc.feedbackGiven.map((f: any) => f.id).sort()).toEqual(given.map((f) => f.id));
      const received = await q(
        `SELECT f.id, p.full_name FROM feedback f JOIN analysis a ON a.id = f.analysis_id JOIN person p ON p.id = f.author_id
          WHERE a.author_id = $1 ORDER BY f.id`,
        [saraId],
      );
      expect(received.length).toBeGreaterThan(0);
      expect(doc.feedbackReceived.map((f: any) => [f.id, f.from])).toEqual(
        expect.arrayContaining(received.map((f) => [f.id, f.full_name])),
      );
      expect(doc.feedbackReceived).toHaveLength(received.length);

      expect(doc.replies).toEqual([expect.objectContaining({ kind: 'REPLY', body: replyBody })]);
      const attendance = await q(`SELECT status FROM attendance WHERE person_id = $1`, [saraId]);
      expect(attendance.length).toBe(3);
      expect(doc.attendance.map((a: any) => a.status).sort()).toEqual(attendance.map((a) => a.status).sort());
      expect(doc.notificationPreferences.disabledKinds).toEqual(['WEEKLY_LEADER_SUMMARY']);
      expect(doc.cohortMemberships).toEqual([expect.objectContaining({ role: 'PARTICIPANT' })]);
      expect(doc.roles).toEqual([expect.objectContaining({ role: 'TEACHER' })]);
      expect(doc.sessions.length).toBeGreaterThan(0);
      expect(doc.attachments).toEqual([
        expect.objectContaining({ name: 'Elevtexter.pdf', section: 'goals' }),
      ]);
    });

    it('holds nothing of anyone else: no other address, other names only as the giver of feedback or in a mail subject', async () => {
      const all = strings(doc);
      // Nothing others wrote: the seed's goals answers name their author ("lärare 7"), so each is theirs alone.
      const othersGoals = await q<{ text: string }>(
        `SELECT DISTINCT e->>1 AS text FROM analysis_version v JOIN analysis a ON a.id = v.analysis_id,
                jsonb_array_elements(v.answers) e
          WHERE a.author_id <> $1 AND e->>0 = 'goals'`,
        [saraId],
      );
      expect(othersGoals.length).toBeGreaterThan(10);
      expect(othersGoals.filter((g) => all.some(({ text }) => text.includes(g.text)))).toEqual([]);
      for (const o of others) {
        const hits = all.filter(({ text }) => text.includes(o.email) || text.includes(o.full_name));
        for (const hit of hits)
          expect(hit.path).toMatch(/^(feedbackReceived\.\d+\.from|mail\.\d+\.subject)$/);
        expect(all.some(({ text }) => text.includes(o.email))).toBe(false);
      }
      // No token or digest of a session or link.
      expect(JSON.stringify(doc)).not.toMatch(/[0-9a-f]{64}/);
    });

    it('is readable as a self-contained HTML page and as a ZIP with the attached files', async () => {
      const html = await download(sara, '/export/me/data.html');
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html.headers.get('content-security-policy')).toContain('sandbox');
      const page = await html.text();
      expect(page).toContain('<h1>Dina uppgifter i STL-plattformen</h1>');
      expect(page).toContain(replyBody);
      expect(page).not.toMatch(/<script|src=|href=/i);

      const zip = await download(sara, '/export/me/data.zip');
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
      expect(JSON.parse(strFromU8(files['data.json'])).analyses).toHaveLength(doc.analyses.length);
      expect(strFromU8(files['data.html'])).toContain('Sara Lindqvist');
      expect(Buffer.from(files[doc.attachments[0].file]).equals(TINY_PDF)).toBe(true);
    });

    it("is made by the organisation's administrators for her, refused to anyone else", async () => {
      const path = `/export/people/${saraId}/data.json`;
      const admin = await api.signedIn(ADMIN);
      const byAdmin = await download(admin, path);
      expect(byAdmin.status).toBe(200);
      const adminDoc: any = await byAdmin.json();
      expect(adminDoc.about.by).toBe('ADMINISTRATOR');
      expect(adminDoc.analyses).toHaveLength(doc.analyses.length);
      const code = async (client: GqlClient | null, p = path, headers = {}) => {
        const res = await download(client, p, headers);
        return [res.status, ((await res.json()) as any).errors?.[0]?.extensions?.code];
      };
      expect(await code(await api.signedIn(INGRID))).toEqual([403, 'FORBIDDEN']);
      expect(await code(await api.signedIn(REKTOR_EKBACKE))).toEqual([403, 'FORBIDDEN']);
      expect(await code(await api.signedIn(MARIA))).toEqual([403, 'FORBIDDEN']);
      expect(await code(null)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await code(admin, path, { 'sec-fetch-site': 'cross-site' })).toEqual([403, 'FORBIDDEN']);
      expect(await code(admin, `/export/people/not-a-uuid/data.json`)).toEqual([404, 'NOT_FOUND']);
      expect(await code(admin, `/export/people/${saraId}/data.pdf`)).toEqual([404, 'NOT_FOUND']);
      const other = await addOrganisation(api.db, 'Norrby kommun', 'norrby');
      await addPerson(api.db, {
        organisationId: other.id,
        email: 'admin@norrby.example',
        fullName: 'Nora Norrby',
        roles: ['ADMINISTRATOR'],
      });
      expect(await code(await api.signedIn('admin@norrby.example'))).toEqual([404, 'NOT_FOUND']);
      // Each download is recorded, without its content.
      const log = await q(`SELECT kind, actor_id, counts FROM privacy_log WHERE subject_id = $1`, [saraId]);
      expect(log.length).toBeGreaterThanOrEqual(5);
      expect(log.every((l) => l.kind === 'ACCESS_EXPORT')).toBe(true);
    });
  });

  describe('erasure', () => {
    /**
     * Rows of any table, in any schema (the job queue's too), whose text, character, array, enum,
     * jsonb or tsvector columns contain the value (case-insensitive); `public.` is left out.
     */
    async function tablesHolding(value: string): Promise<string[]> {
      const columns = await q<{ table_schema: string; table_name: string; column_name: string }>(
        `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
            AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY',
                                'USER-DEFINED', 'tsvector')`,
      );
      expect(columns.map((c) => c.table_schema)).toContain('pgboss');
      const hits: string[] = [];
      for (const c of columns) {
        const [{ n }] = await q(
          `SELECT count(*)::int AS n FROM "${c.table_schema}"."${c.table_name}"
            WHERE "${c.column_name}"::text ILIKE '%' || $1 || '%'`,
          [value],
        );
        const table = c.table_schema === 'public' ? c.table_name : `${c.table_schema}.${c.table_name}`;
        if (n > 0) hits.push(`${table}.${c.column_name} (${n})`);
      }
      return hits;
    }
    /** The sign-in attempt count keys an address by its SHA-256 (ADR 0004), computed here on its own. */
    const addressDigest = createHash('sha256').update(SARA).digest('hex');

    beforeAll(async () => {
      // Copies of her name and address outside her person row, which the erasure must find: an
      // accessibility report she signed (mailed to others, her name in its template data and her
      // address as Reply-To), a password reset mailed to her, and a wrong password counted by the
      // digest of her address.
      await sara.ok(
        `mutation($input: ReportAccessibilityProblemInput!) { reportAccessibilityProblem(input: $input) { answerable } }`,
        {
          input: {
            description: 'Fokus syns inte på menyknappen.',
            name: 'Sara Lindqvist',
            email: SARA,
          },
        },
      );
      await api
        .client()
        .ok(`mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`, { email: SARA });
      const wrong = await api
        .client()
        .request(
          `mutation($e: String!) { signIn(input: { email: $e, password: "fel-lösenord" }) { person { id } } }`,
          {
            e: SARA,
          },
        );
      expect(wrong.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    });

    it('is refused to anyone but an administrator of her organisation, and to a wrong confirmation; nothing is written', async () => {
      const input = { personId: saraId, confirmation: 'Sara Lindqvist' };
      expect(await (await api.signedIn(MARIA)).code(ERASE, { input })).toBe('FORBIDDEN');
      expect(await sara.code(ERASE, { input })).toBe('FORBIDDEN');
      expect(await (await api.signedIn('admin@norrby.example')).code(ERASE, { input })).toBe('NOT_FOUND');
      const admin = await api.signedIn(ADMIN);
      const wrong = await admin.request(ERASE, { input: { ...input, confirmation: 'Sara' } });
      expect(wrong.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [expect.objectContaining({ field: 'confirmation', code: 'CONFIRMATION_MISMATCH' })],
      });
      const [adminRow] = await q(`SELECT id FROM person WHERE email = $1`, [ADMIN]);
      expect(await admin.code(ERASE, { input: { personId: adminRow.id, confirmation: 'Åsa Lind' } })).toBe(
        'CONFLICT',
      );
      expect(await tablesHolding(SARA)).toContain('person.email (1)');
    });

    it('has her name and address in mail to her and to others, and a digest of it, before (so the search below finds copies)', async () => {
      expect(await tablesHolding('Sara Lindqvist')).toEqual(
        expect.arrayContaining([
          'person.full_name (1)',
          expect.stringMatching(/^outbox_message\.payload /),
          expect.stringMatching(/^outbox_message\.reply_to /),
        ]),
      );
      expect(await tablesHolding(SARA)).toEqual(
        expect.arrayContaining([
          'person.email (1)',
          expect.stringMatching(/^outbox_message\.to_address /),
          expect.stringMatching(/^outbox_message\.reply_to /),
        ]),
      );
      expect(await tablesHolding(addressDigest)).toEqual([expect.stringMatching(/^login_throttle\.key /)]);
    });

    it('leaves no name or address of hers in any table, while the cohort figures stand', async () => {
      const maria = await api.signedIn(MARIA);
      const before = await maria.ok(PROGRESS, { c: SEEDED });
      const admin = await api.signedIn(ADMIN);
      const { erasePerson } = await admin.ok(ERASE, {
        input: { personId: saraId, confirmation: ' Sara Lindqvist ' },
      });
      expect(erasePerson.personId).toBe(saraId);
      expect(erasePerson.placeholderName).toBe(`Borttagen person ${saraId.replace(/-/g, '').slice(0, 8)}`);
      const counts = Object.fromEntries(erasePerson.counts.map((c: any) => [c.kind, c.count]));
      expect(counts).toMatchObject({
        person: 1,
        roles: 1,
        drafts: 3,
        notificationPreferences: 1,
        draftAttachments: 1,
      });
      expect(counts.sessions).toBeGreaterThanOrEqual(1);

      expect(counts.mailToOthersScrubbed).toBeGreaterThanOrEqual(1);
      expect(counts.unsentMail).toBeGreaterThanOrEqual(1);

      expect(await tablesHolding('Sara Lindqvist')).toEqual([]);
      expect(await tablesHolding(SARA)).toEqual([]);
      // Her surname alone (in another order, a split name, a search vector) and the digest of her address.
      expect(await tablesHolding('Lindqvist')).toEqual([]);
      expect(await tablesHolding(addressDigest)).toEqual([]);
      // Her sessions ended with it, and she cannot sign in again.
      expect((await sara.ok(`{ me { __typename } }`)).me).toBeNull();
      expect(
        (
          await api
            .client()
            .request(
              `mutation { signIn(input: { email: "${SARA}", password: "stl-demo-2026" }) { person { id } } }`,
            )
        ).errors?.[0].extensions?.code,
      ).toBe('INVALID_CREDENTIALS');

      // The same figures for everyone (the list is sorted by name, so the placeholder moves).
      const byPerson = (r: any) =>
        [...r.cohortProgress.nodes].sort((a: any, b: any) => a.person.id.localeCompare(b.person.id));
      const after = await maria.ok(PROGRESS, { c: SEEDED });
      expect(after.cohortProgress.totalCount).toBe(before.cohortProgress.totalCount);
      expect(byPerson(after)).toEqual(byPerson(before));
      // Published work stays (the retention schedule decides), under the placeholder.
      const [{ n }] = await q(
        `SELECT count(*)::int AS n FROM analysis_version v JOIN analysis a ON a.id = v.analysis_id WHERE a.author_id = $1`,
        [saraId],
      );
      expect(n).toBeGreaterThan(0);
      const [logged] = await q(
        `SELECT actor_id, counts FROM privacy_log WHERE subject_id = $1 AND kind = 'ERASURE'`,
        [saraId],
      );
      expect(logged.counts).toEqual(counts);
      expect(JSON.stringify(logged)).not.toMatch(/Sara|Lindqvist/);
      // And in the audit log: who erased whom, the kinds of record and how many rows; no content.
      const [adminRow] = await q(`SELECT id FROM person WHERE email = $1`, [ADMIN]);
      expect(
        await q(
          `SELECT actor_id, organisation_id, target_type, target_id, outcome, details FROM audit_event WHERE kind = 'ERASURE'`,
        ),
      ).toEqual([
        {
          actor_id: adminRow.id,
          organisation_id: ORG,
          target_type: 'PERSON',
          target_id: saraId,
          outcome: 'SUCCESS',
          details: {
            kinds: Object.keys(counts),
            rows: Object.values(counts).reduce((a: number, b) => a + (b as number), 0),
          },
        },
      ]);
    });

    it('is refused a second time', async () => {
      const admin = await api.signedIn(ADMIN);
      expect(
        await admin.code(ERASE, {
          input: {
            personId: saraId,
            confirmation: `Borttagen person ${saraId.replace(/-/g, '').slice(0, 8)}`,
          },
        }),
      ).toBe('CONFLICT');
    });
  });
});
