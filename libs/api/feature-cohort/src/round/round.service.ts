import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisTemplateVersionEntity,
  CohortEntity,
  CohortStatus,
  isUniqueViolation,
  MeetingEntity,
  EntityJson,
} from '@stl/api/data-access-db';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { DomainError, FieldProblemCode, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { groupBy, requestLoader } from '@stl/api/util-graphql';
import { MIN_ANALYSIS_ROUNDS, roundScheduleProblems } from '@stl/shared/domain';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { definedOnly, toFieldProblems } from '../common/problems';
import { nextNumber } from '../meeting/meeting-rules';
import { TemplateService } from '../template/template.service';
import type { CreateAnalysisRoundInput, RoundPlanInput, UpdateAnalysisRoundInput } from './dto/round.inputs';

/** Analysis rounds: when participants write (opens → submission deadline) and give feedback. */
@Injectable()
export class RoundService {
  /** Reads the rounds a list read as json (`cohortJson`); made on first use. */
  private json?: EntityJson<AnalysisRoundEntity>;

  constructor(
    private readonly gate: CohortGate,
    private readonly commands: CohortCommands,
    private readonly templates: TemplateService,
    @InjectRepository(AnalysisRoundEntity) private readonly rounds: Repository<AnalysisRoundEntity>,
  ) {}

  async get(actor: Actor, id: string): Promise<{ round: AnalysisRoundEntity; access: CohortAccess }> {
    const round = await this.rounds.findOne({ where: { id } });
    if (!round) throw new NotFoundError('analysis round', id);
    const access = await this.gate.read(actor, round.cohortId, { kind: 'analysis round', id });
    return { round, access };
  }

  async create(
    actor: Actor,
    cohortId: string,
    input: CreateAnalysisRoundInput,
  ): Promise<AnalysisRoundEntity> {
    return this.commands.run(
      actor,
      cohortId,
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const round = m.create(AnalysisRoundEntity, {
          cohortId,
          title: input.title,
          templateVersionId: input.templateVersionId,
          meetingId: input.meetingId ?? null,
          opensAt: input.opensAt,
          submissionDeadline: input.submissionDeadline,
          feedbackDeadline: input.feedbackDeadline,
        });
        const numbers = await this.numbersInUse(m, cohortId);
        round.number = input.number ?? nextNumber(numbers);
        await this.check(m, round, cohort, numbers);
        return this.save(m, round);
      },
    );
  }

  async update(actor: Actor, id: string, input: UpdateAnalysisRoundInput): Promise<AnalysisRoundEntity> {
    return this.commands.runOn(
      actor,
      { kind: 'analysis round', id: id },
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const round = await m.findOneOrFail(AnalysisRoundEntity, { where: { id } });
        const { meetingId, ...rest } = input;
        const changesTemplate =
          rest.templateVersionId !== undefined && rest.templateVersionId !== round.templateVersionId;
        Object.assign(round, definedOnly(rest));
        if (meetingId !== undefined) round.meetingId = meetingId;
        await this.check(m, round, cohort, await this.numbersInUse(m, cohort.id, id));
        if (changesTemplate && (await m.exists(AnalysisEntity, { where: { roundId: id } })))
          throw new DomainError(
            'TEMPLATE_VERSION_IN_USE',
            'Participants have already started writing in this round, so its template version cannot change.',
            [
              {
                field: 'templateVersionId',
                code: 'ROUND_HAS_ANALYSES',
                message: 'Participants have already started writing in this round.',
              },
            ],
          );
        return this.save(m, round);
      },
    );
  }

  /** Removes a round nobody has written in; an open cohort keeps at least six (rule 1). */
  async delete(actor: Actor, id: string): Promise<CohortEntity> {
    return this.commands.runOn(
      actor,
      { kind: 'analysis round', id: id },
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const count = await m.count(AnalysisRoundEntity, { where: { cohortId: cohort.id } });
        if (cohort.status === CohortStatus.OPEN && count <= MIN_ANALYSIS_ROUNDS)
          throw new DomainError(
            'CONFLICT',
            `An open cohort must keep at least ${MIN_ANALYSIS_ROUNDS} analysis rounds; add another before deleting this one.`,
          );
        if (await m.exists(AnalysisEntity, { where: { roundId: id } }))
          throw new DomainError(
            'CONFLICT',
            'Participants have already written in this round, so it cannot be deleted; change its dates instead.',
          );
        await m.delete(AnalysisRoundEntity, { id });
        return cohort;
      },
    );
  }

  /**
   * Makes the cohort's rounds match `plan` in one transaction holding the cohort's row lock: rounds
   * named by id are changed, rounds without id are created, the cohort's other rounds are removed.
   * The whole plan is checked first (rule 2 per round, template versions of the organisation,
   * meetings of the cohort, unique numbers) and refused with every problem
   * (`rounds.<index>.<field>`); the status rules are those of create/update/delete: not once
   * completed or archived, an open cohort keeps at least six rounds, and a round someone has
   * written in is neither removed nor given another template version. Nothing is written unless
   * all of it is allowed.
   */
  async plan(actor: Actor, cohortId: string, plan: readonly RoundPlanInput[]): Promise<CohortEntity> {
    return this.commands.run(
      actor,
      cohortId,
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const existing = await m.find(AnalysisRoundEntity, { where: { cohortId } });
        const byId = new Map(existing.map((r) => [r.id, r]));
        const problems: FieldProblem[] = [];
        const at = (i: number, field: string) => `rounds.${i}.${field}`;
        const versionIds = [
          ...new Set(plan.flatMap((p) => (p.templateVersionId ? [p.templateVersionId] : []))),
        ];
        const meetingIds = [...new Set(plan.flatMap((p) => (p.meetingId ? [p.meetingId] : [])))];
        const [versions, meetings] = await Promise.all([
          versionIds.length
            ? m
                .getRepository(AnalysisTemplateVersionEntity)
                .createQueryBuilder('v')
                .innerJoin('v.template', 't')
                .select('v.id', 'id')
                .where('v.id IN (:...versionIds) AND t.organisationId = :org', {
                  versionIds,
                  org: cohort.organisationId,
                })
                .getRawMany<{ id: string }>()
            : [],
          meetingIds.length
            ? m.find(MeetingEntity, { select: { id: true }, where: { id: In(meetingIds), cohortId } })
            : [],
        ]);
        const knownVersions = new Set(versions.map((v) => v.id));
        const knownMeetings = new Set(meetings.map((x) => x.id));
        const keptIds = new Set(plan.flatMap((p) => (p.id ? [p.id] : [])));
        const firstWithNumber = new Map<number, number>();
        const firstWithId = new Map<string, number>();
        const period = { startsOn: cohort.startsOn, endsOn: cohort.endsOn };

        plan.forEach((p, i) => {
          const notFound = (field: string, kind: string, id: string) =>
            problems.push({
              field: at(i, field),
              code: FieldProblemCode.NotFound,
              message: `Round ${p.number}: no ${kind} with id ${id} exists in this cohort, or you may not see it.`,
            });
          if (p.id && !byId.has(p.id)) notFound('id', 'analysis round', p.id);
          if (p.id && firstWithId.has(p.id))
            problems.push({
              field: at(i, 'id'),
              code: FieldProblemCode.NumberTaken,
              message: `Round ${p.number}: the same round appears twice in the plan.`,
            });
          if (p.id) firstWithId.set(p.id, i);
          const versionId = p.templateVersionId ?? (p.id ? byId.get(p.id)?.templateVersionId : undefined);
          if (!versionId)
            problems.push({
              field: at(i, 'templateVersionId'),
              code: 'REQUIRED',
              message: `Round ${p.number}: a new round needs an analysis template version.`,
            });
          else if (p.templateVersionId && !knownVersions.has(p.templateVersionId))
            notFound('templateVersionId', 'analysis template version', p.templateVersionId);
          if (p.meetingId && !knownMeetings.has(p.meetingId)) notFound('meetingId', 'meeting', p.meetingId);
          if (firstWithNumber.has(p.number))
            problems.push({
              field: at(i, 'number'),
              code: FieldProblemCode.NumberTaken,
              message: `Round number ${p.number} appears more than once in the plan.`,
            });
          else firstWithNumber.set(p.number, i);
          problems.push(...toFieldProblems(roundScheduleProblems(p, period), `rounds.${i}`));
        });
        if (problems.length) {
          const codes = new Set(problems.map((p) => p.code));
          const code = codes.has(FieldProblemCode.NotFound)
            ? 'NOT_FOUND'
            : problems.some((p) => /\.(opensAt|submissionDeadline|feedbackDeadline)$/.test(p.field))
              ? 'SCHEDULE_INVALID'
              : 'BAD_USER_INPUT';
          throw new DomainError(
            code,
            `The round plan was not saved: ${problems.map((p) => p.message).join(' ')}`,
            problems,
          );
        }

        const removed = existing.filter((r) => !keptIds.has(r.id));
        if (cohort.status === CohortStatus.OPEN && removed.length && plan.length < MIN_ANALYSIS_ROUNDS)
          throw new DomainError(
            'CONFLICT',
            `An open cohort must keep at least ${MIN_ANALYSIS_ROUNDS} analysis rounds; this plan has ${plan.length}.`,
            [
              {
                field: 'rounds',
                code: 'TOO_FEW_ROUNDS',
                message: `Plan at least ${MIN_ANALYSIS_ROUNDS} rounds.`,
              },
            ],
          );
        const changingTemplate = plan.flatMap((p, i) =>
          p.id && p.templateVersionId && p.templateVersionId !== byId.get(p.id)?.templateVersionId
            ? [{ p, i }]
            : [],
        );
        const touched = [...removed.map((r) => r.id), ...changingTemplate.map((c) => c.p.id as string)];
        const written = new Set(
          touched.length
            ? (
                await m
                  .createQueryBuilder(AnalysisEntity, 'a')
                  .select('DISTINCT a.roundId', 'roundId')
                  .where('a.roundId IN (:...touched)', { touched })
                  .getRawMany<{ roundId: string }>()
              ).map((r) => r.roundId)
            : [],
        );
        const removing = removed.filter((r) => written.has(r.id));
        if (removing.length) {
          const list = removing.map((r) => r.number).join(', ');
          throw new DomainError(
            'CONFLICT',
            `Participants have already written in round ${list}, so it cannot be removed; keep it in the plan and change its dates instead.`,
            removing.map((r) => ({
              field: 'rounds',
              code: FieldProblemCode.RoundHasAnalyses,
              message: `Participants have already written in round ${r.number}, so it cannot be removed.`,
            })),
          );
        }
        const retemplated = changingTemplate.filter((c) => written.has(c.p.id as string));
        if (retemplated.length)
          throw new DomainError(
            'TEMPLATE_VERSION_IN_USE',
            'Participants have already started writing in a round of the plan, so its template version cannot change.',
            retemplated.map((c) => ({
              field: at(c.i, 'templateVersionId'),
              code: FieldProblemCode.RoundHasAnalyses,
              message: `Participants have already started writing in round ${c.p.number}.`,
            })),
          );

        // Remove, then move kept rounds out of the way (numbers are unique per cohort), then write.
        if (removed.length) await m.delete(AnalysisRoundEntity, { id: In(removed.map((r) => r.id)) });
        const kept = plan.filter((p) => p.id);
        for (const [i, p] of kept.entries())
          await m.update(AnalysisRoundEntity, { id: p.id as string }, { number: -1 - i });
        for (const p of plan) {
          const values = {
            number: p.number,
            title: p.title,
            meetingId: p.meetingId ?? null,
            opensAt: p.opensAt,
            submissionDeadline: p.submissionDeadline,
            feedbackDeadline: p.feedbackDeadline,
            templateVersionId: (p.templateVersionId ?? byId.get(p.id ?? '')?.templateVersionId) as string,
          };
          if (p.id) await m.update(AnalysisRoundEntity, { id: p.id }, values);
          else await m.insert(AnalysisRoundEntity, { ...values, cohortId });
        }
        return cohort;
      },
    );
  }

  /** A cohort's rounds by number; batched per request. */
  listForCohort(req: object, cohortId: string): Promise<AnalysisRoundEntity[]> {
    return this.byCohort(req).load(cohortId);
  }

  /**
   * A select-list expression over cohort rows (as `cohortAlias`): the cohort's rounds by number as a
   * json array of row arrays (null for none), for a list to read with its cohorts and hand to `primeForCohort`.
   */
  cohortJson(cohortAlias: string): string {
    return this.reader().childrenOf(cohortAlias, 'cohort_id', 'number');
  }

  /** Keeps a cohort's rounds read by `cohortJson` as this request's answer to `listForCohort`. */
  primeForCohort(req: object, cohortId: string, json: unknown[][] | null): void {
    this.byCohort(req).prime(cohortId, this.reader().readAll(json));
  }

  private reader(): EntityJson<AnalysisRoundEntity> {
    return (this.json ??= new EntityJson<AnalysisRoundEntity>(this.rounds.metadata));
  }

  private byCohort(req: object): DataLoader<string, AnalysisRoundEntity[]> {
    return requestLoader<string, AnalysisRoundEntity[]>(
      req,
      'cohort:rounds',
      async (ids) =>
        groupBy(
          await this.rounds.find({ where: { cohortId: In([...ids]) }, order: { number: 'ASC' } }),
          (r) => r.cohortId,
        ),
      [],
    );
  }

  private async numbersInUse(m: EntityManager, cohortId: string, exceptId?: string): Promise<number[]> {
    const rows = await m.find(AnalysisRoundEntity, {
      select: { id: true, number: true },
      where: { cohortId },
    });
    return rows.filter((r) => r.id !== exceptId).map((r) => r.number);
  }

  /**
   * Template version of the organisation and meeting of the cohort (NOT_FOUND otherwise), then
   * rule 2 (SCHEDULE_INVALID with every problem), then a free number (CONFLICT).
   */
  private async check(
    m: EntityManager,
    round: AnalysisRoundEntity,
    cohort: CohortEntity,
    numbersTaken: number[],
  ): Promise<void> {
    await this.templates.assertVersionInOrganisation(m, cohort.organisationId, round.templateVersionId);
    if (
      round.meetingId &&
      !(await m.exists(MeetingEntity, { where: { id: round.meetingId, cohortId: cohort.id } }))
    )
      throw new NotFoundError('meeting', round.meetingId);
    const problems = roundScheduleProblems(round, { startsOn: cohort.startsOn, endsOn: cohort.endsOn });
    if (problems.length)
      throw new DomainError(
        'SCHEDULE_INVALID',
        problems.map((p) => p.message).join(' '),
        toFieldProblems(problems),
      );
    if (numbersTaken.includes(round.number)) throw this.numberTaken(round.number);
  }

  private async save(m: EntityManager, round: AnalysisRoundEntity): Promise<AnalysisRoundEntity> {
    try {
      return await m.save(AnalysisRoundEntity, round);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.numberTaken(round.number);
      throw error;
    }
  }

  private numberTaken(n: number): DomainError {
    const message = `This cohort already has an analysis round number ${n}.`;
    return new DomainError('CONFLICT', message, [{ field: 'number', code: 'NUMBER_TAKEN', message }]);
  }
}
