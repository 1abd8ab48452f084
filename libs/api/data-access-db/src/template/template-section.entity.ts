import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTemplateVersionEntity } from './analysis-template-version.entity';

/** One section of a template version: a heading, the question (prompt) and help for the writer. */
@ObjectType('TemplateSection')
@Entity('template_section')
@Index(['templateVersionId', 'position'], { unique: true })
@Index(['templateVersionId', 'key'], { unique: true })
export class TemplateSectionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  templateVersionId!: string;

  @ManyToOne(() => AnalysisTemplateVersionEntity, (v) => v.sections, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: Relation<AnalysisTemplateVersionEntity>;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  position!: number;

  /** Stable machine name within the version, e.g. "goals"; answers refer to it. */
  @Field()
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Field()
  @Column({ type: 'text' })
  prompt!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  helpText!: string;

  @Field()
  @Column({ type: 'boolean', default: true })
  required!: boolean;
}
