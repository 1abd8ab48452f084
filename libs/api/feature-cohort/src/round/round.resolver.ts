import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnalysisRoundEntity,
  AnalysisTemplateVersionEntity,
  CohortEntity,
  MeetingEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { MeetingService } from '../meeting/meeting.service';
import { TemplateService } from '../template/template.service';
import { CreateAnalysisRoundInput, PlanRoundsArgs, UpdateAnalysisRoundInput } from './dto/round.inputs';
import { RoundService } from './round.service';
import { ParseIdPipe } from '@stl/api/util-graphql';

@Resolver(() => AnalysisRoundEntity)
@SignedIn()
export class RoundResolver {
  constructor(
    private readonly service: RoundService,
    private readonly meetings: MeetingService,
    private readonly templates: TemplateService,
  ) {}

  @Query(() => AnalysisRoundEntity, { description: 'An analysis round of a cohort you may see.' })
  async analysisRound(
    @Args('id', { type: () => ID, description: 'The round.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return (await this.service.get(actor, id)).round;
  }

  @Mutation(() => AnalysisRoundEntity, {
    description:
      'Plans a round: opens < submission deadline < feedback deadline within the cohort dates, else SCHEDULE_INVALID (rule 2).',
  })
  createAnalysisRound(
    @Args('cohortId', { type: () => ID, description: 'The cohort the round belongs to.' }, ParseIdPipe)
    cohortId: string,
    @Args('input', { description: 'The new round.' }) input: CreateAnalysisRoundInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.create(actor, cohortId, input);
  }

  @Mutation(() => AnalysisRoundEntity, {
    description: "Changes a round; the cohort's course leaders and the organisation's administrators.",
  })
  updateAnalysisRound(
    @Args('id', { type: () => ID, description: 'The round to change.' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateAnalysisRoundInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CohortEntity, {
    description:
      'Deletes a round nobody has written in; an open cohort keeps at least 6. Returns the cohort.',
  })
  deleteAnalysisRound(
    @Args('id', { type: () => ID, description: 'The round to delete.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.delete(actor, id);
  }

  @Mutation(() => CohortEntity, {
    description:
      "Makes the cohort's analysis rounds match the given plan in one transaction: rounds named by id are changed, rounds without id are created, the cohort's other rounds are removed. Course leaders of the cohort and administrators of its organisation. The whole plan is checked first; if any round is invalid nothing changes and every problem is listed with field `rounds.<index>.<field>` (SCHEDULE_INVALID for rule 2, NOT_FOUND for unknown ids, BAD_USER_INPUT for repeated numbers or a missing template version). Same status rules as the single-round mutations: CONFLICT once completed or archived, CONFLICT if an open cohort would keep fewer than 6 rounds or a removed round has analyses (problem ROUND_HAS_ANALYSES); TEMPLATE_VERSION_IN_USE if a round with analyses would change template. Returns the cohort.",
  })
  planRounds(@Args() args: PlanRoundsArgs, @CurrentActor() actor: Actor) {
    return this.service.plan(actor, args.cohortId, args.rounds);
  }

  @ResolveField(() => AnalysisTemplateVersionEntity, {
    description: "The analysis-template version this round's analyses answer.",
  })
  async templateVersion(
    @Parent() round: AnalysisRoundEntity,
    @Context() ctx: RequestContext,
  ): Promise<AnalysisTemplateVersionEntity> {
    const version = await this.templates.versionById(ctx.req, round.templateVersionId);
    if (!version) throw new NotFoundError('analysis template version', round.templateVersionId);
    return version;
  }

  @ResolveField(() => MeetingEntity, { nullable: true, description: 'Where the analyses are discussed.' })
  meeting(
    @Parent() round: AnalysisRoundEntity,
    @Context() ctx: RequestContext,
  ): Promise<MeetingEntity | null> {
    return round.meetingId ? this.meetings.byId(ctx.req, round.meetingId) : Promise.resolve(null);
  }
}
