import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { AnalysisEntity } from '../analysis/analysis.entity';
import { PersonEntity } from '../person/person.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { CohortEntity } from '../cohort/cohort.entity';

export enum ReviewerKind {
  PEER = 'PEER',
  LEADER = 'LEADER',
}
registerEnumType(ReviewerKind, {
  name: 'ReviewerKind',
  description: 'Who gives a piece of feedback.',
  valuesMap: {
    PEER: { description: 'A fellow participant acting as critical friend (kritisk vän).' },
    LEADER: { description: 'A course leader of the cohort.' },
  },
});

export enum AssignmentSource {
  ALLOCATION = 'ALLOCATION',
  MANUAL = 'MANUAL',
  REPAIR = 'REPAIR',
}
registerEnumType(AssignmentSource, {
  name: 'AssignmentSource',
  description: 'How a review assignment came about.',
  valuesMap: {
    ALLOCATION: { description: "Made by the round's allocation." },
    MANUAL: { description: 'Added or swapped by hand by a course leader.' },
    REPAIR: { description: 'Made by repairing a locked allocation after someone left or published late.' },
  },
});

/** One reason the allocation gave for a pair, e.g. { code: 'OTHER_SCHOOL', text: '...' }. */
export interface StoredReason {
  code: string;
  message: string;
}

/**
 * "Reviewer R gives feedback on analysis A by the round's feedback deadline" (kritisk vän-uppdrag).
 * Cancelled assignments stay for history; at most one live assignment per reviewer and analysis.
 */
@ObjectType('ReviewAssignment', {
  description:
    "\"Reviewer R gives feedback on analysis A by the round's feedback deadline\" (kritisk vän-uppdrag). Cancelled assignments stay for history. Visible to the reviewer, the analysis author, the cohort's course leaders and the organisation's administrators.",
})
@Entity('review_assignment')
// Named as the migration made it: TypeORM 1.x derives partial indexes' names differently.
@Index('IDX_f9e9b7ff22e2badd45edaa6ced', ['analysisId', 'reviewerId'], {
  unique: true,
  where: '"cancelled_at" IS NULL',
})
@Index(['roundId', 'reviewerId'])
// A reviewer's live tasks (myReviewTasks, the home page's open tasks; migration ReviewerTaskIndex).
@Index('IDX_review_assignment_reviewer', ['reviewerId', 'cohortId'], { where: '"cancelled_at" IS NULL' })
// The dashboard's covering index (migration DashboardIndexes, ADR 0033).
@Index('IDX_review_assignment_follow_up', { synchronize: false })
export class ReviewAssignmentEntity extends BaseEntity {
  @Field(() => ID, { description: 'The round.' })
  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => AnalysisRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<AnalysisRoundEntity>;

  /** Copied from the round, like the analysis's. */
  @Field(() => ID, { description: 'The cohort of the round.' })
  @Index()
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => ID, { description: 'The analysis to give feedback on.' })
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => ID, { description: 'The person who gives the feedback.' })
  @Column({ type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<PersonEntity>;

  @Field(() => ReviewerKind, { description: 'Whether the reviewer is a peer or a course leader.' })
  @Column({ type: 'varchar', length: 8 })
  kind!: ReviewerKind;

  @Field(() => AssignmentSource, { description: 'How the assignment was made.' })
  @Column({ type: 'varchar', length: 12 })
  source!: AssignmentSource;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons!: StoredReason[];

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the feedback was given (UTC); null while open.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the assignment was cancelled (UTC); null while live.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
