import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AttendanceEntity, MeetingEntity, PersonEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { MembershipService } from '../membership/membership.service';
import { AttendanceService } from './attendance.service';
import { RecordAttendanceArgs } from './dto/record-attendance.args';

@Resolver(() => AttendanceEntity)
@SignedIn()
export class AttendanceResolver {
  constructor(
    private readonly service: AttendanceService,
    private readonly memberships: MembershipService,
  ) {}

  @Mutation(() => MeetingEntity, {
    description:
      "Records or corrects attendance of the cohort's participants, all or nothing. Returns the meeting. Refused with MEETING_NOT_STARTED (details.startsAt) for a meeting that has not started yet.",
  })
  recordAttendance(@Args() args: RecordAttendanceArgs, @CurrentActor() actor: Actor) {
    return this.service.record(actor, args);
  }

  @ResolveField(() => PersonEntity, { description: 'The participant.' })
  async person(@Parent() row: AttendanceEntity, @Context() ctx: RequestContext): Promise<PersonEntity> {
    const person = await this.memberships.personById(ctx.req, row.personId);
    if (!person) throw new NotFoundError('person', row.personId);
    return person;
  }
}
