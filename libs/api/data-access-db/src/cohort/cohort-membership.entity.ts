import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { PersonEntity } from '../person/person.entity';
import { SchoolEntity } from '../organisation/school.entity';

export enum CohortRole {
  LEADER = 'LEADER',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(CohortRole, { name: 'CohortRole' });

/**
 * Who leads or takes part in a cohort. A participant's school is copied at enrolment so that a
 * teacher changing schools mid-year does not rewrite the cohort's history.
 */
@ObjectType('CohortMembership')
@Entity('cohort_membership')
@Index(['personId'])
export class CohortMembershipEntity {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field(() => CohortRole)
  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: CohortRole;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  /** History: deleting a school that took part in a course is refused, never rewritten. */
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;

  @Field({ description: 'The participant asks for critical friends from their own school.' })
  @Column({ type: 'boolean', default: false })
  wantsSameSchool!: boolean;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}
