import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  CohortEntity,
  CohortStatus,
  isUniqueViolation,
  MeetingEntity,
} from '@stl/api/data-access-db';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { DomainError, NotFoundError } from '@stl/api/util-errors';
import { groupBy, requestLoader } from '@stl/api/util-graphql';
import { MIN_ANALYSIS_ROUNDS, roundScheduleProblems } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { definedOnly, toFieldProblems } from '../common/problems';
import { nextNumber } from '../meeting/meeting-rules';
import { TemplateService } from '../template/template.service';
import type { CreateAnalysisRoundInput, UpdateAnalysisRoundInput } from './dto/round.inputs';

/** Analysis rounds: when participants write (opens → submission deadline) and give feedback. */
@Injectable()
export class RoundService {
  constructor(
    private readonly gate: CohortGate,
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
    await this.gate.manage(actor, cohortId);
    return this.gate.change(cohortId, 'schedule', async (m, cohort) => {
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
    });
  }

  async update(actor: Actor, id: string, input: UpdateAnalysisRoundInput): Promise<AnalysisRoundEntity> {
    const { round: found } = await this.get(actor, id);
    await this.gate.manage(actor, found.cohortId, { kind: 'analysis round', id });
    return this.gate.change(found.cohortId, 'schedule', async (m, cohort) => {
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
    });
  }

  /** Removes a round nobody has written in; an open cohort keeps at least six (rule 1). */
  async delete(actor: Actor, id: string): Promise<CohortEntity> {
    const { round } = await this.get(actor, id);
    await this.gate.manage(actor, round.cohortId, { kind: 'analysis round', id });
    return this.gate.change(round.cohortId, 'schedule', async (m, cohort) => {
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
    });
  }

  /** A cohort's rounds by number; batched per request. */
  listForCohort(req: object, cohortId: string): Promise<AnalysisRoundEntity[]> {
    return requestLoader<string, AnalysisRoundEntity[]>(
      req,
      'cohort:rounds',
      async (ids) =>
        groupBy(
          await this.rounds.find({ where: { cohortId: In([...ids]) }, order: { number: 'ASC' } }),
          (r) => r.cohortId,
        ),
      [],
    ).load(cohortId);
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
