import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import { AnalysisTemplateVersionEntity } from '../template/analysis-template-version.entity';

/** One of the cohort's (at least six) rounds in which every participant writes one analysis. */
@ObjectType('AnalysisRound')
@Entity('analysis_round')
@Index(['cohortId', 'number'], { unique: true })
@Check(
  'round_deadlines_ordered',
  '"opens_at" < "submission_deadline" AND "submission_deadline" < "feedback_deadline"',
)
export class AnalysisRoundEntity extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  number!: number;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  templateVersionId!: string;

  @ManyToOne(() => AnalysisTemplateVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: Relation<AnalysisTemplateVersionEntity>;

  @Field(() => ID, { nullable: true, description: 'The meeting where the analyses are discussed.' })
  @Column({ type: 'uuid', nullable: true })
  meetingId!: string | null;

  @ManyToOne(() => MeetingEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Relation<MeetingEntity> | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  feedbackDeadline!: Date;
}
