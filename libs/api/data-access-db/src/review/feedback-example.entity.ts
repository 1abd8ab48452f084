import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';
import { PersonEntity } from '../person/person.entity';
import { FeedbackEntity } from './feedback.entity';

export enum ExampleConsent {
  ASKED = 'ASKED',
  GIVEN = 'GIVEN',
  DECLINED = 'DECLINED',
}
registerEnumType(ExampleConsent, {
  name: 'ExampleConsent',
  description: "Where a course leader's request to show a feedback as a good example stands.",
  valuesMap: {
    ASKED: { description: 'Asked; the writer has not answered.' },
    GIVEN: { description: 'The writer agreed; the example is shown to the course leaders to use.' },
    DECLINED: { description: 'The writer said no (or took a yes back); never shown.' },
  },
});

/**
 * A course leader's wish to show a critical friend's feedback as a good example at a meeting, and
 * the writer's answer (issue 15, ADR 0035). Only examples with the writer's consent are shown.
 */
@ObjectType('FeedbackExample', {
  description:
    "A course leader's request to show a critical friend's feedback as a good example, and the writer's answer. Visible to the writer and the cohort's course leaders and administrators.",
})
@Entity('feedback_example')
@Index(['cohortId', 'consent'])
export class FeedbackExampleEntity extends BaseEntity {
  @Field(() => ID, { description: 'The feedback.' })
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  feedbackId!: string;

  @ManyToOne(() => FeedbackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: Relation<FeedbackEntity>;

  @Field(() => ID, { description: 'The cohort.' })
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  /** The course leader who asked. */
  @Index()
  @Column({ type: 'uuid' })
  askedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asked_by_id' })
  askedBy?: Relation<PersonEntity>;

  /** The critical friend who wrote the feedback and answers. */
  @Index()
  @Column({ type: 'uuid' })
  writerId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'writer_id' })
  writer?: Relation<PersonEntity>;

  @Field(() => ExampleConsent, { description: "The writer's answer so far." })
  @Column({ type: 'varchar', length: 8 })
  consent!: ExampleConsent;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the writer last answered (UTC).' })
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
