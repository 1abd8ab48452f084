import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  CohortRole,
  Role,
  SelfAssessmentAnswerEntity,
  SelfAssessmentQuestionEntity,
} from '@stl/api/data-access-db';
import { AccessPolicy, hasRole } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import {
  MIN_GROUP_SIZE,
  SEED_QUESTIONS,
  SELF_ASSESSMENT_TEXT_MAX,
  openSelfAssessmentWindow,
  selfAssessmentFigures,
} from '@stl/shared/domain';
import type { GroupCountRow, QuestionSumRow, SelfAssessmentCohortFacts } from '@stl/shared/domain';
import type {
  SelfAssessmentGroupModel,
  SelfAssessmentPromptModel,
  SelfAssessmentQuestionModel,
  SelfAssessmentResultsModel,
  SetSelfAssessmentQuestionsInput,
  SubmitSelfAssessmentInput,
} from './self-assessment.models';
import { SelfAssessmentPhase, SelfAssessmentTheme } from './self-assessment.models';

const toModel = (q: SelfAssessmentQuestionEntity): SelfAssessmentQuestionModel => ({
  id: q.id,
  position: q.position,
  theme: q.theme as SelfAssessmentTheme,
  textSv: q.textSv,
  textEn: q.textEn,
  retired: q.retiredAt !== null,
});

interface CohortRow {
  id: string;
  name: string;
  status: SelfAssessmentCohortFacts['status'];
  starts_on: string;
  ends_on: string;
  first_deadline: Date | null;
  last_meeting: Date | null;
}

/** The facts `openSelfAssessmentWindow` needs, for the given cohorts. */
const COHORT_FACTS = `
  SELECT c.id, c.name, c.status, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on,
         (SELECT min(r.submission_deadline) FROM analysis_round r WHERE r.cohort_id = c.id) AS first_deadline,
         (SELECT max(m.starts_at) FROM meeting m WHERE m.cohort_id = c.id) AS last_meeting
    FROM cohort c WHERE c.id = ANY($1::uuid[])`;

const facts = (c: CohortRow): SelfAssessmentCohortFacts => ({
  status: c.status,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  firstSubmissionDeadline: c.first_deadline ? new Date(c.first_deadline) : null,
  lastMeetingStartsAt: c.last_meeting ? new Date(c.last_meeting) : null,
});

/**
 * Self-assessment before and after a cohort (issue 14, ADR 0034): the organisation's statements
 * (seeded on first use, edited by its administrators), participants' answers while a window is
 * open, and the follow-up as means of groups of MIN_GROUP_SIZE or more. No operation returns one
 * person's answers: only the person's own export does (privacy registry).
 */
