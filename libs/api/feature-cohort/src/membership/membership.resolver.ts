import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CohortEntity, CohortMembershipEntity, PersonEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { CohortPersonArgs, EnrolParticipantsArgs, SetSameSchoolArgs } from './membership.args';
import { MembershipService } from './membership.service';

@Resolver(() => CohortMembershipEntity)
@SignedIn()
export class MembershipResolver {
  constructor(private readonly service: MembershipService) {}

  @Mutation(() => CohortEntity, {
    description:
      'Adds a course leader: COURSE_LEADER role and a certification covering the cohort dates, else CERTIFICATION_INVALID. Administrators only.',
  })
  addCohortLeader(@Args() args: CohortPersonArgs, @CurrentActor() actor: Actor) {
    return this.service.addLeader(actor, args);
  }

  @Mutation(() => CohortEntity, {
    description:
      'Ends a leadership (kept as history). An open cohort keeps one certified leader. Administrators only.',
  })
  removeCohortLeader(@Args() args: CohortPersonArgs, @CurrentActor() actor: Actor) {
    return this.service.removeLeader(actor, args);
  }

  @Mutation(() => [CohortMembershipEntity], {
    description:
      'Enrols a list of teachers of the organisation (a whole class list, up to 500) in one transaction; course leaders of the cohort and administrators of its organisation. Idempotent: already enrolled ones stay as they are, withdrawn ones come back. All or nothing: every row is checked first, and if any is refused (problems with field `personIds.<index>` and code NOT_FOUND, PERSON_INACTIVE, NOT_A_TEACHER or ALREADY_LEADER) nobody is enrolled; the error code is NOT_FOUND if an id is unknown, else BAD_USER_INPUT. Returns the membership of every person named, in the order given. Sends no mail.',
  })
  enrolParticipants(@Args() args: EnrolParticipantsArgs, @CurrentActor() actor: Actor) {
    return this.service.enrol(actor, args);
  }

  @Mutation(() => CohortMembershipEntity, {
    description: 'Marks a participant as withdrawn; history is kept.',
  })
  withdrawParticipant(@Args() args: CohortPersonArgs, @CurrentActor() actor: Actor) {
    return this.service.withdraw(actor, args);
  }

  @Mutation(() => CohortMembershipEntity, {
    description: 'Whether the participant gets critical friends from their own school.',
  })
  setParticipantSameSchool(@Args() args: SetSameSchoolArgs, @CurrentActor() actor: Actor) {
    return this.service.setSameSchool(actor, args);
  }

  @ResolveField(() => PersonEntity, {
    description: "The member (names follow the viewer's right to see them).",
  })
  async person(
    @Parent() membership: CohortMembershipEntity,
    @Context() ctx: RequestContext,
  ): Promise<PersonEntity> {
    const person = await this.service.personById(ctx.req, membership.personId);
    if (!person) throw new NotFoundError('person', membership.personId);
    return person;
  }
}
