import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  LIKERT_MAX,
  LIKERT_MIN,
  SELF_ASSESSMENT_MAX_QUESTIONS,
  SELF_ASSESSMENT_THEMES,
} from '@stl/shared/domain';

export enum SelfAssessmentPhase {
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
}
registerEnumType(SelfAssessmentPhase, {
  name: 'SelfAssessmentPhase',
  description: 'When in a cohort a self-assessment is answered.',
  valuesMap: {
    BEFORE: { description: 'At the start, before the first analysis is due.' },
    AFTER: { description: 'At the end, from the last meeting until four weeks after the last day.' },
  },
});

export enum SelfAssessmentTheme {
  DIGITAL_TOOLS = 'DIGITAL_TOOLS',
  FORMATIVE_FEEDBACK = 'FORMATIVE_FEEDBACK',
  OTHER = 'OTHER',
}
registerEnumType(SelfAssessmentTheme, {
  name: 'SelfAssessmentTheme',
  description: 'What a self-assessment statement is about.',
  valuesMap: {
    DIGITAL_TOOLS: { description: 'Digital tools in one’s teaching.' },
    FORMATIVE_FEEDBACK: { description: 'Giving and using formative feedback.' },
    OTHER: { description: 'Anything else the organisation asks.' },
  },
});

@ObjectType('SelfAssessmentQuestion', {
  description:
    "One statement of the organisation's self-assessment, answered 1 (not at all) to 5 (completely). Anyone signed in to the organisation may read them.",
})
export class SelfAssessmentQuestionModel {
  @Field(() => ID, { description: 'Stable id of the statement.' })
  id!: string;

  @Field(() => Int, { description: 'Order on the form, from 1.' })
  position!: number;

  @Field(() => SelfAssessmentTheme, { description: 'What the statement is about.' })
  theme!: SelfAssessmentTheme;

  @Field({ description: 'The statement in Swedish.' })
  textSv!: string;

  @Field({ description: 'The statement in English.' })
  textEn!: string;

  @Field({ description: 'Taken off the form by an administrator; answers given before still count.' })
  retired!: boolean;
}

@InputType('SelfAssessmentQuestionInput', {
  description: 'One statement of the list an administrator saves.',
})
export class SelfAssessmentQuestionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The statement kept (its text may be corrected); none for a new one.',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string | null;

  @Field(() => SelfAssessmentTheme, { description: 'What the statement is about.' })
  @IsIn(SELF_ASSESSMENT_THEMES)
  theme!: SelfAssessmentTheme;

  @Field({ description: 'The statement in Swedish (1–400 characters).' })
  @IsString()
  textSv!: string;

  @Field({ description: 'The statement in English (1–400 characters).' })
  @IsString()
  textEn!: string;
}

@InputType('SetSelfAssessmentQuestionsInput', {
  description:
    "The organisation's whole list of statements, in order; statements left out are taken off the form.",
})
export class SetSelfAssessmentQuestionsInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID('all')
  organisationId!: string;

  @Field(() => [SelfAssessmentQuestionInput], {
    description: `The statements in order, 1–${SELF_ASSESSMENT_MAX_QUESTIONS}.`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(SELF_ASSESSMENT_MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => SelfAssessmentQuestionInput)
  questions!: SelfAssessmentQuestionInput[];
}

@ObjectType('SelfAssessmentPrompt', {
  description:
    'A self-assessment the signed-in participant may answer now in one of their cohorts. Only the participant themselves.',
})
export class SelfAssessmentPromptModel {
  @Field(() => ID, { description: 'The cohort.' })
  cohortId!: string;

  @Field({ description: "The cohort's name." })
  cohortName!: string;

  @Field(() => SelfAssessmentPhase, { description: 'At the start or at the end of the cohort.' })
  phase!: SelfAssessmentPhase;

  @Field(() => GraphQLISODateTime, { description: 'When answering opened (UTC).' })
  opensAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When answering closes (UTC).' })
  closesAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the participant last sent their answers (UTC); null while unanswered. The answers themselves are never shown.',
  })
  answeredAt!: Date | null;
}

