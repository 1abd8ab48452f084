import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';

/**
 * Who receives the accessibility problems reported from the organisation's accessibility statement
 * (issue 12; DOS-lagen). At most one per organisation; without one, the reports go to the
 * organisation's administrators.
 */
@Entity('accessibility_contact')
export class AccessibilityContactEntity {
  @PrimaryColumn({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_accessibility_contact_organisation' })
  organisation?: Relation<OrganisationEntity>;

  @Index('IDX_accessibility_contact_person')
  @Column({ type: 'uuid' })
  personId!: string;

  /** The contact; the row goes when the person does (reports then go to the administrators). */
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_accessibility_contact_person' })
  person?: Relation<PersonEntity>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
