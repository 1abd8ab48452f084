import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { FeedbackEntity } from './feedback.entity';
import { PersonEntity } from '../person/person.entity';

export enum FeedbackCommentKind {
  /** The analysis author answers the feedback. */
  REPLY = 'REPLY',
  /** A course leader comments on the quality of a peer's feedback. */
  LEADER_NOTE = 'LEADER_NOTE',
}
registerEnumType(FeedbackCommentKind, {
  name: 'FeedbackCommentKind',
  description: 'What a comment on a piece of feedback is.',
  valuesMap: {
    REPLY: { description: 'The analysis author answers the feedback.' },
    LEADER_NOTE: {
      description:
        "A course leader's note on the quality of a critical friend's feedback; seen only by the cohort's course leaders, the organisation's administrators and the feedback's author.",
    },
  },
});

@ObjectType('FeedbackComment', {
  description:
    "A reply by the analysis author to a piece of feedback, or a course leader's note on it. Replies are seen by whoever sees the feedback; leader notes only by the cohort's course leaders, the organisation's administrators and the feedback's author.",
})
@Entity('feedback_comment')
@Index(['feedbackId'])
export class FeedbackCommentEntity extends BaseEntity {
  @Field(() => ID, { description: 'The feedback commented on.' })
  @Column({ type: 'uuid' })
  feedbackId!: string;

  @ManyToOne(() => FeedbackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: Relation<FeedbackEntity>;

  @Field(() => ID, { description: 'Who wrote the comment.' })
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<PersonEntity>;

  @Field(() => FeedbackCommentKind, { description: "A reply or a leader's note." })
  @Column({ type: 'varchar', length: 16 })
  kind!: FeedbackCommentKind;

  @Field({ description: "The comment's text (plain text)." })
  @Column({ type: 'text' })
  body!: string;
}
