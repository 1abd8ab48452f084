import { Field, ObjectType } from '@nestjs/graphql';

/** Why a reviewer was paired with an analysis: a stable code for the UI to translate, and English text. */
@ObjectType('ReviewReason', {
  description:
    'Why a reviewer was paired with an analysis: a stable code for the web to word, and an English sentence. Visible with the pair.',
})
export class ReviewReasonModel {
  @Field({ description: 'The reason as a stable code, e.g. OTHER_SCHOOL.' })
  code!: string;

  @Field({ description: 'The reason as a plain English sentence.' })
  message!: string;
}
