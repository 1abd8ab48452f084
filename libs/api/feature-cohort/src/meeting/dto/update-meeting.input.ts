import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MeetingMode } from '@stl/api/data-access-db';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '@stl/shared/domain';
import {
  MAX_MEETING_NUMBER,
  MAX_QUESTIONS,
  MAX_QUESTION_LENGTH,
  MAX_URL_LENGTH,
} from './create-meeting.input';
import { IsBoundedText, IsOmittable, IsRequiredText, Trim } from '@stl/api/util-graphql';

/** Only the fields given change; theme, location and videoUrl are cleared with null. */
@InputType({
  description:
    'Changes to a meeting; only the fields given change, and theme, location and videoUrl are cleared with null.',
})
export class UpdateMeetingInput {
  @Field(() => Int, {
    nullable: true,
    description: 'New number within the cohort; meetings are renumbered around it.',
  })
  @IsOmittable()
  @IsInt({ message: 'The meeting number must be a whole number.' })
  @Min(1, { message: `The meeting number must be 1–${MAX_MEETING_NUMBER}.` })
  @Max(MAX_MEETING_NUMBER, { message: `The meeting number must be 1–${MAX_MEETING_NUMBER}.` })
  number?: number;

  @Field({ nullable: true, description: 'New title.' })
  @IsOmittable()
  @IsRequiredText('meeting title', MAX_TITLE_LENGTH)
  title?: string;

  @Field(() => String, { nullable: true, description: 'New theme, or null to clear it.' })
  @IsOptional()
  @Trim()
  @IsBoundedText('theme', MAX_TITLE_LENGTH)
  theme?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'New start (ISO date-time with offset).' })
  @IsOmittable()
  @IsDate({ message: 'The start time must be a date and time.' })
  startsAt?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'New end; after the start.' })
  @IsOmittable()
  @IsDate({ message: 'The end time must be a date and time.' })
  endsAt?: Date;

  @Field(() => MeetingMode, { nullable: true, description: 'Online or in a room.' })
  @IsOmittable()
  @IsEnum(MeetingMode, { message: 'The mode must be DIGITAL or PHYSICAL.' })
  mode?: MeetingMode;

  @Field(() => String, { nullable: true, description: 'New location, or null to clear it.' })
  @IsOptional()
  @Trim()
  @IsBoundedText('location', MAX_TITLE_LENGTH)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'New video link (https), or null to clear it.' })
  @IsOptional()
  @Trim()
  @IsBoundedText('video link', MAX_URL_LENGTH)
  videoUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What participants should prepare before the meeting.',
  })
  @IsOmittable()
  @IsBoundedText('preparation', MAX_TEXT_LENGTH)
  preparation?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'New discussion questions, in order (replaces the list).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_QUESTIONS, {
    message: `A meeting can have at most ${MAX_QUESTIONS} discussion questions.`,
  })
  @Trim()
  @IsString({ each: true, message: 'Each discussion question must be text.' })
  @IsNotEmpty({ each: true, message: 'A discussion question cannot be empty.' })
  @MaxLength(MAX_QUESTION_LENGTH, {
    each: true,
    message: `A discussion question can be at most ${MAX_QUESTION_LENGTH} characters long.`,
  })
  discussionQuestions?: string[];
}
