import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN,
  KARIN,
  MARIA,
  ORG,
  REKTOR_EKBACKE,
  SEEDED,
  TEACHER,
  addOrganisation,
  addPerson,
} from './cohort.fixtures';
import type { GqlClient } from './support/gql-client';
import { startTestApi } from './support/test-api';
import type { TestApi } from './support/test-api';

const QUESTIONS = `query($o: ID!) { selfAssessmentQuestions(organisationId: $o) { id position theme textSv textEn retired } }`;
const PROMPTS = `{ mySelfAssessments { cohortId cohortName phase opensAt closesAt answeredAt } }`;
const SUBMIT = `mutation($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { phase answeredAt } }`;
const FIGURE = `respondents mean suppressed`;
const RESULTS = `query($o: ID!) { selfAssessmentResults(organisationId: $o) {
  minGroupSize questions { id }
  byCohort { id name before { ${FIGURE} } after { ${FIGURE} } questions { questionId before { ${FIGURE} } after { ${FIGURE} } change } }
  bySchool { id name before { ${FIGURE} } after { ${FIGURE} } questions { questionId before { ${FIGURE} } after { ${FIGURE} } change } }
} }`;
const SET = `mutation($input: SetSelfAssessmentQuestionsInput!) { setSelfAssessmentQuestions(input: $input) { id textSv retired } }`;

/**
 * Who answers what (one value for every statement, so a statement's mean is the teacher's mean).
 * Demo teachers 0–5 teach at Ekbackeskolan, 6–11 Solviksskolan, 12–17 Norrängsskolan, 18–23
 * Tallåsens skola.
 */
const BEFORE: Record<number, number> = {
  // Ekbacke: 6 answer, 1+2+2+3+3+4 = 15, mean 2.5
  0: 1,
  1: 2,
  2: 2,
  3: 3,
  4: 3,
  5: 4,
  // Solvik: 5 answer, 2+2+3+3+4 = 14, mean 2.8 — but hidden: see Norräng
  6: 2,
  7: 2,
  8: 3,
  9: 3,
  10: 4,
  // Norräng: 2 answer (5, 5): too few; since the cohort's total would give them away, the next
  // smallest school (Solvik, 5) is hidden too.
  12: 5,
  13: 5,
  // Tallås: 6 answer, 3+3+3+4+4+4 = 21, mean 3.5
  18: 3,
  19: 3,
  20: 3,
  21: 4,
  22: 4,
  23: 4,
};
// Cohort before: 19 respondents, 15 + 14 + 10 + 21 = 60, mean 60/19 = 3.157… → 3.16
const AFTER: Record<number, number> = {
  // Ekbacke: 3+3+4+4+4+5 = 23, mean 3.833… → 3.83
  0: 3,
  1: 3,
  2: 4,
  3: 4,
  4: 4,
  5: 5,
  // Solvik: 3+3+3+4+4+5 = 22, mean 3.666… → 3.67
  6: 3,
  7: 3,
  8: 3,
  9: 4,
  10: 4,
  11: 5,
  // Tallås: 4+4+4+4+5+5 = 26, mean 4.333… → 4.33
  18: 4,
  19: 4,
  20: 4,
  21: 4,
  22: 5,
  23: 5,
};
// Cohort after: 18 respondents, 23 + 22 + 26 = 71, mean 3.944… → 3.94; change 3.94 − 3.16 = 0.78