@Injectable()
export class SelfAssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  /** The organisation's statements, writing the built-in ones on first use. */
  async questions(
    actor: Actor,
    organisationId: string,
    includeRetired = false,
  ): Promise<SelfAssessmentQuestionModel[]> {
    this.access.assertMemberOf(actor, organisationId);
    const rows = await this.ensureQuestions(this.dataSource.manager, organisationId);
    return rows.filter((q) => includeRetired || q.retiredAt === null).map(toModel);
  }

  private async ensureQuestions(
    m: EntityManager,
    organisationId: string,
  ): Promise<SelfAssessmentQuestionEntity[]> {
    const find = () =>
      m.find(SelfAssessmentQuestionEntity, {
        where: { organisationId },
        order: { position: 'ASC', createdAt: 'ASC' },
      });
    const rows = await find();
    if (rows.length > 0) return rows;
    await m
      .createQueryBuilder()
      .insert()
      .into(SelfAssessmentQuestionEntity)
      .values(
        SEED_QUESTIONS.map((q, i) => ({
          organisationId,
          position: i + 1,
          theme: q.theme,
          textSv: q.sv,
          textEn: q.en,
          seedKey: q.key,
        })),
      )
      .orIgnore()
      .execute();
    return find();
  }

  /** Replaces the list on the form; statements with answers that are left out are retired, others deleted. */
  async setQuestions(
    actor: Actor,
    input: SetSelfAssessmentQuestionsInput,
  ): Promise<SelfAssessmentQuestionModel[]> {
    this.access.assertAdminOf(actor, input.organisationId);
    const problems: FieldProblem[] = [];
    input.questions.forEach((q, i) => {
      for (const field of ['textSv', 'textEn'] as const) {
        const text = q[field].trim();
        if (!text)
          problems.push({
            field: `questions.${i}.${field}`,
            code: 'REQUIRED',
            message: 'Write the statement.',
          });
        else if (text.length > SELF_ASSESSMENT_TEXT_MAX)
          problems.push({
            field: `questions.${i}.${field}`,
            code: 'TOO_LONG',
            message: `At most ${SELF_ASSESSMENT_TEXT_MAX} characters.`,
          });
      }
    });
    const ids = input.questions.map((q) => q.id).filter((id): id is string => !!id);
    if (new Set(ids).size !== ids.length)
      problems.push({ field: 'questions', code: 'DUPLICATE_KEY', message: 'A statement is listed twice.' });
    await this.dataSource.transaction(async (m) => {
      const existing = await this.ensureQuestions(m, input.organisationId);
      const byId = new Map(existing.map((q) => [q.id, q]));
      input.questions.forEach((q, i) => {
        if (q.id && !byId.has(q.id))
          problems.push({ field: `questions.${i}.id`, code: 'NOT_FOUND', message: 'No such statement.' });
      });
      if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
      const kept = new Set(ids);
      const answered = new Set(
        (
          (await m.query(
            `SELECT DISTINCT question_id FROM self_assessment_answer WHERE question_id = ANY($1::uuid[])`,
            [existing.map((q) => q.id)],
          )) as { question_id: string }[]
        ).map((r) => r.question_id),
      );
      for (const q of existing.filter((q) => !kept.has(q.id))) {
        if (answered.has(q.id)) {
          if (q.retiredAt === null)
            await m.update(
              SelfAssessmentQuestionEntity,
              { id: q.id },
              { retiredAt: new Date(), position: 1000 + q.position },
            );
        } else await m.delete(SelfAssessmentQuestionEntity, { id: q.id });
      }
      for (const [i, q] of input.questions.entries()) {
        const values = {
          position: i + 1,
          theme: q.theme,
          textSv: q.textSv.trim(),
          textEn: q.textEn.trim(),
          retiredAt: null,
        };
        if (q.id) await m.update(SelfAssessmentQuestionEntity, { id: q.id }, values);
        else
          await m.insert(SelfAssessmentQuestionEntity, {
            ...values,
            organisationId: input.organisationId,
            seedKey: null,
          });
      }
    });
    return this.questions(actor, input.organisationId);
  }

  /** The self-assessments the signed-in participant may answer now, in cohorts they take part in. */
  async myPrompts(actor: Actor, now: Date = new Date()): Promise<SelfAssessmentPromptModel[]> {
    const memberships: { cohort_id: string }[] = await this.dataSource.query(
      `SELECT cohort_id FROM cohort_membership WHERE person_id = $1 AND role = $2 AND left_at IS NULL`,
      [actor.personId, CohortRole.PARTICIPANT],
    );
    if (memberships.length === 0) return [];
    const cohorts: CohortRow[] = await this.dataSource.query(COHORT_FACTS, [
      memberships.map((r) => r.cohort_id),
    ]);
    const answered: { cohort_id: string; phase: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT cohort_id, phase, updated_at FROM self_assessment_response WHERE person_id = $1`,
      [actor.personId],
    );
    const answeredAt = new Map(answered.map((a) => [`${a.cohort_id}|${a.phase}`, new Date(a.updated_at)]));
    return cohorts
      .flatMap((c) => {
        const w = openSelfAssessmentWindow(facts(c), now);
        return w
          ? [
              {
                cohortId: c.id,
                cohortName: c.name,
                phase: w.phase as SelfAssessmentPhase,
                opensAt: w.opensAt,
                closesAt: w.closesAt,
                answeredAt: answeredAt.get(`${c.id}|${w.phase}`) ?? null,
              },
            ]
          : [];
      })
      .sort((a, b) => a.cohortName.localeCompare(b.cohortName, 'sv'));
  }

  /**
   * Saves a participant's answers for the open phase (again, while it is open: the newer answers
   * replace the older). Every statement on the form once, 1–5; anything else changes nothing.
   */
  async submit(
    actor: Actor,
    input: SubmitSelfAssessmentInput,
    now: Date = new Date(),
  ): Promise<SelfAssessmentPromptModel> {
    const access = await this.access.cohortAccess(actor, input.cohortId);
    if (!access.participant)
      throw new ForbiddenError('Only the cohort’s participants answer its self-assessment.');
    const [cohort]: CohortRow[] = await this.dataSource.query(COHORT_FACTS, [[input.cohortId]]);
    const window = openSelfAssessmentWindow(facts(cohort), now);
    if (!window || window.phase !== input.phase)
      throw new BadInputError('This self-assessment is not open now.', [
        { field: 'phase', code: 'INVALID', message: 'This self-assessment is not open now.' },
      ]);
    await this.dataSource.transaction(async (m) => {
      const onForm = (await this.ensureQuestions(m, access.cohort.organisationId)).filter(
        (q) => q.retiredAt === null,
      );
      const given = new Map(input.answers.map((a) => [a.questionId, a.value]));
      const problems: FieldProblem[] = [];
      if (given.size !== input.answers.length)
        problems.push({ field: 'answers', code: 'DUPLICATE_KEY', message: 'A statement is answered twice.' });
      onForm.forEach((q) => {
        if (!given.has(q.id))
          problems.push({ field: `answers.${q.id}`, code: 'REQUIRED', message: 'Answer every statement.' });
      });
      input.answers.forEach((a, i) => {
        if (!onForm.some((q) => q.id === a.questionId))
          problems.push({
            field: `answers.${i}.questionId`,
            code: 'NOT_FOUND',
            message: 'No such statement on the form.',
          });
      });
      if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
      const [membership]: { school_id: string | null }[] = await m.query(
        `SELECT school_id FROM cohort_membership WHERE cohort_id = $1 AND person_id = $2 AND role = $3`,
        [input.cohortId, actor.personId, CohortRole.PARTICIPANT],
      );
      const [response]: { id: string }[] = await m.query(
        `INSERT INTO self_assessment_response (cohort_id, person_id, phase, school_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (cohort_id, person_id, phase) DO UPDATE SET updated_at = now(), school_id = EXCLUDED.school_id
         RETURNING id`,
        [input.cohortId, actor.personId, input.phase, membership?.school_id ?? null],
      );
      await m.delete(SelfAssessmentAnswerEntity, { responseId: response.id });
      await m.insert(
        SelfAssessmentAnswerEntity,
        input.answers.map((a) => ({ responseId: response.id, questionId: a.questionId, value: a.value })),
      );
    });
    const prompt = (await this.myPrompts(actor, now)).find(
      (p) => p.cohortId === input.cohortId && p.phase === input.phase,
    );
    if (!prompt) throw new NotFoundError('self-assessment');
    return prompt;
  }

  /**
   * The follow-up: per cohort and per school, mean before and after of each statement and the
   * respondents, for groups of MIN_GROUP_SIZE or more. Administrators: every cohort of the
   * organisation (optionally one school year); course leaders: the cohorts they lead. Teachers and
   * school leaders are refused (FORBIDDEN), other organisations not found.
   */
  async results(
    actor: Actor,
    organisationId: string,
    schoolYear: string | null,
  ): Promise<SelfAssessmentResultsModel> {
    this.access.assertMemberOf(actor, organisationId);
    const admin = this.access.isAdminOf(actor, organisationId);
    if (!admin && !hasRole(actor, Role.COURSE_LEADER, organisationId))
      throw new ForbiddenError('Only administrators and course leaders see the self-assessment follow-up.');
    const cohorts: { id: string; name: string }[] = await this.dataSource.query(
      admin
        ? `SELECT c.id, c.name FROM cohort c
            WHERE c.organisation_id = $1 AND ($2::text IS NULL OR c.school_year = $2) ORDER BY c.starts_on, c.name`
        : `SELECT c.id, c.name FROM cohort c
             JOIN cohort_membership m ON m.cohort_id = c.id AND m.person_id = $3 AND m.role = 'LEADER' AND m.left_at IS NULL
            WHERE c.organisation_id = $1 AND ($2::text IS NULL OR c.school_year = $2) ORDER BY c.starts_on, c.name`,
      admin ? [organisationId, schoolYear] : [organisationId, schoolYear, actor.personId],
    );
    const cohortIds = cohorts.map((c) => c.id);
    const questions = (await this.ensureQuestions(this.dataSource.manager, organisationId)).map(toModel);
    const perGroup = async (groupColumn: 'cohort_id' | 'school_id') => {
      const counts: { grp: string | null; phase: string; respondents: number }[] =
        await this.dataSource.query(
          `SELECT r.${groupColumn} AS grp, r.phase, count(*)::int AS respondents
           FROM self_assessment_response r WHERE r.cohort_id = ANY($1::uuid[]) GROUP BY 1, 2`,
          [cohortIds],
        );
      const sums: { grp: string | null; phase: string; question_id: string; answers: number; sum: number }[] =
        await this.dataSource.query(
          `SELECT r.${groupColumn} AS grp, r.phase, a.question_id, count(*)::int AS answers, sum(a.value)::int AS sum
             FROM self_assessment_response r JOIN self_assessment_answer a ON a.response_id = r.id
            WHERE r.cohort_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
          [cohortIds],
        );
      const key = (g: string | null) => g ?? '';
      return {
        counts: counts.map((c): GroupCountRow => ({
          group: key(c.grp),
          phase: c.phase as 'BEFORE',
          respondents: c.respondents,
        })),
        sums: sums.map((s): QuestionSumRow => ({
          group: key(s.grp),
          phase: s.phase as 'BEFORE',
          questionId: s.question_id,
          answers: s.answers,
          sum: s.sum,
        })),
      };
    };
    const answeredQuestions = new Set<string>();
    const build = async (
      column: 'cohort_id' | 'school_id',
      groups: { id: string | null; name: string }[],
    ): Promise<SelfAssessmentGroupModel[]> => {
      const { counts, sums } = await perGroup(column);
      sums.forEach((s) => answeredQuestions.add(s.questionId));
      const figures = selfAssessmentFigures(
        groups.map((g) => g.id ?? ''),
        questions.map((q) => q.id),
        counts,
        sums,
      );
      return groups.map((g, i) => ({ id: g.id, name: g.name, ...figures[i] }));
    };
    const byCohort = await build('cohort_id', cohorts);
    const schools: { id: string | null; name: string | null }[] = cohortIds.length
      ? await this.dataSource.query(
          `SELECT DISTINCT r.school_id AS id, s.name FROM self_assessment_response r LEFT JOIN school s ON s.id = r.school_id
            WHERE r.cohort_id = ANY($1::uuid[]) ORDER BY s.name NULLS LAST`,
          [cohortIds],
        )
      : [];
    const bySchool = await build(
      'school_id',
      schools.map((s) => ({ id: s.id, name: s.name ?? '–' })),
    );
    return {
      minGroupSize: MIN_GROUP_SIZE,
      questions: questions.filter((q) => !q.retired || answeredQuestions.has(q.id)),
      byCohort,
      bySchool,
    };
  }
}
