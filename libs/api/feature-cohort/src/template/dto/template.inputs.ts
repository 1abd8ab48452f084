import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from '@stl/shared/domain';
import { IsBoundedText, IsId, IsRequiredText } from '@stl/api/util-graphql';

export const MAX_SECTIONS = 30;
export const MAX_PROMPT_LENGTH = 5000;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const SECTION_KEY = /^[a-z][a-z0-9_-]{0,63}$/;

@InputType({ description: 'One section of a new template version.' })
export class TemplateSectionInput {
  @Field({ description: 'Stable machine name within the version, e.g. "goals": a–z, digits, _ or -.' })
  @IsRequiredText('section key', 64)
  @Matches(SECTION_KEY, {
    message: 'A section key starts with a letter a–z and has only a–z, digits, _ or - (at most 64).',
  })
  key!: string;

  @Field({ description: "The section's heading." })
  @IsRequiredText('section title', MAX_TITLE_LENGTH)
  title!: string;

  @Field({ description: 'The question the writer answers.' })
  @IsRequiredText('section prompt', MAX_PROMPT_LENGTH)
  prompt!: string;

  @Field({ nullable: true, defaultValue: '', description: 'Guidance for the writer.' })
  @IsOptional()
  @IsBoundedText('help text', MAX_PROMPT_LENGTH)
  helpText?: string;

  @Field({
    nullable: true,
    defaultValue: true,
    description: 'Whether the section must be answered before publishing.',
  })
  @IsOptional()
  @IsBoolean({ message: 'required must be true or false.' })
  required?: boolean;
}

const Sections = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1, { message: 'A template needs at least one section.' }),
    ArrayMaxSize(MAX_SECTIONS, { message: `A template can have at most ${MAX_SECTIONS} sections.` }),
    ValidateNested({ each: true }),
    Type(() => TemplateSectionInput),
  );

@InputType({ description: 'A new analysis template; administrators and course leaders of the organisation.' })
export class CreateAnalysisTemplateInput {
  @Field(() => ID, { description: 'The organisation that will own the template.' })
  @IsId('organisation')
  organisationId!: string;

  @Field({ description: "The template's name." })
  @IsRequiredText('template name', MAX_NAME_LENGTH)
  name!: string;

  @Field({ nullable: true, defaultValue: '', description: 'What the template is for.' })
  @IsOptional()
  @IsBoundedText('description', MAX_DESCRIPTION_LENGTH)
  description?: string;

  @Field(() => [TemplateSectionInput], { description: 'Version 1, in order.' })
  @Sections()
  sections!: TemplateSectionInput[];
}

@ArgsType()
export class CreateTemplateVersionArgs {
  @Field(() => ID, { description: 'The template to add a version to.' })
  @IsId('template')
  templateId!: string;

  @Field(() => [TemplateSectionInput], { description: 'The new version, in order.' })
  @Sections()
  sections!: TemplateSectionInput[];
}

@ArgsType()
export class AnalysisTemplatesArgs {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own organisation.' })
  @IsOptional()
  @IsId('organisation')
  organisationId?: string | null;
}
