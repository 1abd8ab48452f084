import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';

/** The stored file itself, or its thumbnail. */
export enum AttachmentVariant {
  FILE = 'file',
  THUMBNAIL = 'thumbnail',
}

/**
 * An attachment's bytes in PostgreSQL (the default storage, so `npm start` needs nothing else).
 * Apart from the attachment row so that listing attachments never reads the bytes.
 */
@Entity('attachment_content')
export class AttachmentContentEntity {
  @PrimaryColumn({ type: 'uuid' })
  attachmentId!: string;

  @ManyToOne(() => AttachmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attachment_id' })
  attachment?: Relation<AttachmentEntity>;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  variant!: AttachmentVariant;

  @Column({ type: 'bytea' })
  bytes!: Buffer;
}
