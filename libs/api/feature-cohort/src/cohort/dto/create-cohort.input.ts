import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { MAX_NAME_LENGTH } from '@stl/shared/domain';
import { IsId, IsIsoDate, IsRequiredText } from '@stl/api/util-graphql';

export const MAX_FEEDBACK_MIN_LENGTH = 2000;
export const MAX_LEADERS = 10;

@InputType({
  description:
    'A new cohort, created in planning; administrators and course leaders of the organisation may create one.',
})
export class CreateCohortInput {
  @Field(() => ID, { description: 'The organisation that runs the cohort.' })
  @IsId('organisation')
  organisationId!: string;

  @Field({ description: `1–${MAX_NAME_LENGTH} characters, trimmed.` })
  @IsRequiredText('cohort name', MAX_NAME_LENGTH)
  name!: string;

  @Field({ description: 'School year as Swedes write it, e.g. "2026/27".' })
  @IsRequiredText('school year', 7)
  schoolYear!: string;

  @Field({ description: 'First day, YYYY-MM-DD, within the school year (1 August to 30 June).' })
  @IsIsoDate('start date')
  startsOn!: string;

  @Field({ description: 'Last day, YYYY-MM-DD, on or after the first.' })
  @IsIsoDate('end date')
  endsOn!: string;

  @Field(() => Float, { nullable: true, description: 'Share of meetings to attend, 0–1 (default 0.75).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'The attendance share must be a number.' })
  @Min(0, { message: 'The attendance share must be between 0 and 1.' })
  @Max(1, { message: 'The attendance share must be between 0 and 1.' })
  requiredAttendanceShare?: number;

  @Field(() => Int, { nullable: true, description: 'Critical friends per analysis, 1–6 (default 2).' })
  @IsOptional()
  @IsInt({ message: 'The number of critical friends must be a whole number.' })
  @Min(1, { message: 'Each analysis needs 1–6 critical friends.' })
  @Max(6, { message: 'Each analysis needs 1–6 critical friends.' })
  peersPerAnalysis?: number;

  @Field(() => Int, { nullable: true, description: 'Minimum characters per feedback part (default 50).' })
  @IsOptional()
  @IsInt({ message: 'The minimum feedback length must be a whole number.' })
  @Min(0, { message: 'The minimum feedback length cannot be negative.' })
  @Max(MAX_FEEDBACK_MIN_LENGTH, {
    message: `The minimum feedback length can be at most ${MAX_FEEDBACK_MIN_LENGTH} characters.`,
  })
  feedbackMinLength?: number;

  @Field({ nullable: true, description: 'Prefer critical friends from the same school for everyone.' })
  @IsOptional()
  @IsBoolean({ message: 'sameSchoolSupport must be true or false.' })
  sameSchoolSupport?: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: 'Course leaders (certified for the dates). A course leader creating a cohort leads it.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LEADERS, { message: `A cohort can have at most ${MAX_LEADERS} course leaders.` })
  @ArrayUnique({ message: 'Name each course leader once.' })
  @IsId('course leader', { each: true })
  leaderIds?: string[];
}
