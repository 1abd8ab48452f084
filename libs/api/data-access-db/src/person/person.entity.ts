import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SchoolEntity } from '../organisation/school.entity';
import { RoleGrantEntity } from './role-grant.entity';
import { CertificationEntity } from './certification.entity';

export enum Locale {
  sv = 'sv',
  en = 'en',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language for the UI and e-mail.',
  valuesMap: { sv: { description: 'Swedish (the default).' }, en: { description: 'English.' } },
});

/**
 * Anyone with an account. A person belongs to one organisation and may hold several roles in it
 * (RoleGrant); their cohort roles come from cohort membership. A platform operator (who runs the
 * service) belongs to no organisation and holds no roles in one (ADR 0015); the CHECK keeps the two
 * apart, so nobody is both.
 */
@ObjectType('Person', {
  description: 'Someone with an account: a member of one organisation, or a platform operator.',
})
@Entity('person')
@Check('CHK_person_operator_has_no_organisation', '"platform_operator" = ("organisation_id" IS NULL)')
export class PersonEntity extends BaseEntity {
  @Field(() => ID, {
    nullable: true,
    description: "The person's organisation; null only for a platform operator, who belongs to none.",
  })
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  /** Runs the service: manages organisations, never sees course content (ADR 0015). */
  @Column({ type: 'boolean', default: false })
  platformOperator!: boolean;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  /** Stored lower-cased; unique across the platform because it is the sign-in name. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Field({ description: "The person's full name as they are known in the course." })
  @Column({ type: 'varchar', length: 200 })
  fullName!: string;

  /** The school a teacher or school leader works at, when they belong to one. */
  @Field(() => ID, {
    nullable: true,
    description: 'The school a teacher or school leader works at; null when they belong to none.',
  })
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;

  @Field(() => Locale, { description: "The language of the person's screens and e-mail." })
  @Column({ type: 'varchar', length: 5, default: Locale.sv })
  locale!: Locale;

  /** argon2id hash; null for accounts that have not set a password (single sign-on later). */
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash!: string | null;

  @Field({
    description:
      'False when an administrator has deactivated the account: the person cannot sign in and gets no mail.',
  })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @OneToMany(() => RoleGrantEntity, (g) => g.person)
  roleGrants?: Relation<RoleGrantEntity[]>;

  @OneToMany(() => CertificationEntity, (c) => c.person)
  certifications?: Relation<CertificationEntity[]>;
}
