import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { CohortEntity } from '../cohort/cohort.entity';
import { PersonEntity } from '../person/person.entity';
import { BaseEntity } from '../shared/base.entity';

/**
 * A certificate of completion (kursintyg) issued to a participant who completed a cohort (product
 * rule 6; ADR 0032). The code is what the printed certificate and its QR code carry; anyone may
 * check it on the public verification page. What the certificate states (meetings attended,
 * analyses completed) is kept as it was when issued, so the PDF never changes afterwards, even
 * when the retention schedule erases the attendance it was counted from. Revoked certificates stay,
 * so their code keeps answering "not valid" and is never given out again.
 */
@Entity('completion_certificate')
@Index('UQ_completion_certificate_valid', ['cohortId', 'personId'], {
  unique: true,
  where: '"revoked_at" IS NULL',
})
@Check('completion_certificate_revoked_by', '"revoked_by_id" IS NULL OR "revoked_at" IS NOT NULL')
export class CompletionCertificateEntity extends BaseEntity {
  /** 12 letters and digits from an alphabet without look-alikes; shown in groups of four. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 12 })
  code!: string;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'uuid' })
  issuedById!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by_id' })
  issuedBy?: Relation<PersonEntity>;

  /** Null while valid. Set with a null `revokedById` when the holder's data was erased. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revoked_by_id' })
  revokedBy?: Relation<PersonEntity> | null;

  /** As counted by the completion rule when the certificate was issued. */
  @Column({ type: 'smallint' })
  meetingsAttended!: number;

  @Column({ type: 'smallint' })
  meetingsPlanned!: number;

  /** Published analyses with leader and peer feedback when the certificate was issued. */
  @Column({ type: 'smallint' })
  analysesCompleted!: number;
}
