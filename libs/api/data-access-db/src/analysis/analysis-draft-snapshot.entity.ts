import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { PersonEntity } from '../person/person.entity';
import { AnalysisEntity } from './analysis.entity';
import type { Answers } from './analysis.entity';
import { answersTransformer } from './answers.transformer';

/** Why a snapshot was kept; the last two are never thinned away (ADR 0028). */
export enum DraftSnapshotKind {
  /** A revision overwritten by a later save from the same editor: thinned as it ages. */
  EARLIER_SAVE = 'EARLIER_SAVE',
  /** A revision overwritten by a save from another tab, device or visit (e.g. after a conflict): kept. */
  REPLACED_ELSEWHERE = 'REPLACED_ELSEWHERE',
  /** Text the author chose not to keep when two edits of a section met: kept. */
  SET_ASIDE = 'SET_ASIDE',
}
registerEnumType(DraftSnapshotKind, {
  name: 'DraftSnapshotKind',
  description: 'Why a snapshot of a draft was kept.',
  valuesMap: {
    EARLIER_SAVE: {
      description: 'The draft as it was before a later save from the same editor; thinned as it ages.',
    },
    REPLACED_ELSEWHERE: {
      description:
        'The draft as it was before a save from another tab, device or visit replaced it; never thinned.',
    },
    SET_ASIDE: {
      description: 'Text of a section the author chose not to keep when two edits of it met; never thinned.',
    },
  },
});

/**
 * The draft history (ADR 0028): the answers of a draft revision that a save overwrote, kept in the
 * same transaction as that save, and texts set aside when a conflict was resolved. Personal working
 * material: only the author reads it — not the cohort, its leaders or administrators.
 */
@ObjectType('AnalysisDraftSnapshot', {
  description:
    "An earlier state of the author's draft (or a text they set aside). Private working material: only the analysis's author may see it, never leaders or administrators.",
})
@Entity('analysis_draft_snapshot')
@Index(['analysisId', 'savedAt'])
export class AnalysisDraftSnapshotEntity {
  @Field(() => ID, { description: 'The snapshot; read it whole with analysisDraftSnapshot(id).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The analysis whose draft this was.' })
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field(() => Int, {
    description:
      'The draft revision this was (for a text set aside: the revision the choice was saved on top of).',
  })
  @Column({ type: 'integer' })
  revision!: number;

  @Field(() => DraftSnapshotKind, { description: 'Why it was kept.' })
  @Column({ type: 'varchar', length: 20 })
  kind!: DraftSnapshotKind;

  /** All sections for a revision; only the sections set aside for SET_ASIDE. */
  @Column({ type: 'jsonb', transformer: answersTransformer })
  answers!: Answers;

  @Field(() => GraphQLISODateTime, {
    description: 'When this text was saved (for a text set aside: when the author set it aside).',
  })
  @Column({ type: 'timestamptz' })
  savedAt!: Date;

  /** Who saved it: the author (named for export and erasure of their data). */
  @Column({ type: 'uuid' })
  savedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'saved_by_id' })
  savedBy?: Relation<PersonEntity>;

  /** The editor (one tab's visit) that saved it; a save from another one keeps it for good. */
  @Column({ type: 'uuid', nullable: true })
  editorId!: string | null;
}
