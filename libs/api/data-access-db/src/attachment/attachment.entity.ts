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
import { AnalysisEntity } from '../analysis/analysis.entity';
import { PersonEntity } from '../person/person.entity';

/** Where an attachment's bytes are kept (ADR 0024): chosen when it is stored, never moved by itself. */
export enum AttachmentStorageKind {
  POSTGRES = 'postgres',
  S3 = 's3',
}

/**
 * A file attached as evidence to one section of an analysis: an image (re-encoded, without
 * metadata, with a thumbnail) or a PDF. Belongs to the working copy while `removedFromDraftAt` is
 * null; a published version keeps the set it was published with (AnalysisVersionAttachment), so a
 * file is deleted only when neither the draft nor any version holds it (ADR 0024).
 */
@ObjectType('Attachment', {
  description:
    'A file attached to a section of an analysis (an image or a PDF). Seen by whoever may read the analysis or version it is listed on; its bytes are served at `url` to the same people.',
})
@Entity('attachment')
@Index(['analysisId', 'sectionKey'])
export class AttachmentEntity {
  @Field(() => ID, { description: 'The attachment; its file is at /files/{id}.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Field({
    description: "The key of the template section the file belongs to (as in the analysis's answers).",
  })
  @Column({ type: 'varchar', length: 64 })
  sectionKey!: string;

  /** Who attached it: the analysis's author (kept for export and erasure of their data). */
  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<PersonEntity>;

  @Field({ description: 'The file name as uploaded, cleaned of paths and control characters.' })
  @Column({ type: 'varchar', length: 200 })
  originalName!: string;

  @Field({
    description:
      'The type found in the file itself (never taken from its name): image/jpeg, image/png, image/webp or application/pdf.',
  })
  @Column({ type: 'varchar', length: 64 })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes of the stored file (after re-encoding for images).' })
  @Column({ type: 'integer' })
  size!: number;

  /** SHA-256 of the stored bytes, hex. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Field(() => Int, { nullable: true, description: 'Width in pixels of an image; null for a PDF.' })
  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: 'Height in pixels of an image; null for a PDF.' })
  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  /** Whether a thumbnail (WebP) is stored beside the file; images only. */
  @Column({ type: 'boolean', default: false })
  hasThumbnail!: boolean;

  @Column({ type: 'varchar', length: 16 })
  storage!: AttachmentStorageKind;

  /** Taken out of the working copy while a published version still lists it. */
  @Column({ type: 'timestamptz', nullable: true })
  removedFromDraftAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was attached.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
