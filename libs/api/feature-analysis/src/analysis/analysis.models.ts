import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AnalysisAnswer', { description: "One section's answer: sanitised HTML." })
export class AnswerModel {
  @Field({ description: "The template section's key this answer belongs to." })
  sectionKey!: string;

  @Field({ description: "The answer as sanitised rich text (HTML within the platform's allowlist)." })
  html!: string;
}

@ObjectType('AnalysisDraft', { description: "The author's private working copy." })
export class DraftModel {
  @Field(() => Int, { description: 'Send this as expectedRevision with the next save or publish.' })
  revision!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the working copy was last saved (UTC); null before the first save.',
  })
  savedAt!: Date | null;

  @Field(() => [AnswerModel], { description: "The working copy's answers, one per section written." })
  answers!: AnswerModel[];
}
