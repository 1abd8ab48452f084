import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { CohortEntity } from '../cohort/cohort.entity';
import { PersonEntity } from '../person/person.entity';
import { BaseEntity } from '../shared/base.entity';

/**
 * A teacher's closing reflection on their year in a cohort, shown at the end of their portfolio
 * (ADR 0032). Only the teacher reads and writes it; one per person and cohort.
 */
@Entity('portfolio_reflection')
@Index(['personId', 'cohortId'], { unique: true })
export class PortfolioReflectionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Index()
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  /** Plain text, as typed (line breaks kept). */
  @Column({ type: 'text' })
  body!: string;
}
