import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AnalysisRoundEntity, RoundAllocationEntity } from '@stl/api/data-access-db';
import type { AllocationFindingCode, AllocationFindingSeverity, LoadStatus } from '@stl/shared/domain';
import { ReviewReasonModel } from '../common/review.models';

@ObjectType('AllocationPair', {
  description: 'A critical friend (peer reviewer) for one analysis, with the reasons.',
})
export class AllocationPairModel {
  @Field(() => ID, { description: 'The critical friend.' })
  reviewerId!: string;

  @Field(() => ID, { description: 'The analysis they review.' })
  analysisId!: string;

  @Field(() => ID, { description: "The analysis's author." })
  authorId!: string;

  @Field({ description: 'Kept from before (already under way or set by hand).' })
  locked!: boolean;

  @Field({ description: 'True when reviewer and author work at the same school.' })
  sameSchool!: boolean;

  @Field(() => Int, { description: 'How often this reviewer reviewed this author in earlier rounds.' })
  earlierReviews!: number;

  @Field(() => [ReviewReasonModel], { description: 'Why the allocation chose this pair.' })
  reasons!: ReviewReasonModel[];
}

@ObjectType('AllocationUnmet', { description: 'An analysis that gets fewer than k peer reviewers.' })
export class AllocationUnmetModel {
  @Field(() => ID, { description: 'The analysis short of reviewers.' })
  analysisId!: string;

  @Field(() => ID, { description: 'Its author.' })
  authorId!: string;

  @Field(() => Int, { description: 'How many peer reviewers are missing.' })
  missing!: number;

  @Field({ description: 'Why they are missing, as a code.' })
  code!: string;

  @Field({ description: 'The same as a plain English sentence.' })
  message!: string;
}

@ObjectType('AllocationWarning', {
  description:
    "Something a course leader should know about an allocation, e.g. a reviewer carrying more than the rest. Visible to the cohort's course leaders and the organisation's administrators.",
})
export class AllocationWarningModel {
  @Field({ description: 'What kind of warning, as a code.' })
  code!: string;

  @Field({ description: 'The warning as a plain English sentence.' })
  message!: string;

  @Field(() => ID, { nullable: true, description: 'The reviewer concerned, when one is.' })
  reviewerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The analysis concerned, when one is.' })
  analysisId?: string | null;
}

@ObjectType('AllocationStats', {
  description: "Figures that describe an allocation's quality. Visible with the allocation.",
})
export class AllocationStatsModel {
  @Field(() => Int, { description: 'Live peer assignments in the round.' })
  assignmentCount!: number;

  @Field(() => Int, { description: 'Participants who review at least one analysis.' })
  reviewerCount!: number;

  @Field(() => Float, { description: 'Share of pairs across schools (0–1).' })
  crossSchoolShare!: number;

  @Field(() => Float, {
    description: 'Share of pairs that follow the same-school preference where it is set (0–1).',
  })
  preferredSchoolShare!: number;

  @Field(() => Int, { description: 'Pairs that also met in an earlier round.' })
  repeatedPairs!: number;

  @Field(() => Int, { description: 'Pairs where the two review each other in this round.' })
  reciprocalPairs!: number;

  @Field(() => Int, { description: 'The fewest analyses any reviewer has.' })
  loadMin!: number;

  @Field(() => Int, { description: 'The most analyses any reviewer has.' })
  loadMax!: number;
}

/** A finding of rule 4's checks on one pair (`allocationFindings` of libs/shared/domain). */
export enum AllocationFindingCodeEnum {
  OWN = 'OWN',
  DUPLICATE = 'DUPLICATE',
  SAME_SCHOOL = 'SAME_SCHOOL',
  REPEAT = 'REPEAT',
  RECIPROCAL = 'RECIPROCAL',
}
registerEnumType(AllocationFindingCodeEnum, {
  name: 'AllocationFindingCode',
  description: "What rule 4's checks found on one critical-friend pair.",
  valuesMap: {
    OWN: { description: 'The reviewer is the author: nobody reviews their own analysis (impossible).' },
    DUPLICATE: { description: 'The reviewer is on this analysis more than once (impossible).' },
    SAME_SCHOOL: {
      description:
        'Reviewer and author work at the same school, though an outside view was wanted (neither the author nor the cohort asked for same-school support).',
    },
    REPEAT: { description: 'The reviewer read this author in an earlier round of the cohort.' },
    RECIPROCAL: { description: "The author also reads the reviewer's analysis in this round." },
  },
});

export enum AllocationFindingSeverityEnum {
  IMPOSSIBLE = 'IMPOSSIBLE',
  WARNING = 'WARNING',
}
registerEnumType(AllocationFindingSeverityEnum, {
  name: 'AllocationFindingSeverity',
  description: 'How much a finding weighs.',
  valuesMap: {
    IMPOSSIBLE: { description: 'The pair cannot be made; the API refuses it.' },
    WARNING: { description: 'Allowed, but the course leader should know.' },
  },
});

export enum LoadStatusEnum {
  UNDER = 'UNDER',
  WITHIN = 'WITHIN',
  OVER = 'OVER',
}
registerEnumType(LoadStatusEnum, {
  name: 'AllocationLoadStatus',
  description: "A reviewer's load against rule 4's target (floor to ceiling of the mean load).",
  valuesMap: {
    UNDER: { description: 'Fewer analyses than the target.' },
    WITHIN: { description: 'Within the target.' },
    OVER: { description: 'More analyses than the target.' },
  },
});

@ObjectType('AllocationFinding', { description: "One finding of rule 4's checks on a pair." })
export class AllocationFindingModel {
  @Field(() => AllocationFindingCodeEnum, { description: 'What was found.' })
  code!: AllocationFindingCode;

