import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, Max, Min } from 'class-validator';
import { RequirableQuality } from '@stl/api/data-access-db';
import { MAX_NAME_LENGTH } from '@stl/shared/domain';
import { MAX_FEEDBACK_MIN_LENGTH } from './create-cohort.input';
import { IsIsoDate, IsOmittable, IsRequiredText } from '@stl/api/util-graphql';

/** Only the fields given change. School year and dates only while the cohort is being planned. */
@InputType({
  description:
    'Changes to a cohort; only the fields given change. School year and dates change only while the cohort is being planned.',
})
export class UpdateCohortInput {
  @Field({ nullable: true, description: 'New name, unique within the organisation and school year.' })
  @IsOmittable()
  @IsRequiredText('cohort name', MAX_NAME_LENGTH)
  name?: string;

  @Field({ nullable: true, description: 'School year as Swedes write it, e.g. "2026/27".' })
  @IsOmittable()
  @IsRequiredText('school year', 7)
  schoolYear?: string;

  @Field({ nullable: true, description: 'First day, ISO date (YYYY-MM-DD).' })
  @IsOmittable()
  @IsIsoDate('start date')
  startsOn?: string;

  @Field({ nullable: true, description: 'Last day, ISO date (YYYY-MM-DD).' })
  @IsOmittable()
  @IsIsoDate('end date')
  endsOn?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of meetings a participant must attend to complete (0–1).',
  })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'The attendance share must be a number.' })
  @Min(0, { message: 'The attendance share must be between 0 and 1.' })
  @Max(1, { message: 'The attendance share must be between 0 and 1.' })
  requiredAttendanceShare?: number;

  @Field(() => Int, { nullable: true, description: 'Critical friends per published analysis.' })
  @IsOmittable()
  @IsInt({ message: 'The number of critical friends must be a whole number.' })
  @Min(1, { message: 'Each analysis needs 1–6 critical friends.' })
  @Max(6, { message: 'Each analysis needs 1–6 critical friends.' })
  peersPerAnalysis?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Minimum characters in each part of a piece of feedback.',
  })
  @IsOmittable()
  @IsInt({ message: 'The minimum feedback length must be a whole number.' })
  @Min(0, { message: 'The minimum feedback length cannot be negative.' })
  @Max(MAX_FEEDBACK_MIN_LENGTH, {
    message: `The minimum feedback length can be at most ${MAX_FEEDBACK_MIN_LENGTH} characters.`,
  })
  feedbackMinLength?: number;

  @Field({ nullable: true, description: 'Prefer reviewers from the same school for everyone.' })
  @IsOmittable()
  @IsBoolean({ message: 'sameSchoolSupport must be true or false.' })
  sameSchoolSupport?: boolean;

  @Field(() => [RequirableQuality], {
    nullable: true,
    description:
      'Qualities every piece of feedback must have when sent (ADR 0035); an empty list lets the feedback coach only advise.',
  })
  @IsOmittable()
  @IsArray({ message: 'The required qualities must be a list.' })
  @IsEnum(RequirableQuality, {
    each: true,
    message: 'A required quality must be anchored, question, nextStep or aboutLearning.',
  })
  @ArrayUnique({ message: 'Name each required quality once.' })
  requiredFeedbackQualities?: RequirableQuality[];
}
