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
import { richTextToPlainText } from '@stl/shared/domain';
import { analyseFeedback, guessCoachLanguage } from '@stl/shared/domain/feedback-coach';
import { ReviewLookups } from '../common/review-lookups.service';
import { FeedbackQualityModel } from './feedback-quality.models';
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
  async giveFeedback(
    @CurrentActor() actor: Actor,
    @Args(
      'assignmentId',
      { type: () => ID, description: 'The review assignment the feedback fulfils (my own).' },
      ParseIdPipe,
    )
    assignmentId: string,
    @Args('input', { description: "The feedback's three parts." }) input: FeedbackInput,
    @Context() ctx: RequestContext,
  ): Promise<FeedbackEntity> {
    const given = await this.feedbackService.give(actor, assignmentId, input);
    // The answer's fields read what the command already holds: the version, the cohort, and no
    // comments yet (the feedback is new).
    this.lookups.primeVersion(ctx.req, given.version);
    this.cohortOfAnalysis(ctx.req).prime(given.feedback.analysisId, given.cohortId);
    this.commentsOf(ctx.req).prime(given.feedback.id, []);
    return given.feedback;
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

  @ResolveField(() => FeedbackQualityModel, {
    description:
      "The feedback coach's reading of this feedback beside the version it answers (anchored, question, next step, about learning, only praise), computed when asked. Visible to whoever may see the feedback.",
  })
  async quality(@Parent() f: FeedbackEntity, @Context() ctx: RequestContext): Promise<FeedbackQualityModel> {
    const answers = (await this.lookups.versionAnswers(ctx.req, f.analysisVersionId)) ?? {};
    const analysisText = Object.values(answers).map(richTextToPlainText).join('\n\n');
    const text = [f.worksWell, f.questions, f.nextSteps].join('\n');
    return analyseFeedback(text, analysisText, guessCoachLanguage(text));
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
      this.cohortOfAnalysis(ctx.req).load(f.analysisId),
      this.commentsOf(ctx.req).load(f.id),
    ]);
    if (!cohortId) return [];
    return this.feedbackService.visibleComments(actor, f, cohortId, comments);
  }

  private cohortOfAnalysis(req: object) {
    return requestLoader<string, string | null>(
      req,
      'review.cohortOfAnalysis',
      (ids) => this.feedbackService.cohortsOfAnalyses(ids),
      null,
    );
  }

  private commentsOf(req: object) {
    return requestLoader<string, FeedbackCommentEntity[]>(
      req,
      'review.feedbackComments',
      (ids) => this.feedbackService.commentsOf(ids),
      [],
    );
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
