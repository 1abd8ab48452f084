import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTemplateEntity } from './analysis-template.entity';
import { TemplateSectionEntity } from './template-section.entity';
import { PersonEntity } from '../person/person.entity';

/**
 * One immutable version of a template. Rounds point at a version, so editing a template makes a
 * new version and never changes what participants already write in.
 */
@ObjectType('AnalysisTemplateVersion', {
  description:
    "An immutable version of an analysis template: its ordered sections. Rounds point at the version they were created with, so editing a template never changes analyses already written. Visible to the organisation's members.",
})
@Entity('analysis_template_version')
@Index(['templateId', 'version'], { unique: true })
export class AnalysisTemplateVersionEntity {
  @Field(() => ID, { description: 'Stable identifier of this version.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The template this is a version of.' })
  @Column({ type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => AnalysisTemplateEntity, (t) => t.versions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template?: Relation<AnalysisTemplateEntity>;

  @Field(() => Int, { description: 'Version number within the template, from 1.' })
  @Column({ type: 'integer' })
  version!: number;

  @Field(() => GraphQLISODateTime, { description: 'When the version was made (UTC).' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'Who made the version; null for the seeded default or when that person was erased.',
  })
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  /** Who made the version, when known; the version outlives its author. */
  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<PersonEntity> | null;

  @OneToMany(() => TemplateSectionEntity, (s) => s.templateVersion)
  sections?: Relation<TemplateSectionEntity[]>;
}
