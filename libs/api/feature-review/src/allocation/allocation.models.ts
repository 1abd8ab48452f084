import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AnalysisRoundEntity, RoundAllocationEntity } from '@stl/api/data-access-db';
import { ReviewReasonModel } from '../common/review.models';

@ObjectType('AllocationPair', {
  description: 'A critical friend (peer reviewer) for one analysis, with the reasons.',
})
export class AllocationPairModel {
  @Field(() => ID)
  reviewerId!: string;

  @Field(() => ID)
  analysisId!: string;

  @Field(() => ID)
  authorId!: string;

  @Field({ description: 'Kept from before (already under way or set by hand).' })
  locked!: boolean;

  @Field()
  sameSchool!: boolean;

  @Field(() => Int, { description: 'How often this reviewer reviewed this author in earlier rounds.' })
  earlierReviews!: number;

  @Field(() => [ReviewReasonModel])
  reasons!: ReviewReasonModel[];
}

@ObjectType('AllocationUnmet', { description: 'An analysis that gets fewer than k peer reviewers.' })
export class AllocationUnmetModel {
  @Field(() => ID)
  analysisId!: string;

  @Field(() => ID)
  authorId!: string;

  @Field(() => Int)
  missing!: number;

  @Field()
  code!: string;

  @Field()
  message!: string;
}

@ObjectType('AllocationWarning')
export class AllocationWarningModel {
  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field(() => ID, { nullable: true })
  reviewerId?: string | null;

  @Field(() => ID, { nullable: true })
  analysisId?: string | null;
}

@ObjectType('AllocationStats')
export class AllocationStatsModel {
  @Field(() => Int)
  assignmentCount!: number;

  @Field(() => Int)
  reviewerCount!: number;

  @Field(() => Float)
  crossSchoolShare!: number;

  @Field(() => Float)
  preferredSchoolShare!: number;

  @Field(() => Int)
  repeatedPairs!: number;

  @Field(() => Int)
  reciprocalPairs!: number;

  @Field(() => Int)
  loadMin!: number;

  @Field(() => Int)
  loadMax!: number;
}

@ObjectType('AllocationOutcome', {
  description:
    'What an allocation run proposes (preview) or did (apply, repair): the peer pairs with reasons, what could not be met, and the counts of rows changed.',
})
export class AllocationOutcomeModel {
  @Field(() => AnalysisRoundEntity)
  round!: AnalysisRoundEntity;

  @Field({
    description:
      'False when nothing was written: a preview, or an apply that found this allocation already in place (the same apply again, or a second one made at the same time).',
  })
  applied!: boolean;

  @Field()
  seed!: string;

  @Field(() => Int, { description: 'Peer reviewers per analysis (the cohort setting).' })
  k!: number;

  @Field(() => Int, { description: 'Published analyses taking part.' })
  analysisCount!: number;

  @Field(() => [AllocationPairModel], { description: 'Every live peer pair of the round afterwards.' })
  pairs!: AllocationPairModel[];

  @Field(() => [AllocationUnmetModel])
  unmet!: AllocationUnmetModel[];

  @Field(() => [AllocationWarningModel])
  warnings!: AllocationWarningModel[];

  @Field(() => AllocationStatsModel)
  stats!: AllocationStatsModel;

  @Field(() => Int, {
    description:
      'New peer assignments. Pairs an apply proposes again keep their assignment and are not counted.',
  })
  created!: number;

  @Field(() => Int, {
    description:
      'Earlier allocation pairs not yet under way that the new allocation does not keep (removed).',
  })
  replaced!: number;

  @Field(() => Int, {
    description:
      'Open assignments cancelled: the reviewer or the author left, or (repair) a task nobody had started moved to another reviewer to keep every load within ±1 of the mean; its replacement counts in created.',
  })
  cancelled!: number;

  @Field(() => Int, { description: 'New course-leader assignments.' })
  leaderAssignmentsCreated!: number;

  @Field(() => RoundAllocationEntity, { nullable: true, description: 'The allocation state afterwards.' })
  allocation!: RoundAllocationEntity | null;
}
