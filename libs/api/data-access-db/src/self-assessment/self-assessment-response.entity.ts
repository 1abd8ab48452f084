import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { CohortEntity } from '../cohort/cohort.entity';
import { PersonEntity } from '../person/person.entity';
import { SchoolEntity } from '../organisation/school.entity';

/**
 * One participant's self-assessment at the start (BEFORE) or end (AFTER) of a cohort (issue 14).
 * Read only as aggregates of five or more (ADR 0034); the school is the participant's school in
 * the cohort when they answered, so the follow-up per school does not move when they change jobs.
 */
@Entity('self_assessment_response')
@Index(['cohortId', 'personId', 'phase'], { unique: true })
@Index(['personId'])
@Check('self_assessment_response_phase_known', `"phase" IN ('BEFORE', 'AFTER')`)
export class SelfAssessmentResponseEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Column({ type: 'varchar', length: 8 })
  phase!: string;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;
}
