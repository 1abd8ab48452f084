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
@ObjectType('AnalysisVersion')
@Entity('analysis_version')
@Index(['analysisId', 'version'], { unique: true })
export class AnalysisVersionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb', transformer: answersTransformer })
  answers!: Answers;

  /** The author confirmed that no pupil can be identified in the text. */
  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  privacyConfirmedAt!: Date;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}
