import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { AnalysisTemplateVersionEntity } from './analysis-template-version.entity';

/** The analysis template (analysmall). Its content lives in immutable versions. */
@ObjectType('AnalysisTemplate', {
  description:
    "The analysis template (analysmall) an organisation's rounds use; its sections live in immutable versions. Visible to the organisation's members; administrators and course leaders edit it.",
})
@Entity('analysis_template')
export class AnalysisTemplateEntity extends BaseEntity {
  @Field(() => ID, { description: 'The organisation that owns the template.' })
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Field({ description: "The template's name, shown when a course leader picks one." })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'What the template is for and when to use it; may be empty.' })
  @Column({ type: 'text', default: '' })
  description!: string;

  @OneToMany(() => AnalysisTemplateVersionEntity, (v) => v.template)
  versions?: Relation<AnalysisTemplateVersionEntity[]>;
}
