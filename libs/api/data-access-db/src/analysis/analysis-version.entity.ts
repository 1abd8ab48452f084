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
// GIN over `search`, made by the migration (TypeORM cannot declare a GIN index).
@Index('IDX_analysis_version_search', { synchronize: false })
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

  /**
   * What the shared-space search reads (ADR 0027), set once at publish from the answers by
   * `searchableText` (shared domain): the author's sub-headings, the version's title as far as it
   * has one, and the whole text as a reader sees it. Never sent to clients as such.
   */
  @Column({ type: 'text', default: '' })
  searchTitle!: string;

  @Column({ type: 'text', default: '' })
  searchText!: string;

  /**
   * Swedish lexemes of the two, title weighted A and text B, GIN-indexed. Written only by the
   * trigger `analysis_version_search` (migration SharedSpaceSearch), never by the app.
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  search?: string | null;
}
