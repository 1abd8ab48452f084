import { Field, ObjectType } from '@nestjs/graphql';

/** Why a reviewer was paired with an analysis: a stable code for the UI to translate, and English text. */
@ObjectType('ReviewReason')
export class ReviewReasonModel {
  @Field()
  code!: string;

  @Field()
  message!: string;
}
