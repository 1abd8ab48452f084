import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnalysisRoundEntity,
  FeedbackEntity,
  FeedbackExampleEntity,
  NextStepChoiceEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { requestLoader } from '@stl/api/util-graphql';
import { ReviewLookups } from '../common/review-lookups.service';
import {
  AnswerFeedbackExampleArgs,
  ChooseNextStepArgs,
  FeedbackExampleArgs,
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

  @Query(() => [FeedbackExampleEntity], {
    description:
      "Critical friends' feedback the writers agreed to show as good examples, newest answer first. The cohort's course leaders and administrators; everyone else is refused.",
  })
  cohortFeedbackExamples(
    @CurrentActor() actor: Actor,
    @Args() args: CohortFeedbackQualityArgs,
  ): Promise<FeedbackExampleEntity[]> {
    return this.coach.examples(actor, args.cohortId);
  }

  @Mutation(() => FeedbackExampleEntity, {
    description:
      "A course leader asks the writer of a critical friend's feedback whether it may be shown as a good example (nothing is shown before the writer agrees). The cohort's course leaders and administrators; asking again keeps the answer.",
  })
  askToShowFeedback(
    @CurrentActor() actor: Actor,
    @Args() args: FeedbackExampleArgs,
  ): Promise<FeedbackExampleEntity> {
    return this.coach.askForExample(actor, args.feedbackId);
  }

  @Mutation(() => FeedbackExampleEntity, {
    description:
      'The writer of the feedback answers whether it may be shown as a good example, or changes the answer. Only that writer.',
  })
  answerFeedbackExample(
    @CurrentActor() actor: Actor,
    @Args() args: AnswerFeedbackExampleArgs,
  ): Promise<FeedbackExampleEntity> {
    return this.coach.answerExample(actor, args.feedbackId, args.consent);
  }
}

@Resolver(() => FeedbackExampleEntity)
@SignedIn()
export class FeedbackExampleResolver {
  constructor(private readonly coach: CoachService) {}

  @ResolveField(() => FeedbackEntity, {
    description: 'The feedback itself: whoever sees the request (the writer, the course leaders) sees it.',
  })
  feedback(@Parent() e: FeedbackExampleEntity): Promise<FeedbackEntity> {
    return this.coach.feedbackById(e.feedbackId);
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

  @ResolveField(() => FeedbackExampleEntity, {
    nullable: true,
    description:
      "A course leader's request to show this feedback as a good example, with the writer's answer; null when none. Only for the writer and the cohort's course leaders and administrators.",
  })
  async exampleRequest(
    @Parent() f: FeedbackEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<FeedbackExampleEntity | null> {
    const example = await requestLoader<string, FeedbackExampleEntity | null>(
      ctx.req,
      'coach.exampleOfFeedback',
      (ids) => this.coach.examplesOf(ids),
      null,
    ).load(f.id);
    return example && (await this.coach.canSeeExample(actor, example)) ? example : null;
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
