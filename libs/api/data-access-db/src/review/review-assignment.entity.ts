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
registerEnumType(ReviewerKind, { name: 'ReviewerKind' });

export enum AssignmentSource {
  ALLOCATION = 'ALLOCATION',
  MANUAL = 'MANUAL',
  REPAIR = 'REPAIR',
}
registerEnumType(AssignmentSource, { name: 'AssignmentSource' });

/** One reason the allocation gave for a pair, e.g. { code: 'OTHER_SCHOOL', text: '...' }. */
export interface StoredReason {
  code: string;
  message: string;
}

/**
 * "Reviewer R gives feedback on analysis A by the round's feedback deadline" (kritisk vän-uppdrag).
 * Cancelled assignments stay for history; at most one live assignment per reviewer and analysis.
 */
@ObjectType('ReviewAssignment')
@Entity('review_assignment')
// Named as the migration made it: TypeORM 1.x derives partial indexes' names differently.
@Index('IDX_f9e9b7ff22e2badd45edaa6ced', ['analysisId', 'reviewerId'], {
  unique: true,
  where: '"cancelled_at" IS NULL',
})
@Index(['roundId', 'reviewerId'])
export class ReviewAssignmentEntity extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => AnalysisRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<AnalysisRoundEntity>;

  /** Copied from the round, like the analysis's. */
  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<PersonEntity>;

  @Field(() => ReviewerKind)
  @Column({ type: 'varchar', length: 8 })
  kind!: ReviewerKind;

  @Field(() => AssignmentSource)
  @Column({ type: 'varchar', length: 12 })
  source!: AssignmentSource;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons!: StoredReason[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
