import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { OrganisationEntity } from './organisation.entity';

/** A school unit (skolenhet) of an organisation. */
@ObjectType('School', {
  description: "A school unit (skolenhet) of an organisation. Visible to the organisation's members.",
})
@Entity('school')
@Index(['organisationId', 'name'], { unique: true })
export class SchoolEntity extends BaseEntity {
  @Field(() => ID, { description: 'The organisation the school belongs to.' })
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field({ description: "The school's name." })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Skolenhetskod from Skolverket's register, when known (8 digits). */
  @Field(() => String, {
    nullable: true,
    description: "Skolenhetskod from Skolverket's register (8 digits), when known.",
  })
  @Column({ type: 'varchar', length: 8, nullable: true })
  unitCode!: string | null;
}
