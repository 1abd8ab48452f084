import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Relation } from 'typeorm';
import { BaseEntity } from '../shared/base.entity';
import { AnalysisEntity } from '../analysis/analysis.entity';
import { AnalysisVersionEntity } from '../analysis/analysis-version.entity';
import { PersonEntity } from '../person/person.entity';

/**
 * A comment on a passage of one published version of an analysis (issue 18, ADR 0026): a critical
 * friend or course leader points at words in a section. Anchored by a W3C Web Annotation style
 * quote (exact, prefix, suffix) and position (start, end) in the section's content text of that
 * version; a later version never moves it.
 */
@ObjectType('PassageComment', {
  description:
    "A comment on a passage of a published version of an analysis, by a critical friend or course leader. Seen by those who see the analysis's feedback: the cohort's participants, course leaders and administrators.",
})
@Entity('passage_comment')
@Check('passage_comment_offsets', '"start" >= 0 AND "start" < "end"')
@Index(['analysisId', 'createdAt'])
export class PassageCommentEntity extends BaseEntity {
  @Field(() => ID, { description: 'The analysis the passage is in.' })
  @Column({ type: 'uuid' })
  analysisId!: string;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: Relation<AnalysisEntity>;

  @Column({ type: 'uuid' })
  @Index()
  analysisVersionId!: string;

  @ManyToOne(() => AnalysisVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_version_id' })
  analysisVersion?: Relation<AnalysisVersionEntity>;

  @Field({ description: "Key of the template section the passage is in (the round's template version)." })
  @Column({ type: 'varchar', length: 64 })
  sectionKey!: string;

  @Field({ description: 'The passage itself (TextQuoteSelector.exact).' })
  @Column({ type: 'text' })
  exact!: string;

  @Field({
    description: 'Up to 32 characters of the section just before the passage (TextQuoteSelector.prefix).',
  })
  @Column({ type: 'text' })
  prefix!: string;

  @Field({
    description: 'Up to 32 characters of the section just after the passage (TextQuoteSelector.suffix).',
  })
  @Column({ type: 'text' })
  suffix!: string;

  @Field(() => Int, {
    description:
      "Offset of the passage's first character in the section's content text of its version (UTF-16 code units, TextPositionSelector.start).",
  })
  @Column({ type: 'integer' })
  start!: number;

  @Field(() => Int, { description: 'Offset just after the passage (TextPositionSelector.end).' })
  @Column({ type: 'integer' })
  end!: number;

  @Field(() => ID, { description: 'Who wrote the comment.' })
  @Index()
  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<PersonEntity>;

  @Field({ description: 'The comment, plain text.' })
  @Column({ type: 'text' })
  body!: string;
}