@InputType('SelfAssessmentAnswerInput', { description: "One statement's value." })
export class SelfAssessmentAnswerInput {
  @Field(() => ID, { description: 'The statement.' })
  @IsUUID('all')
  questionId!: string;

  @Field(() => Int, { description: `${LIKERT_MIN} (not at all) to ${LIKERT_MAX} (completely).` })
  @IsInt()
  @Min(LIKERT_MIN)
  @Max(LIKERT_MAX)
  value!: number;
}

@InputType('SubmitSelfAssessmentInput', {
  description: 'A participant’s answers to every statement on the form.',
})
export class SubmitSelfAssessmentInput {
  @Field(() => ID, { description: 'The cohort.' })
  @IsUUID('all')
  cohortId!: string;

  @Field(() => SelfAssessmentPhase, { description: 'The phase open now.' })
  @IsIn(['BEFORE', 'AFTER'])
  phase!: SelfAssessmentPhase;

  @Field(() => [SelfAssessmentAnswerInput], { description: 'One value per statement on the form.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(SELF_ASSESSMENT_MAX_QUESTIONS)
  @ValidateNested({ each: true })
  @Type(() => SelfAssessmentAnswerInput)
  answers!: SelfAssessmentAnswerInput[];
}

@ObjectType('SelfAssessmentFigure', {
  description:
    'One phase of a group: respondents and mean, both null when fewer than five answered (or the group would give a smaller one away).',
})
export class SelfAssessmentFigureModel {
  @Field(() => Int, { nullable: true, description: 'Respondents; null when suppressed.' })
  respondents!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean on the 1–5 scale, two decimals; null when suppressed or nobody answered.',
  })
  mean!: number | null;

  @Field({ description: 'Withheld to protect small groups (fewer than five respondents).' })
  suppressed!: boolean;
}

@ObjectType('SelfAssessmentQuestionFigures', { description: "One statement's figures in a group." })
export class SelfAssessmentQuestionFiguresModel {
  @Field(() => ID, { description: 'The statement.' })
  questionId!: string;

  @Field(() => SelfAssessmentFigureModel, { description: 'At the start.' })
  before!: SelfAssessmentFigureModel;

  @Field(() => SelfAssessmentFigureModel, { description: 'At the end.' })
  after!: SelfAssessmentFigureModel;

  @Field(() => Float, { nullable: true, description: 'After minus before, when both means are shown.' })
  change!: number | null;
}

@ObjectType('SelfAssessmentGroup', { description: 'A school or a cohort with its figures before and after.' })
export class SelfAssessmentGroupModel {
  @Field(() => ID, {
    nullable: true,
    description: 'The school or cohort; null for participants with no school.',
  })
  id!: string | null;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => SelfAssessmentFigureModel, { description: 'Respondents at the start.' })
  before!: SelfAssessmentFigureModel;

  @Field(() => SelfAssessmentFigureModel, { description: 'Respondents at the end.' })
  after!: SelfAssessmentFigureModel;

  @Field(() => [SelfAssessmentQuestionFiguresModel], { description: 'Each statement, in form order.' })
  questions!: SelfAssessmentQuestionFiguresModel[];
}

@ObjectType('SelfAssessmentResults', {
  description:
    "The change before → after, per cohort and per school, as means of groups of five or more: never one person's answers. Administrators see the organisation's cohorts; course leaders the cohorts they lead.",
})
export class SelfAssessmentResultsModel {
  @Field(() => Int, { description: 'Fewest respondents a figure is shown for (5).' })
  minGroupSize!: number;

  @Field(() => [SelfAssessmentQuestionModel], {
    description: 'The statements the figures are about, in form order (retired ones with answers too).',
  })
  questions!: SelfAssessmentQuestionModel[];

  @Field(() => [SelfAssessmentGroupModel], { description: 'Per cohort.' })
  byCohort!: SelfAssessmentGroupModel[];

  @Field(() => [SelfAssessmentGroupModel], {
    description: 'Per school (the participant’s school in the cohort).',
  })
  bySchool!: SelfAssessmentGroupModel[];
}
