import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@stl/api/util-graphql';

/** Raw HTML may be larger than its text; the text limit is checked after sanitising. */
export const MAX_ANSWER_HTML = 100_000;

@InputType()
export class AnswerInput {
  @Field()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'sectionKey must be the key of a section in the template.' })
  sectionKey!: string;

  @Field()
  @IsString()
  @MaxLength(MAX_ANSWER_HTML, { message: `An answer may be at most ${MAX_ANSWER_HTML} characters of HTML.` })
  html!: string;
}

@InputType()
export class SaveAnalysisDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'roundId must be a valid id.' })
  roundId!: string;

  @Field(() => Int, { description: 'The draft revision this edit started from (0 for a new analysis).' })
  @IsInt()
  @Min(0)
  expectedRevision!: number;

  @Field(() => [AnswerInput], { description: 'Sections to save; sections not named keep their text.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers!: AnswerInput[];

  @Field(() => ID, {
    nullable: true,
    description:
      'A random id of the editor saving (one tab, for one visit). When the next save comes from another editor, the revision it replaces is kept in the draft history for good (ADR 0028).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'editorId must be a valid id.' })
  editorId?: string | null;

  @Field(() => [AnswerInput], {
    nullable: true,
    description:
      'Texts of sections I chose not to keep when two edits of them met; kept in my draft history (never thinned), not in the draft.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  setAside?: AnswerInput[] | null;
}

@InputType()
export class PublishAnalysisInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'analysisId must be a valid id.' })
  analysisId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  expectedRevision!: number;

  @Field({ description: 'The author confirms that no pupil can be identified in the text.' })
  @IsBoolean()
  confirmNoPupilIdentifiable!: boolean;
}

@ArgsType()
export class SharedSpaceArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all')
  cohortId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  roundId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  authorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  schoolId?: string | null;
}
