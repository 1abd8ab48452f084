import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReviewerKind } from '@stl/api/data-access-db';

@ObjectType('PortfolioReply', {
  description: "The teacher's reply to a piece of feedback. The teacher only.",
})
export class PortfolioReplyModel {
  @Field({ description: 'What they replied.' })
  body!: string;

  @Field(() => GraphQLISODateTime, { description: 'When (UTC).' })
  writtenAt!: Date;
}

@ObjectType('PortfolioFeedback', {
  description: 'Feedback the teacher received, in the portfolio. The teacher only.',
})
export class PortfolioFeedbackModel {
  @Field(() => ID, { description: 'The feedback.' })
  id!: string;

  @Field({ description: 'Who gave it, as the teacher may see them.' })
  authorName!: string;

  @Field(() => ReviewerKind, { description: 'A critical friend (peer) or a course leader.' })
  kind!: ReviewerKind;

  @Field(() => GraphQLISODateTime, { description: 'When it was given (UTC).' })
  givenAt!: Date;

  @Field(() => Int, { description: 'The version of the analysis it was given on.' })
  version!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The section it is about; null for the whole analysis.',
  })
  sectionTitle!: string | null;

  @Field({ description: 'What works well.' })
  worksWell!: string;

  @Field({ description: 'Questions to consider.' })
  questions!: string;

  @Field({ description: 'Suggestions for next steps.' })
  nextSteps!: string;

  @Field(() => [PortfolioReplyModel], { description: "The teacher's replies, oldest first." })
  replies!: PortfolioReplyModel[];
}

@ObjectType('PortfolioSection', {
  description: 'One section of an analysis, as plain text. The teacher only.',
})
export class PortfolioSectionModel {
  @Field({ description: "The template section's title." })
  title!: string;

  @Field({ description: 'What the teacher wrote, as plain text (paragraphs separated by blank lines).' })
  text!: string;
}

@ObjectType('PortfolioEntry', { description: 'One analysis round in the portfolio. The teacher only.' })
export class PortfolioEntryModel {
  @Field(() => ID, { description: 'The round.' })
  roundId!: string;

  @Field(() => Int, { description: "The round's number." })
  number!: number;

  @Field({ description: "The round's title." })
  title!: string;

  @Field({ description: 'Whether the teacher published an analysis in this round.' })
  published!: boolean;

  @Field(() => Int, { nullable: true, description: 'The latest published version; null when none.' })
  version!: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When that version was published (UTC).' })
  publishedAt!: Date | null;

  @Field(() => [PortfolioSectionModel], {
    description: 'The analysis as last published, section by section.',
  })
  sections!: PortfolioSectionModel[];

  @Field(() => [PortfolioFeedbackModel], { description: 'Feedback received on any version, oldest first.' })
  feedback!: PortfolioFeedbackModel[];
}

@ObjectType('Portfolio', {
  description:
    "A teacher's portfolio of one cohort (ADR 0032): their analyses with the feedback received and their replies, and their closing reflection. The teacher only; the PDF is at /export/portfolio/<cohortId>.pdf.",
})
export class PortfolioModel {
  @Field(() => ID, { description: 'The cohort.' })
  cohortId!: string;

  @Field({ description: "The cohort's name." })
  cohortName!: string;

  @Field({ description: 'The school year.' })
  schoolYear!: string;

  @Field({ description: 'The organisation (huvudman).' })
  organisationName!: string;

  @Field(() => [PortfolioEntryModel], { description: 'Every round of the cohort, in order.' })
  entries!: PortfolioEntryModel[];

  @Field(() => String, { nullable: true, description: 'The closing reflection; null while none is written.' })
  reflection!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the reflection was last saved (UTC).',
  })
  reflectionUpdatedAt!: Date | null;
}
