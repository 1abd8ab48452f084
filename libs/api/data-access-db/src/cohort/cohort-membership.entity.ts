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
registerEnumType(CohortRole, {
  name: 'CohortRole',
  description: "A person's role in one cohort.",
  valuesMap: {
    LEADER: { description: 'A certified course leader (kursledare) who runs the cohort.' },
    PARTICIPANT: { description: 'A teacher taking the course.' },
  },
});

/**
 * Who leads or takes part in a cohort. A participant's school is copied at enrolment so that a
 * teacher changing schools mid-year does not rewrite the cohort's history.
 */
@ObjectType('CohortMembership', {
  description:
    "Who leads or takes part in a cohort. A participant's school is copied at enrolment, so a teacher changing schools mid-year does not rewrite the cohort's history. Visible to the cohort's members and course leaders, the organisation's administrators, and school leaders for their own school's participants.",
})
@Entity('cohort_membership')
@Index(['personId'])
// A school leader's cohorts: those with participants from their schools (issue 13).
@Index('IDX_cohort_membership_school', ['schoolId'])
export class CohortMembershipEntity {
  @Field(() => ID, { description: 'The cohort.' })
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => ID, { description: 'The person who leads or takes part.' })
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field(() => CohortRole, { description: 'Whether the person leads the cohort or takes part in it.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: CohortRole;

  @Field(() => ID, {
    nullable: true,
    description: "The participant's school at enrolment; null for course leaders.",
  })
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  /** History: deleting a school that took part in a course is refused, never rewritten. */
  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;

  @Field({ description: 'The participant asks for critical friends from their own school.' })
  @Column({ type: 'boolean', default: false })
  wantsSameSchool!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When the person joined the cohort (UTC).' })
  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When a participant was withdrawn (UTC); null while taking part. Withdrawn participants keep their history but get no new tasks.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}
