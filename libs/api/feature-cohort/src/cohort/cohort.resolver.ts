import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AnalysisRoundEntity,
  CohortEntity,
  CohortStatus,
  MeetingEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import type { Page } from '@stl/api/util-graphql';
import { allowedCohortTransitions } from '@stl/shared/domain';
import { CohortGate } from '../common/cohort-gate.service';
import { asksFor } from '../common/selection';
import { MeetingService } from '../meeting/meeting.service';
import { ParticipantsArgs } from '../membership/membership.args';
import { CohortParticipantPage } from '../membership/membership.models';
import { MembershipService } from '../membership/membership.service';
import { RoundService } from '../round/round.service';
import { CohortsArgs } from './cohort.args';
import { CohortOpeningProblemModel, CohortPage } from './cohort.models';
import { CohortViewerRole, viewerRoleOf } from './cohort-rules';
import { CohortService } from './cohort.service';
import { CopyCohortInput } from './dto/copy-cohort.input';
import { CreateCohortInput } from './dto/create-cohort.input';
import { UpdateCohortInput } from './dto/update-cohort.input';
import { ParseIdPipe } from '@stl/api/util-graphql';

/**
 * Cohort objects reach a client only through `cohort`, `cohorts` and mutations, each of which checks
 * the actor's access first; fields that differ by role check again (cached per request).
 */
@Resolver(() => CohortEntity)
@SignedIn()
export class CohortResolver {
  constructor(
    private readonly service: CohortService,
    private readonly gate: CohortGate,
    private readonly memberships: MembershipService,
    private readonly meetingService: MeetingService,
    private readonly roundService: RoundService,
  ) {}

  @Query(() => CohortPage, { description: 'The cohorts you may see, newest first.' })
  cohorts(
    @Args() args: CohortsArgs,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<CohortEntity>> {
    // The page's meetings and rounds are read with it when asked for (one statement in all).
    return this.service.list(actor, args, {
      req: ctx.req,
      meetings: asksFor(info, ['nodes', 'meetings']),
      rounds: asksFor(info, ['nodes', 'rounds']),
    });
  }

  @Query(() => CohortEntity, {
    description:
      "A cohort by id, for whoever may see it: its members and leaders, the organisation's administrators and school leaders whose teachers take part.",
  })
  cohort(
    @Args('id', { type: () => ID, description: 'The cohort.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.get(actor, id);
  }

  @Mutation(() => CohortEntity, {
    description:
      'Creates a cohort in PLANNING; a name already used in the organisation and school year (ignoring case) is refused with COHORT_NAME_TAKEN. Administrators; or a certified course leader, who then leads it.',
  })
  createCohort(
    @Args('input', { description: 'The new cohort.' }) input: CreateCohortInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.create(actor, input);
  }

  @Mutation(() => CohortEntity, {
    description:
      "Changes settings; school year and dates only while PLANNING. The cohort's leaders or an administrator.",
  })
  updateCohort(
    @Args('id', { type: () => ID, description: 'The cohort to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateCohortInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CohortEntity, {
    description: 'PLANNING → OPEN. Refused with COHORT_NOT_READY listing every readiness problem (rule 1).',
  })
  openCohort(
    @Args('id', { type: () => ID, description: 'The cohort to open.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.open(actor, id);
  }

  @Mutation(() => CohortEntity, {
    description:
      'Creates a PLANNING cohort from an earlier one: settings, leaders, meetings and rounds moved to the same weekdays; no participants. Refused with COHORT_NAME_TAKEN for a name already used in that school year. Those who manage the source and may create cohorts.',
  })
  copyCohort(
    @Args('input', { description: "The cohort to copy and the new one's name and dates." })
    input: CopyCohortInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.copy(actor, input);
  }

  @Mutation(() => ID, {
    description:
      "Deletes a PLANNING cohort and everything in it; returns its id. Any other status is refused with CONFLICT (archive it instead). The cohort's leaders or an administrator.",
  })
  deleteCohort(
    @Args('id', { type: () => ID, description: 'The cohort to delete.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.delete(actor, id);
  }

  @Mutation(() => CohortEntity, { description: 'OPEN → COMPLETED.' })
  completeCohort(
    @Args('id', { type: () => ID, description: 'The cohort to mark completed.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.complete(actor, id);
  }

  @Mutation(() => CohortEntity, { description: 'PLANNING or COMPLETED → ARCHIVED (read-only from then on).' })
  archiveCohort(
    @Args('id', { type: () => ID, description: 'The cohort to archive.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.archive(actor, id);
  }

  @ResolveField(() => [MeetingEntity], { description: 'By number.' })
  meetings(@Parent() cohort: CohortEntity, @Context() ctx: RequestContext): Promise<MeetingEntity[]> {
    return this.meetingService.listForCohort(ctx.req, cohort.id);
  }

  @ResolveField(() => [AnalysisRoundEntity], { description: 'By number.' })
  rounds(@Parent() cohort: CohortEntity, @Context() ctx: RequestContext): Promise<AnalysisRoundEntity[]> {
    return this.roundService.listForCohort(ctx.req, cohort.id);
  }

  @ResolveField(() => [PersonEntity], { description: 'Current course leaders, by name.' })
  leaders(@Parent() cohort: CohortEntity, @Context() ctx: RequestContext): Promise<PersonEntity[]> {
    return this.memberships.leadersOf(ctx.req, cohort.id);
  }

  @ResolveField(() => CohortParticipantPage, {
    description: 'Participants by name. School leaders see only those enrolled from their own schools.',
  })
  participants(@Parent() cohort: CohortEntity, @Args() args: ParticipantsArgs, @CurrentActor() actor: Actor) {
    return this.memberships.participants(actor, cohort.id, args);
  }

  @ResolveField(() => [CohortOpeningProblemModel], {
    nullable: true,
    description: "What still stops the cohort from opening (empty when ready). The cohort's managers only.",
  })
  openingProblems(@Parent() cohort: CohortEntity, @CurrentActor() actor: Actor) {
    return this.service.openingProblemsFor(actor, cohort);
  }

  @ResolveField(() => CohortViewerRole, { description: 'How the signed-in person relates to this cohort.' })
  async viewerRole(@Parent() cohort: CohortEntity, @CurrentActor() actor: Actor): Promise<CohortViewerRole> {
    return viewerRoleOf(await this.gate.read(actor, cohort.id));
  }

  @ResolveField(() => Boolean, { description: 'You may plan and run this cohort (leader or administrator).' })
  async viewerCanManage(@Parent() cohort: CohortEntity, @CurrentActor() actor: Actor): Promise<boolean> {
    return (await this.gate.read(actor, cohort.id)).canManage;
  }

  @ResolveField(() => [CohortStatus], { description: 'Statuses the cohort may move to next.' })
  allowedTransitions(@Parent() cohort: CohortEntity): CohortStatus[] {
    return allowedCohortTransitions(cohort.status) as CohortStatus[];
  }
}
