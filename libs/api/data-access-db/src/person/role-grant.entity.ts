import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { PersonEntity } from './person.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SchoolEntity } from '../organisation/school.entity';

/**
 * Organisation-level roles. Leading or taking part in a particular cohort is cohort membership,
 * not a role grant: a TEACHER may be enrolled, a COURSE_LEADER (with a valid certification) may lead.
 */
export enum Role {
  ADMINISTRATOR = 'ADMINISTRATOR',
  COURSE_LEADER = 'COURSE_LEADER',
  TEACHER = 'TEACHER',
  SCHOOL_LEADER = 'SCHOOL_LEADER',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    'An organisation-level role. Leading or taking part in a particular cohort is cohort membership, not a role.',
  valuesMap: {
    ADMINISTRATOR: {
      description: 'Runs the organisation on the platform: people, schools, cohorts, templates, settings.',
    },
    COURSE_LEADER: { description: 'May lead cohorts while holding a valid STL certification.' },
    TEACHER: { description: 'May be enrolled as a participant in cohorts.' },
    SCHOOL_LEADER: {
      description: 'Follows the progress of the teachers of one school (rektor); never reads their analyses.',
    },
  },
});

@ObjectType('RoleGrant', {
  description:
    "One role a person holds in an organisation. Visible to the person and the organisation's administrators.",
})
@Entity('role_grant')
// Named as the migration made it: TypeORM 1.x derives partial indexes' names differently.
@Index('IDX_343b197253bab9adb6c61e293f', ['personId', 'role', 'schoolId'], {
  unique: true,
  where: '"school_id" IS NOT NULL',
})
@Index('IDX_52c0d1d5647b86d9b3e95ccd1a', ['personId', 'role'], { unique: true, where: '"school_id" IS NULL' })
// Both unique indexes are partial: a person's grants (read with every request's session) need their own.
@Index('IDX_role_grant_person', ['personId'])
export class RoleGrantEntity {
  @Field(() => ID, { description: 'Stable identifier of the grant.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The person who holds the role.' })
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, (p) => p.roleGrants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<PersonEntity>;

  @Field(() => Role, { description: 'The role.' })
  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Field(() => ID, { description: 'The organisation the role is held in.' })
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  /** Set for SCHOOL_LEADER: the school they lead. */
  @Field(() => ID, {
    nullable: true,
    description: 'For SCHOOL_LEADER: the school they lead; null for other roles.',
  })
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
