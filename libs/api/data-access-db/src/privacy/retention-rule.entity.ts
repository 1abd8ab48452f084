import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';

/**
 * The kinds of record an organisation's retention schedule (gallringsplan) covers (ADR 0030).
 * PUBLISHED_WORK and ATTENDANCE count from the day their cohort was archived; MAIL_LOG from the day
 * the mail was sent (or given up).
 */
export enum RetentionRecordKind {
  /** Published analyses (every version), feedback, replies and leader notes, and their attachments. */
  PUBLISHED_WORK = 'PUBLISHED_WORK',
  /** Attendance recorded at the cohort's meetings. */
  ATTENDANCE = 'ATTENDANCE',
  /** The outbox: who was sent which mail when (its template data included). */
  MAIL_LOG = 'MAIL_LOG',
}
export const RETENTION_RECORD_KINDS: readonly RetentionRecordKind[] = Object.values(RetentionRecordKind);

/**
 * One line of an organisation's retention schedule: records of `kind` are erased `months` after
 * the moment they count from. No row: kept until the organisation decides (the law on public
 * records allows no erasure without a decision).
 */
@Entity('retention_rule')
@Check('retention_rule_kind_known', `"kind" IN ('PUBLISHED_WORK', 'ATTENDANCE', 'MAIL_LOG')`)
@Check('retention_rule_months_range', '"months" BETWEEN 0 AND 1200')
export class RetentionRuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: RetentionRecordKind;

  @Column({ type: 'integer' })
  months!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
