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
@ObjectType('Feedback', {
  description:
    "Forward-looking feedback from a critical friend or a course leader on one published version of an analysis, in the template's three parts. Visible to its author, the analysis author, the cohort's course leaders and the organisation's administrators; the cohort's other participants see it in the shared space.",
})
@Entity('feedback')
@Index(['analysisId'])
// The dashboard's covering index (migration DashboardIndexes, ADR 0033).
@Index('IDX_feedback_turnaround', { synchronize: false })
export class FeedbackEntity extends BaseEntity {
  @Field(() => ID, { description: 'The review assignment this feedback fulfils.' })
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  assignmentId!: string;

  @ManyToOne(() => ReviewAssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Relation<ReviewAssignmentEntity>;

  @Field(() => ID, { description: 'The analysis the feedback is on.' })
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => ID, {
    description: 'The published version the feedback was given on; later versions do not move it.',
  })
  @Column({ type: 'uuid' })
  analysisVersionId!: string;

  @ManyToOne(() => AnalysisVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'analysis_version_id' })
  analysisVersion?: Relation<AnalysisVersionEntity>;

  @Field(() => ID, { description: 'Who gave the feedback.' })
  @Index()
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<PersonEntity>;

  @Field(() => ReviewerKind, { description: 'Whether a critical friend (peer) or a course leader gave it.' })
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

  /**
   * The feedback coach's reading when the feedback was given (ADR 0035), kept so the course leader's
   * figures are one SQL query; null on feedback given before the coach was stored.
   */
  @Column({ type: 'boolean', nullable: true })
  qualityAnchored!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  qualityQuestion!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  qualityNextStep!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  qualityAboutLearning!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  qualityOnlyPraise!: boolean | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the analysis author marked the feedback helpful (UTC); null if not.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  markedHelpfulAt!: Date | null;
}
