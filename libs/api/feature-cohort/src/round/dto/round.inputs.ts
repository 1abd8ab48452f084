import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { MAX_TITLE_LENGTH } from '@stl/shared/domain';
import { IsId, IsOmittable, IsRequiredText } from '@stl/api/util-graphql';

export const MAX_ROUND_NUMBER = 100;

@InputType({ description: 'A new analysis round of a cohort.' })
export class CreateAnalysisRoundInput {
  @Field(() => Int, { nullable: true, description: 'Defaults to the number after the highest in use.' })
  @IsOptional()
  @IsInt({ message: 'The round number must be a whole number.' })
  @Min(1, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  @Max(MAX_ROUND_NUMBER, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  number?: number | null;

  @Field({ description: 'The round\'s title; left empty, it becomes "Analys N".' })
  @IsRequiredText('round title', MAX_TITLE_LENGTH)
  title!: string;

  @Field(() => ID, { description: "A version of one of the organisation's analysis templates." })
  @IsId('template version')
  templateVersionId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The meeting of this cohort where the analyses are discussed.',
  })
  @IsOptional()
  @IsId('meeting')
  meetingId?: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When writing opens (ISO date-time with offset).' })
  @IsDate({ message: 'The opening time must be a date and time.' })
  opensAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When analyses are due; after opensAt.' })
  @IsDate({ message: 'The submission deadline must be a date and time.' })
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When feedback is due; after the submission deadline.' })
  @IsDate({ message: 'The feedback deadline must be a date and time.' })
  feedbackDeadline!: Date;
}

/** Only the fields given change; meetingId is cleared with null. */
@InputType({
  description: 'Changes to a round; only the fields given change, and meetingId is cleared with null.',
})
export class UpdateAnalysisRoundInput {
  @Field(() => Int, {
    nullable: true,
    description: 'New number within the cohort; rounds are renumbered around it.',
  })
  @IsOmittable()
  @IsInt({ message: 'The round number must be a whole number.' })
  @Min(1, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  @Max(MAX_ROUND_NUMBER, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  number?: number;

  @Field({ nullable: true, description: 'New title.' })
  @IsOmittable()
  @IsRequiredText('round title', MAX_TITLE_LENGTH)
  title?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only while nobody has started an analysis in this round.',
  })
  @IsOmittable()
  @IsId('template version')
  templateVersionId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The meeting at which the round's analyses are discussed, or null to clear it.",
  })
  @IsOptional()
  @IsId('meeting')
  meetingId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When writing opens.' })
  @IsOmittable()
  @IsDate({ message: 'The opening time must be a date and time.' })
  opensAt?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When analyses are due.' })
  @IsOmittable()
  @IsDate({ message: 'The submission deadline must be a date and time.' })
  submissionDeadline?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When feedback is due.' })
  @IsOmittable()
  @IsDate({ message: 'The feedback deadline must be a date and time.' })
  feedbackDeadline?: Date;
}

/** At most this many rounds in one plan (the course asks for six; a long cohort may have more). */
export const MAX_ROUNDS_IN_PLAN = 30;

/**
 * One round of a cohort's whole round plan (planRounds). With `id`: that existing round, changed to
 * these values; without: a new round. Rounds of the cohort left out of the plan are removed.
 */
@InputType({
  description:
    "One round of a cohort's round plan (planRounds): with id an existing round of the cohort is changed to these values, without id a new round is created.",
})
export class RoundPlanInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An existing round of this cohort to keep (and change); omit to create a new round.',
  })
  @IsOptional()
  @IsId('analysis round')
  id?: string | null;

  @Field(() => Int, { description: `The round's number, 1–${MAX_ROUND_NUMBER}, unique within the plan.` })
  @IsInt({ message: 'The round number must be a whole number.' })
  @Min(1, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  @Max(MAX_ROUND_NUMBER, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  number!: number;

  @Field({ description: 'The round title participants see.' })
  @IsRequiredText('round title', MAX_TITLE_LENGTH)
  title!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "A version of one of the organisation's analysis templates. Required for a new round; omit to keep an existing round's version (it cannot change once someone has written in the round).",
  })
  @IsOptional()
  @IsId('template version')
  templateVersionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The meeting of this cohort where the analyses are discussed; null for none.',
  })
  @IsOptional()
  @IsId('meeting')
  meetingId?: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When participants may start writing.' })
  @IsDate({ message: 'The opening time must be a date and time.' })
  opensAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'The last moment to publish the analysis.' })
  @IsDate({ message: 'The submission deadline must be a date and time.' })
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime, { description: 'The last moment to give feedback.' })
  @IsDate({ message: 'The feedback deadline must be a date and time.' })
  feedbackDeadline!: Date;
}

@ArgsType()
export class PlanRoundsArgs {
  @Field(() => ID, { description: 'The cohort whose rounds are planned.' })
  @IsId('cohort')
  cohortId!: string;

  @Field(() => [RoundPlanInput], {
    description: `The cohort's whole round plan, 0–${MAX_ROUNDS_IN_PLAN} rounds. Rounds of the cohort not named by id here are removed.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_ROUNDS_IN_PLAN, { message: `Plan at most ${MAX_ROUNDS_IN_PLAN} rounds.` })
  @ValidateNested({ each: true })
  @Type(() => RoundPlanInput)
  rounds!: RoundPlanInput[];
}
