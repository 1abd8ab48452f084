import { ADMIN, MARIA, REKTOR_EKBACKE, SARA, SEEDED } from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { StatementCount } from './support/statement-count';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const LIST = `query {
  cohorts(first: 50) { nodes { id name status viewerRole viewerCanManage allowedTransitions } }
}`;
const MEETING_FIELDS = `id createdAt updatedAt cohortId number title theme startsAt endsAt mode location videoUrl
  preparation discussionQuestions`;
const ROUND_FIELDS = `id createdAt updatedAt cohortId number title templateVersionId meetingId opensAt submissionDeadline
  feedbackDeadline`;
const COHORT_FIELDS = `id createdAt updatedAt organisationId name schoolYear startsOn endsOn status requiredAttendanceShare
  peersPerAnalysis feedbackMinLength requiredFeedbackQualities sameSchoolSupport openedAt completedAt viewerRole
  viewerCanManage allowedTransitions`;
/** The web's home list (MyCohorts), through a fragment as the web sends it, with every field. */
const FULL_LIST = `query {
  cohorts(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ...Summary } }
}
fragment Summary on Cohort { ${COHORT_FIELDS} meetings { ${MEETING_FIELDS} } ... on Cohort { rounds { ${ROUND_FIELDS} } } }`;
/** The same cohort alone: its meetings, rounds and viewer fields come through their own loaders. */
const ONE = `query($id: ID!) {
  cohort(id: $id) { ${COHORT_FIELDS} meetings { ${MEETING_FIELDS} } rounds { ${ROUND_FIELDS} } }
}`;
const COPY = `mutation($input: CopyCohortInput!) { copyCohort(input: $input) { id } }`;

/**
 * Issue 13: the cohort list resolves the viewer's role and rights for the whole page at once, so
 * the statements it sends do not grow with the number of cohorts (it read each cohort and the
 * viewer's membership in it again, two statements per cohort, before).
 */
describe('the cohort list, in statements', () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let sara: GqlClient;
  let rektor: GqlClient;
  const statements = new StatementCount();

  async function counted(client: GqlClient): Promise<{ statements: number; count: number }> {
    let count = 0;
    const sent = await statements.during(async () => {
      count = (await client.ok<{ cohorts: { nodes: { viewerRole: string }[] } }>(LIST)).cohorts.nodes.length;
    });
    return { statements: sent.length, count };
  }

  beforeAll(async () => {
    statements.install();
    api = await startTestApi();
    [admin, maria, sara, rektor] = await Promise.all(
      [ADMIN, MARIA, SARA, REKTOR_EKBACKE].map((email) => api.signedIn(email)),
    );
  });
  afterAll(async () => {
    statements.restore();
    await api.close();
  });

  it('sends as many statements for eight cohorts as for the few it starts with', async () => {
    const before = await counted(admin);
    const leaderBefore = await counted(maria);
    for (let i = 0; i < 6; i++) {
      await maria.ok(COPY, {
        input: { sourceId: SEEDED, name: `STL Lärkby kopia ${i}`, startsOn: '2027-08-16' },
      });
    }
    const after = await counted(admin);
    const leaderAfter = await counted(maria);
    expect(after.count).toBe(before.count + 6);
    expect(leaderAfter.count).toBe(leaderBefore.count + 6);
    expect(after.statements).toBe(before.statements);
    expect(leaderAfter.statements).toBe(leaderBefore.statements);
    // And every cohort still says how the viewer relates to it.
    const { cohorts } = await maria.ok<{
      cohorts: { nodes: { viewerRole: string; viewerCanManage: boolean }[] };
    }>(LIST);
    expect(new Set(cohorts.nodes.map((c) => c.viewerRole))).toEqual(new Set(['LEADER']));
  });

  it('reads the home list with meetings, rounds and viewer rights in one statement beside the session', async () => {
    for (const client of [admin, maria, sara, rektor]) {
      await client.ok(FULL_LIST); // a session not used for a minute is touched once
      const sent = await statements.during(() => client.ok(FULL_LIST));
      // The session, then the page with its count, the viewer's relations, meetings and rounds.
      expect(sent).toHaveLength(2);
    }
  });

  it('answers in the list exactly as for each cohort alone, for every kind of viewer', async () => {
    type Cohort = { id: string; meetings: unknown[]; rounds: unknown[] };
    for (const client of [admin, maria, sara, rektor]) {
      const { cohorts } = await client.ok<{
        cohorts: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Cohort[] };
      }>(FULL_LIST);
      expect(cohorts.nodes.length).toBeGreaterThan(0);
      expect(cohorts.totalCount).toBe(cohorts.nodes.length);
      expect(cohorts.pageInfo.hasNextPage).toBe(false);
      expect(cohorts.nodes.some((c) => c.meetings.length > 0 && c.rounds.length > 0)).toBe(true);
      for (const node of cohorts.nodes) {
        const { cohort } = await client.ok<{ cohort: Cohort }>(ONE, { id: node.id });
        expect(node).toEqual(cohort);
      }
    }
  });

  it("reads one cohort and the viewer's relation to it in one statement beside the session", async () => {
    const ROLE = `query($id: ID!) { cohort(id: $id) { id viewerRole viewerCanManage } }`;
    const expected = new Map([
      [admin, 'ADMINISTRATOR'],
      [maria, 'LEADER'],
      [sara, 'PARTICIPANT'],
      [rektor, 'SCHOOL_LEADER'],
    ]);
    for (const [client, role] of expected) {
      await client.ok(ROLE, { id: SEEDED });
      let answer: unknown;
      const sent = await statements.during(async () => {
        answer = await client.ok(ROLE, { id: SEEDED });
      });
      expect(answer).toEqual({
        cohort: {
          id: SEEDED,
          viewerRole: role,
          viewerCanManage: role === 'ADMINISTRATOR' || role === 'LEADER',
        },
      });
      expect(sent).toHaveLength(2);
    }
  });

  it('counts past the end of the list and pages by the same order', async () => {
    const PAGE = `query($after: String) {
      cohorts(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id viewerRole } }
    }`;
    type Page = {
      cohorts: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; viewerRole: string }[];
      };
    };
    const all = (await admin.ok<{ cohorts: { nodes: { id: string }[] } }>(LIST)).cohorts.nodes.map(
      (c) => c.id,
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await admin.ok<Page>(PAGE, { after });
      expect(page.cohorts.totalCount).toBe(all.length);
      seen.push(...page.cohorts.nodes.map((c) => c.id));
      expect(new Set(page.cohorts.nodes.map((c) => c.viewerRole))).toEqual(new Set(['ADMINISTRATOR']));
      if (!page.cohorts.pageInfo.hasNextPage) break;
      after = page.cohorts.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const past = Buffer.from(`o:${all.length + 5}`).toString('base64url');
    expect((await admin.ok<Page>(PAGE, { after: past })).cohorts).toMatchObject({
      totalCount: all.length,
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: past },
    });
  });

  it('answers `me` in two statements: the session with its person and roles, then the viewer', async () => {
    const ME = `query { me { email person { id fullName } organisation { name } roles { role } } }`;
    // Once first: a session not used for a minute is touched (one more statement), at most once a minute.
    await maria.ok(ME);
    // Four before the viewer's person, organisation and roles were read together.
    expect(await statements.during(() => maria.ok(ME))).toHaveLength(2);
  });
});
