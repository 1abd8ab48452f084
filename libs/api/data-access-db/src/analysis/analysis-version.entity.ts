import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisEntity } from './analysis.entity';
import type { Answers } from './analysis.entity';
import { answersTransformer } from './answers.transformer';

/** A published, immutable version of an analysis. Feedback points at the version it was given on. */
@ObjectType('AnalysisVersion', {
  description:
    "A published, frozen version of an analysis; feedback points at the version it was given on. Visible to whoever may read the analysis: its author, and the cohort's participants, course leaders and the organisation's administrators.",
})
@Entity('analysis_version')
@Index(['analysisId', 'version'], { unique: true })
export class AnalysisVersionEntity {
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The analysis this is a version of.' })
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => Int, {
    description: 'Version number, 1 for the first publish, counting up with every publish.',
  })
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb', transformer: answersTransformer })
  answers!: Answers;

  /** The author confirmed that no pupil can be identified in the text. */
  @Field(() => GraphQLISODateTime, {
    description:
      'When the author confirmed, at publishing, that no pupil can be identified in the text (UTC).',
  })
  @Column({ type: 'timestamptz' })
  privacyConfirmedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'When this version was published (UTC).' })
  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}
