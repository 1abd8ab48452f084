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

@InputType({ description: "One section's answer in a save or publish." })
export class AnswerInput {
  @Field({ description: "The template section's key (see the round's templateVersion.sections)." })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_-]*$/, { message: 'sectionKey must be the key of a section in the template.' })
  sectionKey!: string;

  @Field({ description: "The answer as rich text; sanitised on the server to the platform's allowlist." })
  @IsString()
  @MaxLength(MAX_ANSWER_HTML, { message: `An answer may be at most ${MAX_ANSWER_HTML} characters of HTML.` })
  html!: string;
}

@InputType({
  description:
    'Saves my working copy of the analysis for a round (autosave). Only the sections given change.',
})
export class SaveAnalysisDraftInput {
  @Field(() => ID, {
    description: 'The round the analysis answers; the analysis is created on the first save.',
  })
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
}

@InputType({ description: 'Publishes my working copy to the cohort as a new version.' })
export class PublishAnalysisInput {
  @Field(() => ID, { description: 'The analysis to publish (my own).' })
  @IsUUID('all', { message: 'analysisId must be a valid id.' })
  analysisId!: string;

  @Field(() => Int, {
    description:
      'The draft revision I am publishing; refused with EDIT_CONFLICT when the draft has moved on since.',
  })
  @IsInt()
  @Min(0)
  expectedRevision!: number;

  @Field({ description: 'The author confirms that no pupil can be identified in the text.' })
  @IsBoolean()
  confirmNoPupilIdentifiable!: boolean;
}

@ArgsType()
export class SharedSpaceArgs extends PageArgs {
  @Field(() => ID, {
    description:
      'The cohort whose shared space to read; participants, course leaders and administrators of it only.',
  })
  @IsUUID('all')
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: 'Only analyses of this round.' })
  @IsOptional()
  @IsUUID('all')
  roundId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only analyses by this author.' })
  @IsOptional()
  @IsUUID('all')
  authorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only analyses by authors of this school.' })
  @IsOptional()
  @IsUUID('all')
  schoolId?: string | null;
}
