import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';

/** What a privacy log entry records (ADR 0030). */
export enum PrivacyLogKind {
  /** A person's data was erased on request. */
  ERASURE = 'ERASURE',
  /** The retention job erased records whose time was up. */
  RETENTION = 'RETENTION',
  /** A person's data was downloaded (by themselves or an administrator). */
  ACCESS_EXPORT = 'ACCESS_EXPORT',
}

/**
 * The record of erasures, retention runs and access exports, kept without what was erased: how
 * many rows of which kind, when, by whom, of whom (the erased person's row is a placeholder by then).
 * Until the audit log (issue 12) is merged this is where they are recorded; see ADR 0030.
 */
@Entity('privacy_log')
@Index(['organisationId', 'createdAt'])
@Check('privacy_log_kind_known', `"kind" IN ('ERASURE', 'RETENTION', 'ACCESS_EXPORT')`)
export class PrivacyLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'varchar', length: 20 })
  kind!: PrivacyLogKind;

  /** Who did it; null for the retention job. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<PersonEntity> | null;

  /** Whose data it was; null for the retention job (which erases by cohort, not by person). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subject_id' })
  subject?: Relation<PersonEntity> | null;

  /** Rows per kind of record, e.g. { sessions: 2, drafts: 3 }; never their content. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts!: Record<string, number>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
