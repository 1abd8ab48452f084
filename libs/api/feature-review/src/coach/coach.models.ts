import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsUUID, ValidateIf } from 'class-validator';
import { IsRequiredText } from '@stl/api/util-graphql';

/** Counts of critical friends' feedback by the qualities the coach stored when it was given. */
@ObjectType('FeedbackQualityCounts', {
  description:
    "How many pieces of critical friends' feedback were given, and how many of them the feedback coach read as anchored, asking and proposing a next step (ADR 0035). Course leaders and administrators of the cohort.",
})
export class FeedbackQualityCountsModel {
  @Field(() => Int, { description: 'Pieces of feedback given.' })
  given!: number;

  @Field(() => Int, {
    description:
      "Of those, how many carry the coach's stored reading (feedback given before the coach was stored has none); the shares' denominator.",
  })
  assessed!: number;

  @Field(() => Int, { description: 'Read as anchored in the analysis.' })
  anchored!: number;

  @Field(() => Int, { description: 'Read as asking at least one genuine question.' })
  question!: number;

  @Field(() => Int, { description: 'Read as proposing a next step.' })
  nextStep!: number;
}

@ObjectType('RoundFeedbackQuality', {
  description:
    "One analysis round's feedback counts, for a cohort or for one critical friend. Course leaders and administrators of the cohort.",
})
export class RoundFeedbackQualityModel {
  @Field(() => ID, { description: 'The round.' })
  roundId!: string;

  @Field(() => Int, { description: "The round's number in the cohort." })
  number!: number;

  @Field({ description: "The round's title." })
  title!: string;

  @Field(() => FeedbackQualityCountsModel, { description: "The round's counts." })
  counts!: FeedbackQualityCountsModel;
}

@ObjectType('FriendFeedbackQuality', {
  description:
    "One critical friend's feedback counts, per round and over the year. Course leaders and administrators of the cohort.",
})
export class FriendFeedbackQualityModel {
  @Field(() => ID, { description: 'The critical friend (a person).' })
  personId!: string;

  @Field(() => FeedbackQualityCountsModel, { description: 'Counts over all rounds.' })
  total!: FeedbackQualityCountsModel;

  @Field(() => [RoundFeedbackQualityModel], {
    description: 'Counts per round, in round order; every round of the cohort, zeros where none was given.',
  })
  rounds!: RoundFeedbackQualityModel[];
}

@ObjectType('CohortFeedbackQuality', {
  description:
    "The course leader's figures of the feedback coach (issue 15, ADR 0035): per round and per critical friend, how much feedback is anchored, asks and proposes a next step. Course leaders and administrators of the cohort; everyone else is refused.",
})
export class CohortFeedbackQualityModel {
  @Field(() => ID, { description: 'The cohort.' })
  cohortId!: string;

  @Field(() => FeedbackQualityCountsModel, { description: 'Counts over the whole year so far.' })
  total!: FeedbackQualityCountsModel;

  @Field(() => [RoundFeedbackQualityModel], {
    description: 'Counts per round in round order (the trend over the year); every round, zeros where none.',
  })
  rounds!: RoundFeedbackQualityModel[];

  @Field(() => [FriendFeedbackQualityModel], {
    description: 'Counts per critical friend who has given feedback, by name as the viewer may see it.',
  })
  friends!: FriendFeedbackQualityModel[];
}

@ArgsType()
export class CohortFeedbackQualityArgs {
  @Field(() => ID, { description: 'The cohort (one I lead or administer).' })
  @IsUUID('all', { message: 'The cohort id is not valid.' })
  cohortId!: string;
}

@ArgsType()
export class ChooseNextStepArgs {
  @Field(() => ID, { description: 'Feedback on my own analysis.' })
  @IsUUID('all', { message: 'The feedback id is not valid.' })
  feedbackId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The sentence of the feedback I will try, as it stands in the feedback; null takes my choice back.',
  })
  @ValidateIf((_o: object, v: unknown) => v !== null && v !== undefined)
  @IsRequiredText('next step', 2000)
  step?: string | null;
}

@ArgsType()
export class FeedbackExampleArgs {
  @Field(() => ID, { description: "A critical friend's feedback in a cohort I lead." })
  @IsUUID('all', { message: 'The feedback id is not valid.' })
  feedbackId!: string;
}

@ArgsType()
export class AnswerFeedbackExampleArgs {
  @Field(() => ID, { description: 'Feedback I wrote that a course leader asked to show.' })
  @IsUUID('all', { message: 'The feedback id is not valid.' })
  feedbackId!: string;

  @Field({ description: 'True: it may be shown as a good example; false: it may not (or no longer).' })
  @IsBoolean({ message: 'consent must be true or false.' })
  consent!: boolean;
}
