import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AttendanceEntity,
  CohortEntity,
  CohortStatus,
  isUniqueViolation,
  MeetingEntity,
  EntityJson,
} from '@stl/api/data-access-db';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { BadInputError, DomainError, NotFoundError } from '@stl/api/util-errors';
import { groupBy, requestLoader } from '@stl/api/util-graphql';
import { MIN_MEETINGS, meetingScheduleProblems } from '@stl/shared/domain';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { definedOnly, toFieldProblems } from '../common/problems';
import type { CreateMeetingInput } from './dto/create-meeting.input';
import type { UpdateMeetingInput } from './dto/update-meeting.input';
import { meetingPlaceProblems, nextNumber } from './meeting-rules';

@Injectable()
export class MeetingService {
  /** Reads the meetings a list read as json (`cohortJson`); made on first use. */
  private json?: EntityJson<MeetingEntity>;

  constructor(
    private readonly gate: CohortGate,
    private readonly commands: CohortCommands,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
  ) {}

  /** A meeting the actor may see (anyone who may see its cohort), else NOT_FOUND. */
  async get(actor: Actor, id: string): Promise<{ meeting: MeetingEntity; access: CohortAccess }> {
    const meeting = await this.meetings.findOne({ where: { id } });
    if (!meeting) throw new NotFoundError('meeting', id);
    const access = await this.gate.read(actor, meeting.cohortId, { kind: 'meeting', id });
    return { meeting, access };
  }

  async create(actor: Actor, cohortId: string, input: CreateMeetingInput): Promise<MeetingEntity> {
    return this.commands.run(
      actor,
      cohortId,
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const meeting = m.create(MeetingEntity, {
          cohortId,
          title: input.title,
          theme: input.theme || null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          mode: input.mode,
          location: input.location || null,
          videoUrl: input.videoUrl || null,
          preparation: input.preparation ?? '',
          discussionQuestions: input.discussionQuestions ?? [],
        });
        const numbers = await this.numbersInUse(m, cohortId);
        meeting.number = input.number ?? nextNumber(numbers);
        this.check(meeting, cohort, numbers);
        return this.save(m, meeting);
      },
    );
  }

  async update(actor: Actor, id: string, input: UpdateMeetingInput): Promise<MeetingEntity> {
    return this.commands.runOn(
      actor,
      { kind: 'meeting', id: id },
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const meeting = await m.findOneOrFail(MeetingEntity, { where: { id } });
        const { theme, location, videoUrl, ...rest } = input;
        Object.assign(meeting, definedOnly(rest));
        if (theme !== undefined) meeting.theme = theme || null;
        if (location !== undefined) meeting.location = location || null;
        if (videoUrl !== undefined) meeting.videoUrl = videoUrl || null;
        this.check(meeting, cohort, await this.numbersInUse(m, cohort.id, id));
        return this.save(m, meeting);
      },
    );
  }

  /**
   * Removes a meeting that nobody's attendance was recorded for; an open cohort keeps at least
   * eight (rule 1). Rounds discussed at it keep their dates and lose the link.
   */
  async delete(actor: Actor, id: string): Promise<CohortEntity> {
    return this.commands.runOn(
      actor,
      { kind: 'meeting', id: id },
      CohortChangeKind.Schedule,
      { actor: 'manage' },
      async (m, cohort) => {
        const count = await m.count(MeetingEntity, { where: { cohortId: cohort.id } });
        if (cohort.status === CohortStatus.OPEN && count <= MIN_MEETINGS)
          throw new DomainError(
            'CONFLICT',
            `An open cohort must keep at least ${MIN_MEETINGS} meetings; add another before deleting this one.`,
          );
        if (await m.exists(AttendanceEntity, { where: { meetingId: id } }))
          throw new DomainError(
            'CONFLICT',
            'Attendance has been recorded for this meeting, so it cannot be deleted; change its date instead.',
          );
        await m.delete(MeetingEntity, { id });
        return cohort;
      },
    );
  }

  /** A cohort's meetings by number; batched per request. */
  listForCohort(req: object, cohortId: string): Promise<MeetingEntity[]> {
    return this.byCohort(req).load(cohortId);
  }

  /**
   * A select-list expression over cohort rows (as `cohortAlias`): the cohort's meetings by number as a
   * json array of row arrays (null for none), for a list to read with its cohorts and hand to `primeForCohort`.
   */
  cohortJson(cohortAlias: string): string {
    return this.reader().childrenOf(cohortAlias, 'cohort_id', 'number');
  }

  /** Keeps a cohort's meetings read by `cohortJson` as this request's answer to `listForCohort`. */
  primeForCohort(req: object, cohortId: string, json: unknown[][] | null): void {
    this.byCohort(req).prime(cohortId, this.reader().readAll(json));
  }

  private reader(): EntityJson<MeetingEntity> {
    return (this.json ??= new EntityJson<MeetingEntity>(this.meetings.metadata));
  }

  private byCohort(req: object): DataLoader<string, MeetingEntity[]> {
    return requestLoader<string, MeetingEntity[]>(
      req,
      'cohort:meetings',
      async (ids) =>
        groupBy(
          await this.meetings.find({ where: { cohortId: In([...ids]) }, order: { number: 'ASC' } }),
          (mt) => mt.cohortId,
        ),
      [],
    );
  }

  /** A meeting by id; batched per request (rounds in a list point at their meetings). */
  byId(req: object, id: string): Promise<MeetingEntity | null> {
    return requestLoader<string, MeetingEntity | null>(
      req,
      'cohort:meeting',
      async (ids) => {
        const rows = await this.meetings.find({ where: { id: In([...ids]) } });
        return new Map(rows.map((r) => [r.id, r]));
      },
      null,
    ).load(id);
  }

  private async numbersInUse(m: EntityManager, cohortId: string, exceptId?: string): Promise<number[]> {
    const rows = await m.find(MeetingEntity, { select: { id: true, number: true }, where: { cohortId } });
    return rows.filter((r) => r.id !== exceptId).map((r) => r.number);
  }

  /** Bad input (place, number) as BAD_USER_INPUT or CONFLICT; times as SCHEDULE_INVALID. */
  private check(meeting: MeetingEntity, cohort: CohortEntity, numbersTaken: number[]): void {
    const place = meetingPlaceProblems(meeting);
    if (place.length) throw new BadInputError(place.map((p) => p.message).join(' '), place);
    const schedule = meetingScheduleProblems(meeting, { startsOn: cohort.startsOn, endsOn: cohort.endsOn });
    if (schedule.length)
      throw new DomainError(
        'SCHEDULE_INVALID',
        schedule.map((p) => p.message).join(' '),
        toFieldProblems(schedule),
      );
    if (numbersTaken.includes(meeting.number)) throw this.numberTaken(meeting.number);
  }

  private async save(m: EntityManager, meeting: MeetingEntity): Promise<MeetingEntity> {
    try {
      return await m.save(MeetingEntity, meeting);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.numberTaken(meeting.number);
      throw error;
    }
  }

  private numberTaken(n: number): DomainError {
    const message = `This cohort already has a meeting number ${n}.`;
    return new DomainError('CONFLICT', message, [{ field: 'number', code: 'NUMBER_TAKEN', message }]);
  }
}
