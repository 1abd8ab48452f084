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
registerEnumType(FeedbackCommentKind, { name: 'FeedbackCommentKind' });

@ObjectType('FeedbackComment')
@Entity('feedback_comment')
@Index(['feedbackId'])
export class FeedbackCommentEntity extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  feedbackId!: string;

  @ManyToOne(() => FeedbackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: Relation<FeedbackEntity>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<PersonEntity>;

  @Field(() => FeedbackCommentKind)
  @Column({ type: 'varchar', length: 16 })
  kind!: FeedbackCommentKind;

  @Field()
  @Column({ type: 'text' })
  body!: string;
}
