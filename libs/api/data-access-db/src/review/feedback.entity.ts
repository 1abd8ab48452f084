import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { AnalysisEntity } from '../analysis/analysis.entity';
import { AnalysisVersionEntity } from '../analysis/analysis-version.entity';
import { PersonEntity } from '../person/person.entity';
import { ReviewAssignmentEntity, ReviewerKind } from './review-assignment.entity';

/**
 * Forward-looking feedback (återkoppling) from a critical friend or a course leader, given on one
 * published version of an analysis.
 */
@ObjectType('Feedback')
@Entity('feedback')
@Index(['analysisId'])
export class FeedbackEntity extends BaseEntity {
  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @ManyToOne(() => ReviewAssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Relation<ReviewAssignmentEntity>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  analysisVersionId!: string;

  @ManyToOne(() => AnalysisVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'analysis_version_id' })
  analysisVersion?: Relation<AnalysisVersionEntity>;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<PersonEntity>;

  @Field(() => ReviewerKind)
  @Column({ type: 'varchar', length: 8 })
  kind!: ReviewerKind;

  @Field({ description: 'What works well.' })
  @Column({ type: 'text' })
  worksWell!: string;

  @Field({ description: 'Questions to consider.' })
  @Column({ type: 'text' })
  questions!: string;

  @Field({ description: 'Suggestions for next steps.' })
  @Column({ type: 'text' })
  nextSteps!: string;

  @Field(() => String, { nullable: true, description: 'Key of the template section the feedback is about.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  sectionKey!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  markedHelpfulAt!: Date | null;
}
