import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { MAX_FEEDBACK_PART_LENGTH } from '../../common/plain-text';

const tooLong = (label: string) => ({
  message: `${label} may be at most ${MAX_FEEDBACK_PART_LENGTH} characters.`,
});

/**
 * Forward-looking feedback in three parts (rule 5). Plain text: each part is trimmed and must reach
 * the cohort's minimum length; markup such as `<script>` is refused.
 */
@InputType({
  description:
    "Forward-looking feedback in three parts (rule 5), plain text; each part must reach the cohort's minimum length.",
})
export class FeedbackInput {
  @Field({ description: 'What works well.' })
  @IsString()
  @MaxLength(MAX_FEEDBACK_PART_LENGTH, tooLong('What works well'))
  worksWell!: string;

  @Field({ description: 'Questions to consider.' })
  @IsString()
  @MaxLength(MAX_FEEDBACK_PART_LENGTH, tooLong('Questions to consider'))
  questions!: string;

  @Field({ description: 'Suggestions for next steps.' })
  @IsString()
  @MaxLength(MAX_FEEDBACK_PART_LENGTH, tooLong('Suggestions for next steps'))
  nextSteps!: string;

  @Field(() => String, {
    nullable: true,
    description: "Key of the section of the round's template it is about.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'sectionKey must be the key of a section in the template.' })
  sectionKey?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The published version the reviewer read. When the author has published a newer one since, the feedback is refused with STALE_VERSION so it is never tied to text the reviewer has not seen.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@ArgsType()
export class FeedbackIdArgs {
  @Field(() => ID, { description: 'The feedback concerned.' })
  @IsUUID('all', { message: 'feedbackId must be a valid id.' })
  feedbackId!: string;
}

@ArgsType()
export class FeedbackCommentArgs extends FeedbackIdArgs {
  @Field({ description: 'Plain text, 1–5000 characters.' })
  @IsString()
  @MaxLength(MAX_FEEDBACK_PART_LENGTH, tooLong('A comment'))
  body!: string;
}

@ArgsType()
export class MarkHelpfulArgs extends FeedbackIdArgs {
  @Field({ description: 'True to mark the feedback helpful, false to take the mark back.' })
  @IsBoolean()
  helpful!: boolean;
}
