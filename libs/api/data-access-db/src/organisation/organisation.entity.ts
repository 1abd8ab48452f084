import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';

/** A school authority (huvudman): a municipality or an independent operator. Owns everything else. */
@ObjectType('Organisation', {
  description:
    'A school authority (huvudman): a municipality or an independent operator; owns its schools, people and cohorts. Visible to its members; the platform operator sees all.',
})
@Entity('organisation')
export class OrganisationEntity extends BaseEntity {
  @Field({ description: 'The organisation\'s name, e.g. "Lärkby kommun".' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Short, URL-safe, unique name, e.g. "larkby". */
  @Field({ description: 'Short, URL-safe, platform-unique name, e.g. "larkby".' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug!: string;
}
