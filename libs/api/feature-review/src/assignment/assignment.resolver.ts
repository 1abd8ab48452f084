import {
  Args,
  Context,
  GraphQLISODateTime,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  FeedbackEntity,
  PersonEntity,
  ReviewAssignmentEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { ParseIdPipe, requestLoader } from '@stl/api/util-graphql';
import { ReviewLookups } from '../common/review-lookups.service';
import { ReviewReasonModel } from '../common/review.models';
import { FeedbackService } from '../feedback/feedback.service';
import { AssignmentService } from './assignment.service';
import { AddReviewerArgs, AssignmentArgs, MyReviewTasksArgs, SwapReviewerArgs } from './dto/assignment.args';

@Resolver(() => ReviewAssignmentEntity)
@SignedIn()
export class AssignmentResolver {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly feedback: FeedbackService,
    private readonly lookups: ReviewLookups,
  ) {}

  @Query(() => [ReviewAssignmentEntity], {
    description: 'My critical-friend tasks (live assignments), soonest feedback deadline first.',
  })
  myReviewTasks(
    @CurrentActor() actor: Actor,
    @Args() args: MyReviewTasksArgs,
  ): Promise<ReviewAssignmentEntity[]> {
    return this.assignments.myTasks(actor, args);
  }

  @Mutation(() => ReviewAssignmentEntity, { description: 'Course leaders: adds a critical friend by hand.' })
  addReviewer(@CurrentActor() actor: Actor, @Args() args: AddReviewerArgs): Promise<ReviewAssignmentEntity> {
    return this.assignments.addReviewer(actor, args.analysisId, args.reviewerId);
  }

  @Mutation(() => ReviewAssignmentEntity, {
    description:
      "Course leaders of the analysis's cohort (not administrators who do not lead it): their leader-feedback assignment on a published analysis, made now if the round is not allocated yet, so leader feedback never waits for critical friends. Returns the live one if they have it.",
  })
  startLeaderFeedback(
    @CurrentActor() actor: Actor,
    @Args(
      'analysisId',
      { type: () => ID, description: 'The published analysis to give leader feedback on.' },
      ParseIdPipe,
    )
    analysisId: string,
  ): Promise<ReviewAssignmentEntity> {
    return this.assignments.startLeaderFeedback(actor, analysisId);
  }

  @Mutation(() => ReviewAssignmentEntity, {
    description: 'Course leaders: cancels an assignment not yet done (it stays in the history).',
  })
  removeReviewer(
    @CurrentActor() actor: Actor,
    @Args() args: AssignmentArgs,
  ): Promise<ReviewAssignmentEntity> {
    return this.assignments.removeReviewer(actor, args.assignmentId);
  }

  @Mutation(() => ReviewAssignmentEntity, {
    description: 'Course leaders: gives an open peer assignment to someone else; returns the new assignment.',
  })
  swapReviewer(
    @CurrentActor() actor: Actor,
    @Args() args: SwapReviewerArgs,
  ): Promise<ReviewAssignmentEntity> {
    return this.assignments.swapReviewer(actor, args.assignmentId, args.newReviewerId);
  }

  @ResolveField(() => [ReviewReasonModel], { description: 'Why this reviewer was chosen.' })
  reasons(@Parent() a: ReviewAssignmentEntity): ReviewReasonModel[] {
    return (a.reasons ?? []).map(({ code, message }) => ({ code, message }));
  }

  @ResolveField(() => Boolean, { description: 'Feedback has been given.' })
  done(@Parent() a: ReviewAssignmentEntity): boolean {
    return a.completedAt !== null;
  }

  @ResolveField(() => AnalysisEntity, { nullable: true, description: 'The published analysis to review.' })
  analysis(
    @Parent() a: ReviewAssignmentEntity,
    @Context() ctx: RequestContext,
  ): Promise<AnalysisEntity | null> {
    // Read with the assignment when the list joined it in (myReviewTasks), else by the loader.
    if (a.analysis) return Promise.resolve(a.analysis);
    return this.lookups.analysis(ctx.req, a.analysisId);
  }

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description:
      "The reviewer (names follow the viewer's right to see them); null when that person was erased.",
  })
  reviewer(
    @Parent() a: ReviewAssignmentEntity,
    @Context() ctx: RequestContext,
  ): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, a.reviewerId);
  }

  @ResolveField(() => AnalysisRoundEntity, { nullable: true, description: 'The round.' })
  round(
    @Parent() a: ReviewAssignmentEntity,
    @Context() ctx: RequestContext,
  ): Promise<AnalysisRoundEntity | null> {
    if (a.round) return Promise.resolve(a.round);
    return this.lookups.round(ctx.req, a.roundId);
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: "The round's feedback deadline." })
  async dueAt(@Parent() a: ReviewAssignmentEntity, @Context() ctx: RequestContext): Promise<Date | null> {
    return (await this.round(a, ctx))?.feedbackDeadline ?? null;
  }

  @ResolveField('feedback', () => FeedbackEntity, {
    nullable: true,
    description: 'The feedback given on this assignment.',
  })
  givenFeedback(
    @Parent() a: ReviewAssignmentEntity,
    @Context() ctx: RequestContext,
  ): Promise<FeedbackEntity | null> {
    return requestLoader<string, FeedbackEntity | null>(
      ctx.req,
      'review.feedbackByAssignment',
      (ids) => this.feedback.byAssignments(ids),
      null,
    ).load(a.id);
  }
}

@Resolver(() => AnalysisRoundEntity)
@SignedIn()
export class RoundAssignmentsResolver {
  constructor(private readonly assignmentService: AssignmentService) {}

  @ResolveField(() => [ReviewAssignmentEntity], {
    description: "Course leaders: the round's critical-friend and leader assignments.",
  })
  async assignments(
    @Parent() round: AnalysisRoundEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
    @Args('includeCancelled', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Also list cancelled assignments (history).',
    })
    includeCancelled: boolean,
  ): Promise<ReviewAssignmentEntity[]> {
    await this.assignmentService.assertCanManageRound(actor, round);
    return requestLoader<string, ReviewAssignmentEntity[]>(
      ctx.req,
      `review.roundAssignments:${includeCancelled}`,
      (ids) => this.assignmentService.ofRounds(ids, includeCancelled),
      [],
    ).load(round.id);
  }
}
