import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('QualityFinding', {
  description: 'One quality of a piece of feedback as the feedback coach reads it (docs/feedback-coach.md).',
})
export class QualityFindingModel {
  @Field({ description: 'True when the quality was found.' })
  found!: boolean;

  @Field(() => [String], {
    description: 'The words or sentences of the feedback that made the coach think so; empty when not found.',
  })
  evidence!: string[];
}

@ObjectType('FeedbackQuality', {
  description:
    "The feedback coach's reading of one piece of feedback beside the analysis version it answers: the qualities of forward-looking feedback it has. A help for writers and course leaders, never a grade. Visible to whoever may see the feedback.",
})
export class FeedbackQualityModel {
  @Field(() => QualityFindingModel, { description: 'Refers to something specific in the analysis.' })
  anchored!: QualityFindingModel;

  @Field(() => QualityFindingModel, { description: 'Asks at least one genuine question.' })
  question!: QualityFindingModel;

  @Field(() => QualityFindingModel, {
    description: 'Proposes a concrete next step or alternative for the teaching.',
  })
  nextStep!: QualityFindingModel;

  @Field(() => QualityFindingModel, { description: "Speaks of the pupils' learning, goals or evidence." })
  aboutLearning!: QualityFindingModel;

  @Field(() => QualityFindingModel, {
    description: 'Only praise or judgement, with none of the qualities above: a warning, not a goal.',
  })
  onlyPraise!: QualityFindingModel;
}
