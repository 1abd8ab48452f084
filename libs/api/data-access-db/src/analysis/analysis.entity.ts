import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { AnalysisRoundEntity } from '../round/analysis-round.entity';
import { PersonEntity } from '../person/person.entity';
import { CohortEntity } from '../cohort/cohort.entity';
import { SchoolEntity } from '../organisation/school.entity';
import { answersTransformer } from './answers.transformer';

export enum AnalysisStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AnalysisStatus, {
  name: 'AnalysisStatus',
  description: 'Whether an analysis has been published to the cohort.',
  valuesMap: {
    DRAFT: { description: 'Only the working copy exists; nobody but the author sees it.' },
    PUBLISHED: { description: 'At least one version has been published to the cohort.' },
  },
});

/** Answers keyed by the template section's key; values are sanitised HTML. */
export type Answers = Record<string, string>;

/**
 * One participant's analysis for one round. The working copy (draft) lives here with a revision
 * number for conflict detection; every publish freezes a numbered AnalysisVersion.
 */
@ObjectType('Analysis', {
  description:
    "One participant's analysis for one round: a private working copy (draft) and the versions published to the cohort. Its author always sees it; once published, the cohort's participants, course leaders and the organisation's administrators do too. School leaders see only progress, never the text.",
})
@Entity('analysis')
@Index(['roundId', 'authorId'], { unique: true })
@Index(['cohortId', 'status'])
// The dashboard's covering index (migration DashboardIndexes, ADR 0033).
@Index('IDX_analysis_follow_up', { synchronize: false })
export class AnalysisEntity extends BaseEntity {
  @Field(() => ID, { description: 'The round this analysis answers.' })
  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => AnalysisRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: Relation<AnalysisRoundEntity>;

  /** Copied from the round so access checks and cohort-wide lists need no join. */
  @Field(() => ID, { description: 'The cohort the round belongs to.' })
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => ID, { description: 'The participant who writes the analysis.' })
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<PersonEntity>;

  /** The author's school when the analysis was started (for "by school" views and allocation). */
  @Field(() => ID, {
    nullable: true,
    description: "The author's school when the analysis was started; null when the author had none.",
  })
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  /** History: deleting a school that took part in a course is refused, never rewritten. */
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;

  @Field(() => AnalysisStatus, {
    description: 'DRAFT until first published, then PUBLISHED (a published analysis may get newer versions).',
  })
  @Column({ type: 'varchar', length: 16, default: AnalysisStatus.DRAFT })
  status!: AnalysisStatus;

  /** The working copy; private to the author. */
  @Column({ type: 'jsonb', default: () => "'[]'", transformer: answersTransformer })
  draftAnswers!: Answers;

  /** Bumped by every save of the working copy; a save must name the revision it started from. */
  @Column({ type: 'integer', default: 0 })
  draftRevision!: number;

  @Column({ type: 'timestamptz', nullable: true })
  draftSavedAt!: Date | null;

  /** The editor (one tab's visit) that saved the current revision; see AnalysisDraftSnapshotEntity. */
  @Column({ type: 'uuid', nullable: true })
  draftEditorId!: string | null;

  /** Number of the latest published version; 0 while never published. */
  @Field(() => Int, { description: 'Number of the latest published version; 0 while never published.' })
  @Column({ type: 'integer', default: 0 })
  publishedVersion!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      "When the analysis was first published (UTC); null while a draft. Compared with the round's submission deadline.",
  })
  @Column({ type: 'timestamptz', nullable: true })
  firstPublishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the latest version was published (UTC); null while a draft.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  lastPublishedAt!: Date | null;
}
