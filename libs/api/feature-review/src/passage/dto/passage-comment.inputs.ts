import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PASSAGE_LENGTH, PASSAGE_CONTEXT } from '@stl/shared/domain';
import { MAX_FEEDBACK_PART_LENGTH } from '../../common/plain-text';

/** Offsets never exceed what a section can hold; the anchor itself is checked against the text. */
const MAX_OFFSET = 1_000_000;

/**
 * A comment on a passage of the current published version (ADR 0026): the passage as a W3C Web
 * Annotation style quote (exact, prefix, suffix) and position (start, end) in the section's content
 * text. The API refuses an anchor that does not match the version's text (QUOTE_MISMATCH).
 */
@InputType({
  description:
    "A comment on a passage of the current published version: the passage as a quote with its context and offsets in the section's content text, and the comment.",
})
export class PassageCommentInput {
  @Field(() => ID, { description: 'The published analysis.' })
  @IsUUID('all', { message: 'analysisId must be a valid id.' })
  analysisId!: string;

  @Field(() => Int, {
    description:
      'The published version the commenter read. When the author has published a newer one since, the comment is refused with STALE_VERSION.',
  })
  @IsInt()
  @Min(1)
  version!: number;

  @Field({ description: "Key of the section of the round's template the passage is in." })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'sectionKey must be the key of a section in the template.' })
  sectionKey!: string;

  @Field({ description: `The passage, exactly as in the text (1–${MAX_PASSAGE_LENGTH} characters).` })
  @IsString()
  @MaxLength(MAX_PASSAGE_LENGTH)
  exact!: string;

  @Field({ description: `Up to ${PASSAGE_CONTEXT} characters of the text just before the passage.` })
  @IsString()
  @MaxLength(PASSAGE_CONTEXT)
  prefix!: string;

  @Field({ description: `Up to ${PASSAGE_CONTEXT} characters of the text just after the passage.` })
  @IsString()
  @MaxLength(PASSAGE_CONTEXT)
  suffix!: string;

  @Field(() => Int, { description: "Offset of the passage's first character in the section's content text." })
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  start!: number;

  @Field(() => Int, { description: 'Offset just after the passage.' })
  @IsInt()
  @Min(1)
  @Max(MAX_OFFSET)
  end!: number;

  @Field({ description: `The comment: plain text, 1–${MAX_FEEDBACK_PART_LENGTH} characters.` })
  @IsString()
  @MaxLength(MAX_FEEDBACK_PART_LENGTH, {
    message: `A comment may be at most ${MAX_FEEDBACK_PART_LENGTH} characters.`,
  })
  body!: string;
}

@ArgsType()
export class PassageCommentIdArgs {
  @Field(() => ID, { description: 'The passage comment.' })
  @IsUUID('all', { message: 'id must be a valid id.' })
  id!: string;
}

@ArgsType()
export class EditPassageCommentArgs extends PassageCommentIdArgs {
  @Field({ description: `The new text: plain text, 1–${MAX_FEEDBACK_PART_LENGTH} characters.` })
  @IsString()
  @MaxLength(MAX_FEEDBACK_PART_LENGTH, {
    message: `A comment may be at most ${MAX_FEEDBACK_PART_LENGTH} characters.`,
  })
  body!: string;
}
