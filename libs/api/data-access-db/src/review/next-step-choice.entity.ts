import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';
import { PersonEntity } from '../person/person.entity';
import { FeedbackEntity } from './feedback.entity';

/**
 * The next step an analysis author chose to try from feedback they received (issue 15, ADR 0035):
 * one per feedback, carried into the editor of their next analysis in the cohort.
 */
@ObjectType('NextStepChoice', {
  description:
    "A next step the author of an analysis chose to try from feedback they received; reminded of in their next analysis. Visible to that author and the cohort's course leaders.",
})
@Entity('next_step_choice')
@Index(['personId', 'cohortId'])
export class NextStepChoiceEntity extends BaseEntity {
  @Field(() => ID, { description: 'The feedback the step comes from.' })
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  feedbackId!: string;

  @ManyToOne(() => FeedbackEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'feedback_id' })
  feedback?: Relation<FeedbackEntity>;

  /** The analysis author who chose it. */
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field(() => ID, { description: 'The cohort of the analysis the feedback was on.' })
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field({ description: 'The sentence of the feedback the author chose, as the critical friend wrote it.' })
  @Column({ type: 'text' })
  step!: string;
}
