import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import { AnalysisTemplateVersionEntity } from '../template/analysis-template-version.entity';

/** One of the cohort's (at least six) rounds in which every participant writes one analysis. */
@ObjectType('AnalysisRound', {
  description:
    "One of the cohort's rounds (at least six) in which every participant writes one analysis and critical friends give feedback. Visible to everyone who may see the cohort.",
})
@Entity('analysis_round')
@Index(['cohortId', 'number'], { unique: true })
@Check(
  'round_deadlines_ordered',
  '"opens_at" < "submission_deadline" AND "submission_deadline" < "feedback_deadline"',
)
export class AnalysisRoundEntity extends BaseEntity {
  @Field(() => ID, { description: 'The cohort this round belongs to.' })
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => Int, { description: "The round's number within the cohort, from 1, in date order." })
  @Column({ type: 'smallint' })
  number!: number;

  @Field({
    description:
      'The round\'s title as the course leader wrote it (default "Analys N"); use it beside the number without repeating it.',
  })
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field(() => ID, {
    description:
      'The analysis-template version every analysis of this round answers; frozen when the round is created.',
  })
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

  @Field(() => GraphQLISODateTime, {
    description: 'When participants may start writing and the round shows as open (UTC).',
  })
  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description: 'When analyses are due (UTC); publishing later is allowed and marked late.',
  })
  @Column({ type: 'timestamptz' })
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime, { description: "When critical friends' feedback is due (UTC)." })
  @Column({ type: 'timestamptz' })
  feedbackDeadline!: Date;

  /**
   * Raised by every change saved through TypeORM (a version column): the SEQUENCE of the round's
   * calendar events, so a subscribed calendar takes a moved round as an update (ADR 0034).
   */
  @VersionColumn({ default: 1 })
  revision!: number;
}
