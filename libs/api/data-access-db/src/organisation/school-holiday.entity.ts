import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { isoDate } from '../shared/date.transformer';
import { OrganisationEntity } from './organisation.entity';

/**
 * One of an organisation's school holidays (lov) of a school year, as its administrators set them
 * (issue 19). A school year without rows has the built-in defaults (`defaultSchoolHolidays` in the
 * shared domain). Meeting suggestions avoid them.
 */
@Entity('school_holiday')
@Index(['organisationId', 'schoolYear'])
@Check('school_holiday_dates_ordered', '"ends_on" >= "starts_on"')
export class SchoolHolidayEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  /** "2026/27". */
  @Column({ type: 'varchar', length: 7 })
  schoolYear!: string;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @Column({ type: 'date', transformer: isoDate })
  startsOn!: string;

  @Column({ type: 'date', transformer: isoDate })
  endsOn!: string;
}
