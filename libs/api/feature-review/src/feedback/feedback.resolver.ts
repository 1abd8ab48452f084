import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnalysisEntity,
  AnalysisStatus,
  FeedbackCommentEntity,
  FeedbackEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { ParseIdPipe, requestLoader } from '@stl/api/util-graphql';
import { ReviewLookups } from '../common/review-lookups.service';
import { FeedbackCommentArgs, FeedbackInput, MarkHelpfulArgs } from './dto/feedback.inputs';
import { FeedbackService } from './feedback.service';

@Resolver(() => FeedbackEntity)
@SignedIn()
export class FeedbackResolver {
  constructor(
    private readonly feedbackService: FeedbackService,
    private readonly lookups: ReviewLookups,
  ) {}

  @Query(() => FeedbackEntity, {
    description: "One piece of feedback: the cohort's participants and leaders.",
  })
  feedback(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The feedback.' }, ParseIdPipe) id: string,
  ): Promise<FeedbackEntity> {
    return this.feedbackService.read(actor, id);
  }

  @Mutation(() => FeedbackEntity, {
    description:
      "The assigned critical friend or course leader gives feedback on the analysis's current published version; marks the assignment done. Final once given.",
  })
  giveFeedback(
    @CurrentActor() actor: Actor,
    @Args(
      'assignmentId',
      { type: () => ID, description: 'The review assignment the feedback fulfils (my own).' },
      ParseIdPipe,
    )
    assignmentId: string,
    @Args('input', { description: "The feedback's three parts." }) input: FeedbackInput,
  ): Promise<FeedbackEntity> {
    return this.feedbackService.give(actor, assignmentId, input);
  }

  @Mutation(() => FeedbackCommentEntity, {
    description: "Course leaders: a note on the quality of a critical friend's feedback (LEADER_NOTE).",
  })
  commentOnFeedback(
    @CurrentActor() actor: Actor,
    @Args() args: FeedbackCommentArgs,
  ): Promise<FeedbackCommentEntity> {
    return this.feedbackService.comment(actor, args.feedbackId, args.body);
  }

  @Mutation(() => FeedbackCommentEntity, { description: 'The analysis author answers feedback (REPLY).' })
  replyToFeedback(
    @CurrentActor() actor: Actor,
    @Args() args: FeedbackCommentArgs,
  ): Promise<FeedbackCommentEntity> {
    return this.feedbackService.reply(actor, args.feedbackId, args.body);
  }

  @Mutation(() => FeedbackEntity, {
    description: 'The analysis author marks feedback as helpful, or takes it back.',
  })
  markFeedbackHelpful(@CurrentActor() actor: Actor, @Args() args: MarkHelpfulArgs): Promise<FeedbackEntity> {
    return this.feedbackService.markHelpful(actor, args.feedbackId, args.helpful);
  }

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description:
      "Who gave the feedback (names follow the viewer's right to see them); null when that person was erased.",
  })
  author(@Parent() f: FeedbackEntity, @Context() ctx: RequestContext): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, f.authorId);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'The published version the feedback was given on.',
  })
  async version(@Parent() f: FeedbackEntity, @Context() ctx: RequestContext): Promise<number | null> {
    return (await this.lookups.version(ctx.req, f.analysisVersionId))?.version ?? null;
  }

  @ResolveField(() => AnalysisEntity, {
    nullable: true,
    description: 'The analysis the feedback is on; null when the viewer may not read it.',
  })
  analysis(@Parent() f: FeedbackEntity, @Context() ctx: RequestContext): Promise<AnalysisEntity | null> {
    return this.lookups.analysis(ctx.req, f.analysisId);
  }

  @ResolveField(() => Boolean, { description: 'The author marked it as helpful.' })
  helpful(@Parent() f: FeedbackEntity): boolean {
    return f.markedHelpfulAt !== null;
  }

  @ResolveField(() => [FeedbackCommentEntity], {
    description:
      "Replies by the author; leader notes only for the cohort's course leaders, the organisation's administrators and the feedback's author.",
  })
  async comments(
    @Parent() f: FeedbackEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<FeedbackCommentEntity[]> {
    const [cohortId, comments] = await Promise.all([
      requestLoader<string, string | null>(
        ctx.req,
        'review.cohortOfAnalysis',
        (ids) => this.feedbackService.cohortsOfAnalyses(ids),
        null,
      ).load(f.analysisId),
      requestLoader<string, FeedbackCommentEntity[]>(
        ctx.req,
        'review.feedbackComments',
        (ids) => this.feedbackService.commentsOf(ids),
        [],
      ).load(f.id),
    ]);
    if (!cohortId) return [];
    return this.feedbackService.visibleComments(actor, f, cohortId, comments);
  }
}

@Resolver(() => FeedbackCommentEntity)
@SignedIn()
export class FeedbackCommentResolver {
  constructor(private readonly lookups: ReviewLookups) {}

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description: 'Who wrote the comment; null when that person was erased.',
  })
  author(@Parent() c: FeedbackCommentEntity, @Context() ctx: RequestContext): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, c.authorId);
  }
}

@Resolver(() => AnalysisEntity)
@SignedIn()
export class AnalysisFeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @ResolveField(() => [FeedbackEntity], {
    description:
      "Feedback from critical friends and course leaders, oldest first: the cohort's participants and leaders (not school leaders).",
  })
  async feedback(
    @Parent() a: AnalysisEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<FeedbackEntity[]> {
    if (a.status !== AnalysisStatus.PUBLISHED) return [];
    await this.feedbackService.assertCanSeeFeedback(actor, a.cohortId);
    return requestLoader<string, FeedbackEntity[]>(
      ctx.req,
      'review.feedbackByAnalysis',
      (ids) => this.feedbackService.byAnalyses(ids),
      [],
    ).load(a.id);
  }
}
