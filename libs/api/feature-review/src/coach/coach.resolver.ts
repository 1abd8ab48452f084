import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnalysisRoundEntity,
  FeedbackEntity,
  NextStepChoiceEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { requestLoader } from '@stl/api/util-graphql';
import { ReviewLookups } from '../common/review-lookups.service';
import {
  ChooseNextStepArgs,
  CohortFeedbackQualityArgs,
  CohortFeedbackQualityModel,
  FriendFeedbackQualityModel,
} from './coach.models';
import { CoachService } from './coach.service';

@Resolver(() => CohortFeedbackQualityModel)
@SignedIn()
export class CoachResolver {
  constructor(private readonly coach: CoachService) {}

  @Query(() => CohortFeedbackQualityModel, {
    description:
      "The feedback coach's figures of a cohort (ADR 0035): per round and per critical friend, how much feedback is anchored, asks and proposes a next step. The cohort's course leaders and administrators; participants and school leaders are refused (FORBIDDEN).",
  })
  cohortFeedbackQuality(
    @CurrentActor() actor: Actor,
    @Args() args: CohortFeedbackQualityArgs,
  ): Promise<CohortFeedbackQualityModel> {
    return this.coach.figures(actor, args.cohortId);
  }

  @Mutation(() => NextStepChoiceEntity, {
    nullable: true,
    description:
      'The author of an analysis marks the sentence of a feedback they will try (null takes it back; then null is answered). Only that author; the sentence must stand in the feedback.',
  })
  chooseNextStep(
    @CurrentActor() actor: Actor,
    @Args() args: ChooseNextStepArgs,
  ): Promise<NextStepChoiceEntity | null> {
    return this.coach.chooseNextStep(actor, args.feedbackId, args.step ?? null);
  }
}

@Resolver(() => FriendFeedbackQualityModel)
@SignedIn()
export class FriendFeedbackQualityResolver {
  constructor(private readonly lookups: ReviewLookups) {}

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description: 'The critical friend, named as the viewer may see them; null when the person was erased.',
  })
  person(
    @Parent() f: FriendFeedbackQualityModel,
    @Context() ctx: RequestContext,
  ): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, f.personId);
  }
}

@Resolver(() => FeedbackEntity)
@SignedIn()
export class FeedbackNextStepResolver {
  constructor(private readonly coach: CoachService) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The sentence of this feedback the analysis author chose to try; null when none. Only for that author and the cohort's course leaders and administrators (null for everyone else).",
  })
  async chosenNextStep(
    @Parent() f: FeedbackEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<string | null> {
    const choice = await requestLoader<string, NextStepChoiceEntity | null>(
      ctx.req,
      'coach.choiceOfFeedback',
      (ids) => this.coach.choicesOf(ids),
      null,
    ).load(f.id);
    return choice && (await this.coach.canSeeChoice(actor, choice)) ? choice.step : null;
  }
}

@Resolver(() => AnalysisRoundEntity)
@SignedIn()
export class RoundNextStepsResolver {
  constructor(private readonly coach: CoachService) {}

  @ResolveField(() => [NextStepChoiceEntity], {
    description:
      "The next steps I chose from feedback on my analyses of the cohort's earlier rounds, newest round first: the reminder in the editor of this round's analysis. Only ever the viewer's own choices.",
  })
  myNextStepsToTry(
    @Parent() round: AnalysisRoundEntity,
    @CurrentActor() actor: Actor,
  ): Promise<NextStepChoiceEntity[]> {
    return this.coach.stepsToTry(actor, round);
  }
}
