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
import { IsBoundedText, IsRequiredText, Trim } from '@stl/api/util-graphql';

export const MAX_MEETING_NUMBER = 100;
export const MAX_URL_LENGTH = 2000;
export const MAX_QUESTIONS = 20;
export const MAX_QUESTION_LENGTH = 1000;

@InputType({ description: 'A new meeting of a cohort.' })
export class CreateMeetingInput {
  @Field(() => Int, { nullable: true, description: 'Defaults to the number after the highest in use.' })
  @IsOptional()
  @IsInt({ message: 'The meeting number must be a whole number.' })
  @Min(1, { message: `The meeting number must be 1–${MAX_MEETING_NUMBER}.` })
  @Max(MAX_MEETING_NUMBER, { message: `The meeting number must be 1–${MAX_MEETING_NUMBER}.` })
  number?: number | null;

  @Field({ description: 'The meeting\'s title, e.g. "Träff 3".' })
  @IsRequiredText('meeting title', MAX_TITLE_LENGTH)
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the meeting is about.' })
  @IsOptional()
  @Trim()
  @IsBoundedText('theme', MAX_TITLE_LENGTH)
  theme?: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it starts (ISO date-time with offset).' })
  @IsDate({ message: 'The start time must be a date and time.' })
  startsAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When it ends; after the start.' })
  @IsDate({ message: 'The end time must be a date and time.' })
  endsAt!: Date;

  @Field(() => MeetingMode, { description: 'Online or in a room.' })
  @IsEnum(MeetingMode, { message: 'The mode must be DIGITAL or PHYSICAL.' })
  mode!: MeetingMode;

  @Field(() => String, { nullable: true, description: 'Required for a physical meeting.' })
  @IsOptional()
  @Trim()
  @IsBoundedText('location', MAX_TITLE_LENGTH)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'https:// link; required for a digital meeting.' })
  @IsOptional()
  @Trim()
  @IsBoundedText('video link', MAX_URL_LENGTH)
  videoUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'What participants read or do before the meeting.' })
  @IsOptional()
  @IsBoundedText('preparation', MAX_TEXT_LENGTH)
  preparation?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Questions for discussion at the meeting, in order.',
  })
  @IsOptional()
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
  discussionQuestions?: string[] | null;
}
