import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { AnalysisTemplateVersionEntity } from './analysis-template-version.entity';

/** The analysis template (analysmall). Its content lives in immutable versions. */
@ObjectType('AnalysisTemplate')
@Entity('analysis_template')
export class AnalysisTemplateEntity extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @OneToMany(() => AnalysisTemplateVersionEntity, (v) => v.template)
  versions?: Relation<AnalysisTemplateVersionEntity[]>;
}
