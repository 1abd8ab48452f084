import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTemplateVersionEntity } from './analysis-template-version.entity';

/** One section of a template version: a heading, the question (prompt) and help for the writer. */
@ObjectType('TemplateSection', {
  description:
    "One section of a template version: a heading, the question (prompt) and help for the writer. Visible to the organisation's members.",
})
@Entity('template_section')
@Index(['templateVersionId', 'position'], { unique: true })
@Index(['templateVersionId', 'key'], { unique: true })
export class TemplateSectionEntity {
  @Field(() => ID, { description: 'Stable identifier of the section.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The template version the section belongs to.' })
  @Column({ type: 'uuid' })
  templateVersionId!: string;

  @ManyToOne(() => AnalysisTemplateVersionEntity, (v) => v.sections, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: Relation<AnalysisTemplateVersionEntity>;

  @Field(() => Int, { description: "The section's place in the template, from 1." })
  @Column({ type: 'smallint' })
  position!: number;

  /** Stable machine name within the version, e.g. "goals"; answers refer to it. */
  @Field({ description: 'Stable machine name within the version, e.g. "goals"; answers refer to it.' })
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Field({ description: "The section's heading." })
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field({ description: 'The question the writer answers.' })
  @Column({ type: 'text' })
  prompt!: string;

  @Field({ description: 'Guidance for the writer; may be empty.' })
  @Column({ type: 'text', default: '' })
  helpText!: string;

  @Field({ description: 'Whether the section must be answered before publishing.' })
  @Column({ type: 'boolean', default: true })
  required!: boolean;
}
