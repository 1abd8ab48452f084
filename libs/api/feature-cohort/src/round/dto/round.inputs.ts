import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_TITLE_LENGTH } from '@stl/shared/domain';
import { IsId, IsOmittable, IsRequiredText } from '@stl/api/util-graphql';

export const MAX_ROUND_NUMBER = 100;

@InputType()
export class CreateAnalysisRoundInput {
  @Field(() => Int, { nullable: true, description: 'Defaults to the number after the highest in use.' })
  @IsOptional()
  @IsInt({ message: 'The round number must be a whole number.' })
  @Min(1, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  @Max(MAX_ROUND_NUMBER, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  number?: number | null;

  @Field()
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

  @Field(() => GraphQLISODateTime)
  @IsDate({ message: 'The opening time must be a date and time.' })
  opensAt!: Date;

  @Field(() => GraphQLISODateTime)
  @IsDate({ message: 'The submission deadline must be a date and time.' })
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime)
  @IsDate({ message: 'The feedback deadline must be a date and time.' })
  feedbackDeadline!: Date;
}

/** Only the fields given change; meetingId is cleared with null. */
@InputType()
export class UpdateAnalysisRoundInput {
  @Field(() => Int, { nullable: true })
  @IsOmittable()
  @IsInt({ message: 'The round number must be a whole number.' })
  @Min(1, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  @Max(MAX_ROUND_NUMBER, { message: `The round number must be 1–${MAX_ROUND_NUMBER}.` })
  number?: number;

  @Field({ nullable: true })
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

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('meeting')
  meetingId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOmittable()
  @IsDate({ message: 'The opening time must be a date and time.' })
  opensAt?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOmittable()
  @IsDate({ message: 'The submission deadline must be a date and time.' })
  submissionDeadline?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOmittable()
  @IsDate({ message: 'The feedback deadline must be a date and time.' })
  feedbackDeadline?: Date;
}
