import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AttendanceEntity, CohortMembershipEntity, CohortRole, MeetingEntity } from '@stl/api/data-access-db';
import { schoolsLedBy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, DomainError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { groupBy, requestLoader } from '@stl/api/util-graphql';
import { attendanceRecordingProblem } from '@stl/shared/domain';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { MembershipService } from '../membership/membership.service';
import type { RecordAttendanceArgs } from './dto/record-attendance.args';

@Injectable()
export class AttendanceService {
  constructor(
    private readonly gate: CohortGate,
    private readonly commands: CohortCommands,
    private readonly memberships: MembershipService,
    @InjectRepository(AttendanceEntity) private readonly attendance: Repository<AttendanceEntity>,
  ) {}

  /**
   * Records (or corrects) attendance for participants of the meeting's cohort, all in one
   * statement: either every entry is saved or, with one unknown person, none. Only for a meeting
   * that has started (MEETING_NOT_STARTED otherwise): attendance is what happened, and completion
   * counts it.
   */
  async record(actor: Actor, args: RecordAttendanceArgs): Promise<MeetingEntity> {
    const entries = [...new Map(args.entries.map((e) => [e.personId, e])).values()];
    const target = { kind: 'meeting', id: args.meetingId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Attendance, { actor: 'manage' }, async (m) => {
      // Read under the cohort's lock: a meeting moved meanwhile (updateMeeting takes the same
      // lock) is judged by its start time as it is now, not as it was before the change.
      const meeting = await m.findOne(MeetingEntity, { where: { id: args.meetingId } });
      if (!meeting) throw new NotFoundError('meeting', args.meetingId);
      const now = new Date();
      const notStarted = attendanceRecordingProblem(meeting, now);
      if (notStarted) {
        throw new DomainError('MEETING_NOT_STARTED', notStarted.message, [], {
          startsAt: notStarted.startsAt.toISOString(),
        });
      }
      const participants = await m.find(CohortMembershipEntity, {
        select: { personId: true },
        where: {
          cohortId: meeting.cohortId,
          role: CohortRole.PARTICIPANT,
          personId: In(entries.map((e) => e.personId)),
        },
      });
      const known = new Set(participants.map((p) => p.personId));
      const problems: FieldProblem[] = args.entries.flatMap((e, i) =>
        known.has(e.personId)
          ? []
          : [
              {
                field: `entries.${i}.personId`,
                code: 'NOT_A_PARTICIPANT',
                message: `No participant of this cohort has id ${e.personId}.`,
              },
            ],
      );
      if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
      await m
        .createQueryBuilder()
        .insert()
        .into(AttendanceEntity)
        .values(
          entries.map((e) => ({
            meetingId: meeting.id,
            personId: e.personId,
            status: e.status,
            recordedById: actor.personId,
            recordedAt: now,
          })),
        )
        .orUpdate(['status', 'recorded_by_id', 'recorded_at'], ['meeting_id', 'person_id'])
        .execute();
      return meeting;
    });
  }

  /**
   * What the actor may see of a meeting's attendance: all of it for those who run the cohort, a
   * participant's own row, a school leader's own school's participants.
   */
  async forMeeting(actor: Actor, req: object, meeting: MeetingEntity): Promise<AttendanceEntity[]> {
    const access = await this.gate.read(actor, meeting.cohortId, { kind: 'meeting', id: meeting.id });
    const rows = await this.byMeeting(req, meeting.id);
    if (access.canManage) return rows;
    const led = schoolsLedBy(actor);
    const schools = led.length ? await this.memberships.participantSchools(req, meeting.cohortId) : null;
    return rows.filter(
      (r) =>
        r.personId === actor.personId || (schools !== null && led.includes(schools.get(r.personId) ?? '')),
    );
  }

  private byMeeting(req: object, meetingId: string): Promise<AttendanceEntity[]> {
    return requestLoader<string, AttendanceEntity[]>(
      req,
      'cohort:attendance',
      async (ids) =>
        groupBy(
          await this.attendance
            .createQueryBuilder('a')
            .innerJoin('a.person', 'p')
            .where('a.meetingId IN (:...ids)', { ids })
            .orderBy('p.fullName', 'ASC')
            .addOrderBy('p.id', 'ASC')
            .getMany(),
          (a) => a.meetingId,
        ),
      [],
    ).load(meetingId);
  }
}