describe('self-assessment before and after: answered by participants, seen only as groups of five', () => {
  let api: TestApi;
  let admin: GqlClient;
  let maria: GqlClient;
  let questionIds: string[];
  const teachers = new Map<number, GqlClient>();

  const teacher = async (n: number): Promise<GqlClient> => {
    const known = teachers.get(n);
    if (known) return known;
    const [{ email }] = await api.db.query(`SELECT email FROM person WHERE id = $1`, [TEACHER(n)]);
    const client = await api.signedIn(email);
    teachers.set(n, client);
    return client;
  };
  const answerAll = (value: number) => questionIds.map((questionId) => ({ questionId, value }));

  /** BEFORE is open until the first analysis is due: move the rounds so that is tomorrow. */
  const openBefore = () =>
    api.db.query(
      `WITH d AS (SELECT now() + interval '1 day' - min(submission_deadline) AS shift FROM analysis_round WHERE cohort_id = $1)
       UPDATE analysis_round SET opens_at = opens_at + d.shift, submission_deadline = submission_deadline + d.shift,
              feedback_deadline = feedback_deadline + d.shift FROM d WHERE cohort_id = $1`,
      [SEEDED],
    );
  /** AFTER opens with the last meeting: the first deadline passed yesterday, the last meeting began an hour ago. */
  const openAfter = async () => {
    await api.db.query(
      `WITH d AS (SELECT now() - interval '1 day' - min(submission_deadline) AS shift FROM analysis_round WHERE cohort_id = $1)
       UPDATE analysis_round SET opens_at = opens_at + d.shift, submission_deadline = submission_deadline + d.shift,
              feedback_deadline = feedback_deadline + d.shift FROM d WHERE cohort_id = $1`,
      [SEEDED],
    );
    await api.db.query(
      `UPDATE meeting SET starts_at = now() - interval '1 hour', ends_at = now() + interval '2 hours'
        WHERE cohort_id = $1 AND number = (SELECT max(number) FROM meeting WHERE cohort_id = $1)`,
      [SEEDED],
    );
    await api.db.query(
      `UPDATE meeting SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '2 hours'
        WHERE cohort_id = $1 AND starts_at > now() AND number < (SELECT max(number) FROM meeting WHERE cohort_id = $1)`,
      [SEEDED],
    );
  };

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.signedIn(ADMIN);
    maria = await api.signedIn(MARIA);
    await openBefore();
  });
  afterAll(() => api.close());

  it('starts every organisation with the built-in statements on digital tools and formative feedback, in Swedish and English', async () => {
    const sara = await teacher(0);
    const { selfAssessmentQuestions } = await sara.ok(QUESTIONS, { o: ORG });
    expect(selfAssessmentQuestions).toHaveLength(8);
    expect(new Set(selfAssessmentQuestions.map((q: any) => q.theme))).toEqual(
      new Set(['DIGITAL_TOOLS', 'FORMATIVE_FEEDBACK']),
    );
    expect(selfAssessmentQuestions[0].textSv).toMatch(/digitala verktyg/);
    expect(selfAssessmentQuestions[0].textEn).toMatch(/digital tools/);
    questionIds = selfAssessmentQuestions.map((q: any) => q.id);
    // Asked again (and by someone else), still eight: seeded once.
    expect((await admin.ok(QUESTIONS, { o: ORG })).selfAssessmentQuestions).toHaveLength(8);
  });

  it('prompts a participant while the start is open, and takes their answers once per phase', async () => {
    const sara = await teacher(0);
    const { mySelfAssessments } = await sara.ok(PROMPTS);
    expect(mySelfAssessments).toEqual([
      expect.objectContaining({ cohortId: SEEDED, phase: 'BEFORE', answeredAt: null }),
    ]);
    // Leaders and administrators have nothing to answer.
    expect((await maria.ok(PROMPTS)).mySelfAssessments).toEqual([]);
    for (const [n, value] of Object.entries(BEFORE)) {
      const c = await teacher(Number(n));
      const r = await c.ok(SUBMIT, {
        input: { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(value) },
      });
      expect(r.submitSelfAssessment.answeredAt).not.toBeNull();
    }
    // Answering again replaces the earlier answers (Sara first said 5, then 1).
    await sara.ok(SUBMIT, { input: { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(5) } });
    await sara.ok(SUBMIT, { input: { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(1) } });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM self_assessment_response WHERE cohort_id = $1 AND phase = 'BEFORE'`,
      [SEEDED],
    );
    expect(n).toBe(19);
  });

  it('refuses bad answers with a typed error and keeps nothing of them', async () => {
    const c = await teacher(11);
    const missing = await c.request(SUBMIT, {
      input: { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(3).slice(1) },
    });
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      await c.code(SUBMIT, { input: { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(6) } }),
    ).toBe('BAD_USER_INPUT');
    expect(await c.code(SUBMIT, { input: { cohortId: SEEDED, phase: 'AFTER', answers: answerAll(3) } })).toBe(
      'BAD_USER_INPUT',
    );
    const rows = await api.db.query(`SELECT 1 FROM self_assessment_response WHERE person_id = $1`, [
      TEACHER(11),
    ]);
    expect(rows).toHaveLength(0);
  });

  it('lets only the cohort’s participants answer', async () => {
    const input = { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(3) };
    expect(await maria.code(SUBMIT, { input })).toBe('FORBIDDEN');
    expect(await admin.code(SUBMIT, { input })).toBe('FORBIDDEN');
    // The school leader of participants' school sees the cohort, but answers nothing.
    expect(await (await api.signedIn(REKTOR_EKBACKE)).code(SUBMIT, { input })).toBe('FORBIDDEN');
    expect(await api.client().code(SUBMIT, { input })).toBe('UNAUTHENTICATED');
  });

  it('shows the start per school with small groups hidden, also the one that would give them away', async () => {
    const { selfAssessmentResults: r } = await admin.ok(RESULTS, { o: ORG });
    expect(r.minGroupSize).toBe(5);
    const school = (name: string) => r.bySchool.find((s: any) => s.name === name);
    expect(school('Ekbackeskolan').before).toEqual({ respondents: 6, mean: null, suppressed: false });
    expect(school('Ekbackeskolan').questions.map((q: any) => q.before.mean)).toEqual(Array(8).fill(2.5));
    expect(school('Tallåsens skola').questions[3].before).toEqual({
      respondents: 6,
      mean: 3.5,
      suppressed: false,
    });
    for (const name of ['Norrängsskolan', 'Solviksskolan']) {
      expect(school(name).before).toEqual({ respondents: null, mean: null, suppressed: true });
      expect(
        school(name).questions.every((q: any) => q.before.mean === null && q.before.respondents === null),
      ).toBe(true);
    }
    const cohort = r.byCohort.find((c: any) => c.id === SEEDED);
    expect(cohort.before.respondents).toBe(19);
    expect(cohort.questions[0].before.mean).toBe(3.16);
    expect(cohort.questions[0].after).toEqual({ respondents: 0, mean: null, suppressed: false });
    expect(cohort.questions[0].change).toBeNull();
  });

  it('shows the change once the end has been answered', async () => {
    await openAfter();
    expect((await (await teacher(0)).ok(PROMPTS)).mySelfAssessments).toEqual([
      expect.objectContaining({ cohortId: SEEDED, phase: 'AFTER', answeredAt: null }),
    ]);
    for (const [n, value] of Object.entries(AFTER)) {
      const c = await teacher(Number(n));
      await c.ok(SUBMIT, { input: { cohortId: SEEDED, phase: 'AFTER', answers: answerAll(value) } });
    }
    // The start is closed now.
    expect(
      await (
        await teacher(11)
      ).code(SUBMIT, { input: { cohortId: SEEDED, phase: 'BEFORE', answers: answerAll(3) } }),
    ).toBe('BAD_USER_INPUT');
    const { selfAssessmentResults: r } = await maria.ok(RESULTS, { o: ORG });
    const school = (name: string) => r.bySchool.find((s: any) => s.name === name);
    expect(school('Ekbackeskolan').questions[0]).toMatchObject({
      before: { respondents: 6, mean: 2.5 },
      after: { respondents: 6, mean: 3.83 },
      change: 1.33,
    });
    expect(school('Solviksskolan').questions[0]).toMatchObject({
      before: { suppressed: true, mean: null },
      after: { respondents: 6, mean: 3.67, suppressed: false },
      change: null,
    });
    expect(school('Tallåsens skola').questions[7]).toMatchObject({
      before: { mean: 3.5 },
      after: { mean: 4.33 },
      change: 0.83,
    });
    expect(school('Norrängsskolan').after).toEqual({ respondents: 0, mean: null, suppressed: false });
    const cohort = r.byCohort.find((c: any) => c.id === SEEDED);
    expect(cohort.questions[0]).toMatchObject({
      before: { respondents: 19, mean: 3.16 },
      after: { respondents: 18, mean: 3.94 },
      change: 0.78,
    });
  });

  it('gives the follow-up to administrators and course leaders only, and only their own cohorts', async () => {
    expect(await (await teacher(0)).code(RESULTS, { o: ORG })).toBe('FORBIDDEN');
    expect(await (await api.signedIn(REKTOR_EKBACKE)).code(RESULTS, { o: ORG })).toBe('FORBIDDEN');
    expect(await api.client().code(RESULTS, { o: ORG })).toBe('UNAUTHENTICATED');
    // Karin is a course leader who leads no cohort: nothing to see.
    const karin = (await (await api.signedIn(KARIN)).ok(RESULTS, { o: ORG })).selfAssessmentResults;
    expect(karin.byCohort).toEqual([]);
    expect(karin.bySchool).toEqual([]);
    const other = await addOrganisation(api.db, 'Norrby kommun', 'norrby');
    await addPerson(api.db, {
      organisationId: other.id,
      email: 'admin@norrby.example',
      fullName: 'Nora Admin',
      roles: ['ADMINISTRATOR'],
    });
    const norrby = await api.signedIn('admin@norrby.example');
    expect(await norrby.code(RESULTS, { o: ORG })).toBe('NOT_FOUND');
    expect(await norrby.code(QUESTIONS, { o: ORG })).toBe('NOT_FOUND');
    // Their own organisation has nothing yet.
    expect((await norrby.ok(RESULTS, { o: other.id })).selfAssessmentResults.byCohort).toEqual([]);
  });

  it("has no operation that returns one person's answers", () => {
    const schema = readFileSync(join(__dirname, '../schema.graphql'), 'utf8');
    const types = [...schema.matchAll(/^type (SelfAssessment\w*)/gm)].map((m) => m[1]).sort();
    expect(types).toEqual([
      'SelfAssessmentFigure',
      'SelfAssessmentGroup',
      'SelfAssessmentPrompt',
      'SelfAssessmentQuestion',
      'SelfAssessmentQuestionFigures',
      'SelfAssessmentResults',
    ]);
    // The prompt says whether one answered, never what.
    const prompt = schema.slice(schema.indexOf('type SelfAssessmentPrompt'));
    const fields = [...prompt.slice(0, prompt.indexOf('\n}')).matchAll(/^ {2}(\w+)[(:]/gm)]
      .map((m) => m[1])
      .sort();
    expect(fields).toEqual(['answeredAt', 'closesAt', 'cohortId', 'cohortName', 'opensAt', 'phase']);
  });

  it('lets administrators edit the statements: a statement with answers is retired, not deleted', async () => {
    const input = (questions: any[]) => ({ input: { organisationId: ORG, questions } });
    const current = (await admin.ok(QUESTIONS, { o: ORG })).selfAssessmentQuestions;
    const kept = current
      .slice(1)
      .map((q: any) => ({ id: q.id, theme: q.theme, textSv: q.textSv, textEn: q.textEn }));
    const next = [
      ...kept,
      {
        theme: 'OTHER',
        textSv: 'Jag samarbetar med kollegor om elevernas skrivande.',
        textEn: 'I work with colleagues on pupils’ writing.',
      },
    ];
    expect(await maria.code(SET, input(next))).toBe('FORBIDDEN');
    expect(await (await teacher(0)).code(SET, input(next))).toBe('FORBIDDEN');
    const empty = await admin.request(SET, input([{ theme: 'OTHER', textSv: ' ', textEn: 'x' }]));
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const saved = (await admin.ok(SET, input(next))).setSelfAssessmentQuestions;
    expect(saved).toHaveLength(8);
    expect(saved.at(-1).textSv).toMatch(/samarbetar/);
    const all = (
      await admin.ok(
        `query($o: ID!) { selfAssessmentQuestions(organisationId: $o, includeRetired: true) { id retired } }`,
        {
          o: ORG,
        },
      )
    ).selfAssessmentQuestions;
    expect(all.find((q: any) => q.id === current[0].id)).toEqual({ id: current[0].id, retired: true });
    // The retired statement's answers still count in the follow-up.
    const r = (await admin.ok(RESULTS, { o: ORG })).selfAssessmentResults;
    expect(r.questions.map((q: any) => q.id)).toContain(current[0].id);
  });

  it('registers the answers with the person: their own data export holds them', async () => {
    const res = await fetch(new URL('/export/me/data.json', api.url), {
      headers: { cookie: (await teacher(0)).sessionCookie ?? '' },
    });
    expect(res.status).toBe(200);
    const data = (await res.json()) as any;
    expect(data.selfAssessments.map((s: any) => [s.phase, s.answers[0].value])).toEqual([
      ['BEFORE', 1],
      ['AFTER', 3],
    ]);
  });
});
