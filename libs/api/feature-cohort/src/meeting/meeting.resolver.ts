import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AttendanceEntity, CohortEntity, MeetingEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { AttendanceService } from '../attendance/attendance.service';
import { CreateMeetingInput } from './dto/create-meeting.input';
import { UpdateMeetingInput } from './dto/update-meeting.input';
import { MeetingService } from './meeting.service';
import { ParseIdPipe } from '@stl/api/util-graphql';

@Resolver(() => MeetingEntity)
@SignedIn()
export class MeetingResolver {
  constructor(
    private readonly service: MeetingService,
    private readonly attendanceService: AttendanceService,
  ) {}

  @Query(() => MeetingEntity, { description: 'A meeting of a cohort you may see.' })
  async meeting(
    @Args('id', { type: () => ID, description: 'The meeting.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return (await this.service.get(actor, id)).meeting;
  }

  @Mutation(() => MeetingEntity, {
    description:
      'Plans a meeting. PHYSICAL needs a location, DIGITAL an https video link; times out of order or outside the cohort give SCHEDULE_INVALID.',
  })
  createMeeting(
    @Args('cohortId', { type: () => ID, description: 'The cohort the meeting belongs to.' }, ParseIdPipe)
    cohortId: string,
    @Args('input', { description: 'The new meeting.' }) input: CreateMeetingInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.create(actor, cohortId, input);
  }

  @Mutation(() => MeetingEntity, {
    description:
      "Changes a meeting; the cohort's course leaders and the organisation's administrators. Participants hear of a moved meeting in the next reminder.",
  })
  updateMeeting(
    @Args('id', { type: () => ID, description: 'The meeting to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateMeetingInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CohortEntity, {
    description:
      'Deletes a meeting without recorded attendance; an open cohort keeps at least 8. Returns the cohort.',
  })
  deleteMeeting(
    @Args('id', { type: () => ID, description: 'The meeting to delete.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.delete(actor, id);
  }

  @ResolveField(() => [AttendanceEntity], {
    description:
      "Leaders and administrators see everyone's; a participant their own; a school leader their school's participants.",
  })
  attendance(
    @Parent() meeting: MeetingEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<AttendanceEntity[]> {
    return this.attendanceService.forMeeting(actor, ctx.req, meeting);
  }
}
