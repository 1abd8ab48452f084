import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * An organisation's thresholds of the support signal (course rule 8). No row: the defaults of
 * `DEFAULT_SUPPORT_THRESHOLDS` in the shared domain. Whole days and rounds, so a leader can say
 * the rule in one sentence.
 */
@Entity('organisation_support_settings')
@Check('support_behind_days_range', '"behind_after_days" BETWEEN 1 AND 60')
@Check('support_needs_support_days_range', '"needs_support_after_days" BETWEEN "behind_after_days" AND 120')
@Check('support_rounds_missed_range', '"needs_support_rounds_missed" BETWEEN 1 AND 12')
export class OrganisationSupportSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @OneToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'smallint' })
  behindAfterDays!: number;

  @Column({ type: 'smallint' })
  needsSupportAfterDays!: number;

  @Column({ type: 'smallint' })
  needsSupportRoundsMissed!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
