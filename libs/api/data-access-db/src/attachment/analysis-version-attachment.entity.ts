import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisVersionEntity } from '../analysis/analysis-version.entity';
import { AttachmentEntity } from './attachment.entity';

/**
 * The attachments a published version was published with: written once at publish, never changed,
 * so a version's files stay as they were whatever later happens to the draft (ADR 0024).
 */
@Entity('analysis_version_attachment')
@Index(['attachmentId'])
export class AnalysisVersionAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => AnalysisVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: Relation<AnalysisVersionEntity>;

  @PrimaryColumn({ type: 'uuid' })
  attachmentId!: string;

  /**
   * NO ACTION (checked at the end of the statement): a file a version lists is never deleted from
   * under it, while deleting a whole analysis (versions and files in one cascade) still works.
   */
  @ManyToOne(() => AttachmentEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'attachment_id' })
  attachment?: Relation<AttachmentEntity>;
}
