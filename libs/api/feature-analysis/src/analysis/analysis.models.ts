import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AnalysisAnswer', { description: "One section's answer: sanitised HTML." })
export class AnswerModel {
  @Field()
  sectionKey!: string;

  @Field()
  html!: string;
}

@ObjectType('AnalysisDraft', { description: "The author's private working copy." })
export class DraftModel {
  @Field(() => Int, { description: 'Send this as expectedRevision with the next save or publish.' })
  revision!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  savedAt!: Date | null;

  @Field(() => [AnswerModel])
  answers!: AnswerModel[];
}
