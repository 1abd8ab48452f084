import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNumber, Max, Min } from 'class-validator';
import { MAX_NAME_LENGTH } from '@stl/shared/domain';
import { MAX_FEEDBACK_MIN_LENGTH } from './create-cohort.input';
import { IsIsoDate, IsOmittable, IsRequiredText } from '@stl/api/util-graphql';

/** Only the fields given change. School year and dates only while the cohort is being planned. */
@InputType()
export class UpdateCohortInput {
  @Field({ nullable: true })
  @IsOmittable()
  @IsRequiredText('cohort name', MAX_NAME_LENGTH)
  name?: string;

  @Field({ nullable: true })
  @IsOmittable()
  @IsRequiredText('school year', 7)
  schoolYear?: string;

  @Field({ nullable: true })
  @IsOmittable()
  @IsIsoDate('start date')
  startsOn?: string;

  @Field({ nullable: true })
  @IsOmittable()
  @IsIsoDate('end date')
  endsOn?: string;

  @Field(() => Float, { nullable: true })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'The attendance share must be a number.' })
  @Min(0, { message: 'The attendance share must be between 0 and 1.' })
  @Max(1, { message: 'The attendance share must be between 0 and 1.' })
  requiredAttendanceShare?: number;

  @Field(() => Int, { nullable: true })
  @IsOmittable()
  @IsInt({ message: 'The number of critical friends must be a whole number.' })
  @Min(1, { message: 'Each analysis needs 1–6 critical friends.' })
  @Max(6, { message: 'Each analysis needs 1–6 critical friends.' })
  peersPerAnalysis?: number;

  @Field(() => Int, { nullable: true })
  @IsOmittable()
  @IsInt({ message: 'The minimum feedback length must be a whole number.' })
  @Min(0, { message: 'The minimum feedback length cannot be negative.' })
  @Max(MAX_FEEDBACK_MIN_LENGTH, {
    message: `The minimum feedback length can be at most ${MAX_FEEDBACK_MIN_LENGTH} characters.`,
  })
  feedbackMinLength?: number;

  @Field({ nullable: true })
  @IsOmittable()
  @IsBoolean({ message: 'sameSchoolSupport must be true or false.' })
  sameSchoolSupport?: boolean;
}
