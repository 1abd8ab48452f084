import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnalysisRoundEntity, PersonEntity, RoundAllocationEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { requestLoader } from '@stl/api/util-graphql';
import { ReviewLookups } from '../common/review-lookups.service';
import { AllocationOutcomeModel, AllocationPairModel } from './allocation.models';
import { AllocationService } from './allocation.service';
import { AllocationArgs, ApplyAllocationArgs, RoundArgs } from './dto/allocation.args';

@Resolver(() => AllocationOutcomeModel)
@SignedIn()
export class AllocationResolver {
  constructor(private readonly allocation: AllocationService) {}

  @Query(() => AllocationOutcomeModel, {
    description: 'Course leaders: the allocation apply would make for a round, with reasons. Writes nothing.',
  })
  previewAllocation(
    @CurrentActor() actor: Actor,
    @Args() args: AllocationArgs,
  ): Promise<AllocationOutcomeModel> {
    return this.allocation.preview(actor, args.roundId, args.seed);
  }

  @Mutation(() => AllocationOutcomeModel, {
    description:
      "Course leaders: allocates k critical friends to every published analysis and every course leader as leader reviewer. Re-applying replaces only pairs not yet under way; refused with ALLOCATION_LOCKED once locked. `overrides` carries the leader's own choices (e.g. changes made on the preview) in the same request: checked by rule 4's hard rules, kept as chosen, the rest allocated around them; only the final pairs are written and mailed.",
  })
  applyAllocation(
    @CurrentActor() actor: Actor,
    @Args() args: ApplyAllocationArgs,
  ): Promise<AllocationOutcomeModel> {
    return this.allocation.apply(actor, args.roundId, args.seed, args.overrides ?? []);
  }

  @Mutation(() => AllocationOutcomeModel, {
    description:
      'Course leaders: reviewers for analyses published late and replacements for people who left. Pairs under way and pairs set by hand stay; other open pairs stay unless every load can only be kept within ±1 of the mean by moving some: then the fewest needed move to another reviewer (cancelled for the old one, mailed to the new one). BALANCE_RELAXED when even that cannot reach the rule.',
  })
  repairAllocation(@CurrentActor() actor: Actor, @Args() args: RoundArgs): Promise<AllocationOutcomeModel> {
    return this.allocation.repair(actor, args.roundId);
  }

  @Mutation(() => RoundAllocationEntity, {
    description: 'Course leaders: no more re-running the allocation; manual changes and repairs remain.',
  })
  lockAllocation(@CurrentActor() actor: Actor, @Args() args: RoundArgs): Promise<RoundAllocationEntity> {
    return this.allocation.lock(actor, args.roundId);
  }
}

@Resolver(() => AllocationPairModel)
@SignedIn()
export class AllocationPairResolver {
  constructor(private readonly lookups: ReviewLookups) {}

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description: "The critical friend (names follow the viewer's right to see them).",
  })
  reviewer(@Parent() p: AllocationPairModel, @Context() ctx: RequestContext): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, p.reviewerId);
  }

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description: "The analysis's author (names follow the viewer's right to see them).",
  })
  author(@Parent() p: AllocationPairModel, @Context() ctx: RequestContext): Promise<PersonEntity | null> {
    return this.lookups.person(ctx.req, p.authorId);
  }
}

@Resolver(() => AnalysisRoundEntity)
@SignedIn()
export class RoundAllocationResolver {
  constructor(private readonly allocationService: AllocationService) {}

  @ResolveField(() => RoundAllocationEntity, {
    nullable: true,
    description: 'Critical-friend allocation state: null until applied. Members of the cohort.',
  })
  async allocation(
    @Parent() round: AnalysisRoundEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<RoundAllocationEntity | null> {
    await this.allocationService.assertCanSeeAllocation(actor, round);
    return requestLoader<string, RoundAllocationEntity | null>(
      ctx.req,
      'review.roundAllocation',
      (ids) => this.allocationService.statesOf(ids),
      null,
    ).load(round.id);
  }
}
