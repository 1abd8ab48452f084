import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';

/** A school authority (huvudman): a municipality or an independent operator. Owns everything else. */
@ObjectType('Organisation')
@Entity('organisation')
export class OrganisationEntity extends BaseEntity {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Short, URL-safe, unique name, e.g. "larkby". */
  @Field()
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;
}
