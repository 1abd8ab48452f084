import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnalysisEntity, AnalysisStatus, PassageCommentEntity, PersonEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { requestLoader } from '@stl/api/util-graphql';
import { ReviewLookups } from '../common/review-lookups.service';
import {
  EditPassageCommentArgs,
  PassageCommentIdArgs,
  PassageCommentInput,
} from './dto/passage-comment.inputs';
import { PassageCommentService } from './passage-comment.service';

@Resolver(() => PassageCommentEntity)
@SignedIn()
export class PassageCommentResolver {
  constructor(
    private readonly service: PassageCommentService,
    private readonly lookups: ReviewLookups,
  ) {}

  @Mutation(() => PassageCommentEntity, {
    description:
      "Comment on a passage of the analysis's current published version: its critical friends (an assignment on it that is not cancelled) and the cohort's course leaders. Refused with QUOTE_MISMATCH when the passage is not where it says in that version's text, STALE_VERSION when a newer version was published.",
  })
  commentOnPassage(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The passage (section, quote, offsets) and the comment.' })
    input: PassageCommentInput,
  ): Promise<PassageCommentEntity> {
    return this.service.create(actor, input);
  }

  @Mutation(() => PassageCommentEntity, {
    description: 'Change the text of a passage comment: only the one who wrote it. The passage stays.',
  })
  editPassageComment(
    @CurrentActor() actor: Actor,
    @Args() args: EditPassageCommentArgs,
  ): Promise<PassageCommentEntity> {
    return this.service.edit(actor, args.id, args.body);
  }

  @Mutation(() => ID, {
    description: 'Delete a passage comment: only the one who wrote it. Returns its id.',
  })
  deletePassageComment(@CurrentActor() actor: Actor, @Args() args: PassageCommentIdArgs): Promise<string> {
    return this.service.remove(actor, args.id);
  }

  @ResolveField(() => PersonEntity, { nullable: true, description: 'Who wrote the comment.' })
  author(@Parent() c: PassageCommentEntity, @Context() ctx: RequestContext): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, c.authorId);
  }

  @ResolveField(() => Int, {
    description:
      'The published version of the analysis the passage is in. Comments on earlier versions stay with them; they are never moved to a later text.',
  })
  async version(@Parent() c: PassageCommentEntity, @Context() ctx: RequestContext): Promise<number> {
    return (await this.lookups.version(ctx.req, c.analysisVersionId))?.version ?? 0;
  }
}

@Resolver(() => AnalysisEntity)
@SignedIn()
export class AnalysisPassageCommentsResolver {
  constructor(private readonly service: PassageCommentService) {}

  @ResolveField(() => [PassageCommentEntity], {
    description:
      "Comments on passages of the analysis's published versions, oldest first, each with the version it belongs to: the cohort's participants, course leaders and administrators (not school leaders).",
  })
  async passageComments(
    @Parent() a: AnalysisEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<PassageCommentEntity[]> {
    if (a.status !== AnalysisStatus.PUBLISHED) return [];
    await this.service.assertCanSee(actor, a.cohortId);
    return requestLoader<string, PassageCommentEntity[]>(
      ctx.req,
      'review.passageComments',
      (ids) => this.service.byAnalyses(ids),
      [],
    ).load(a.id);
  }

  @ResolveField(() => Boolean, {
    description:
      "Whether the asker may comment on passages of the current published version: its critical friends and the cohort's course leaders; false for everyone else.",
  })
  canCommentOnPassages(
    @Parent() a: AnalysisEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const live = requestLoader<string, boolean>(
      ctx.req,
      'review.liveAssignmentOnAnalysis',
      (ids) => this.service.liveAssignmentsOf(actor, ids),
      false,
    );
    return this.service.canComment(actor, a, (id) => live.load(id));
  }
}