  @Field(() => AllocationFindingSeverityEnum, { description: 'Impossible (refused) or a warning.' })
  severity!: AllocationFindingSeverity;

  @Field(() => [Int], {
    description: 'REPEAT: the earlier rounds (numbers, ascending) in which the pair met; empty otherwise.',
  })
  earlierRounds!: number[];
}

@ObjectType('AllocationPairFindings', {
  description:
    "Rule 4's checks on one peer pair of the outcome, by the same function the allocation page runs live (`allocationFindings`). Only pairs with findings are listed.",
})
export class AllocationPairFindingsModel {
  @Field(() => ID, { description: 'The analysis of the pair.' })
  analysisId!: string;

  @Field(() => ID, { description: 'The author of the analysis.' })
  authorId!: string;

  @Field(() => ID, { description: 'The critical friend of the pair.' })
  reviewerId!: string;

  @Field(() => [AllocationFindingModel], { description: 'What was found, in a fixed order.' })
  findings!: AllocationFindingModel[];
}

@ObjectType('AllocationReviewerLoad', {
  description: "A reviewer's number of peer pairs in the outcome against rule 4's target.",
})
export class AllocationReviewerLoadModel {
  @Field(() => ID, { description: 'The reviewer (a participant of the cohort).' })
  reviewerId!: string;

  @Field(() => Int, { description: 'Peer pairs of this reviewer in the round.' })
  load!: number;

  @Field(() => Int, { description: 'The lowest load within the target (floor of the mean).' })
  min!: number;

  @Field(() => Int, { description: 'The highest load within the target (ceiling of the mean).' })
  max!: number;

  @Field(() => LoadStatusEnum, { description: 'Under, within or over the target.' })
  status!: LoadStatus;
}

@ObjectType('AllocationAnalysis', {
  description: 'A published analysis taking part in the allocation, as the allocation sees it.',
})
export class AllocationAnalysisModel {
  @Field(() => ID, { description: 'The analysis.' })
  analysisId!: string;

  @Field(() => ID, { description: 'Its author.' })
  authorId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The school the analysis is written at (else the author's school); null when not known.",
  })
  schoolId!: string | null;

  @Field({ description: 'The author asked for a critical friend from their own school.' })
  wantsSameSchool!: boolean;
}

@ObjectType('AllocationReviewer', {
  description: 'A participant who reviews in the round, with the school the allocation uses for them.',
})
export class AllocationReviewerModel {
  @Field(() => ID, { description: 'The reviewer.' })
  reviewerId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The reviewer's school in the cohort; null when not known.",
  })
  schoolId!: string | null;
}

@ObjectType('AllocationEarlierPair', {
  description: 'Who read whom in an earlier round of the same cohort (live peer assignments only).',
})
export class AllocationEarlierPairModel {
  @Field(() => ID, { description: 'The critical friend.' })
  reviewerId!: string;

  @Field(() => ID, { description: 'The author whose analysis they read.' })
  authorId!: string;

  @Field(() => Int, { description: 'The number of the earlier round.' })
  roundNumber!: number;
}

@ObjectType('AllocationOutcome', {
  description:
    'What an allocation run proposes (preview) or did (apply, repair): the peer pairs with reasons, what could not be met, and the counts of rows changed.',
})
export class AllocationOutcomeModel {
  @Field(() => AnalysisRoundEntity, { description: 'The round allocated.' })
  round!: AnalysisRoundEntity;

  @Field({
    description:
      'False when nothing was written: a preview, or an apply that found this allocation already in place (the same apply again, or a second one made at the same time).',
  })
  applied!: boolean;

  @Field({ description: 'The seed used; the same seed and inputs give the same pairs.' })
  seed!: string;

  @Field(() => Int, { description: 'Peer reviewers per analysis (the cohort setting).' })
  k!: number;

  @Field(() => Int, { description: 'Published analyses taking part.' })
  analysisCount!: number;

  @Field(() => [AllocationPairModel], { description: 'Every live peer pair of the round afterwards.' })
  pairs!: AllocationPairModel[];

  @Field(() => [AllocationUnmetModel], { description: 'Analyses left with fewer than k peer reviewers.' })
  unmet!: AllocationUnmetModel[];

  @Field(() => [AllocationWarningModel], { description: 'Warnings for the course leader.' })
  warnings!: AllocationWarningModel[];

  @Field(() => AllocationStatsModel, { description: 'Figures describing the allocation.' })
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

  @Field(() => [AllocationAnalysisModel], {
    description: 'The published analyses taking part, with their schools (what the checks need).',
  })
  analyses!: AllocationAnalysisModel[];

  @Field(() => [AllocationReviewerModel], {
    description: 'Everyone who reviews in the round, with their schools; loads are counted over them.',
  })
  reviewers!: AllocationReviewerModel[];

  @Field(() => [AllocationEarlierPairModel], {
    description:
      "Who read whom in the cohort's earlier rounds, so a page can tell a repeated pair while the leader changes pairs.",
  })
  earlierPairs!: AllocationEarlierPairModel[];

  @Field({ description: 'The cohort asks for same-school support (same-school pairs are then wanted).' })
  sameSchoolSupport!: boolean;

  @Field(() => [AllocationPairFindingsModel], {
    description:
      "Rule 4's checks on the pairs (with the leader's overrides, on apply): same school, repeated or reciprocal pair. Only pairs with findings; impossible pairs are refused before this.",
  })
  findings!: AllocationPairFindingsModel[];

  @Field(() => [AllocationReviewerLoadModel], { description: "Every reviewer's load against the target." })
  loads!: AllocationReviewerLoadModel[];
}
