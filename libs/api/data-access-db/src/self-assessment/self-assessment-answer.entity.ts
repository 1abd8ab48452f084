import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { SelfAssessmentQuestionEntity } from './self-assessment-question.entity';
import { SelfAssessmentResponseEntity } from './self-assessment-response.entity';

/** One statement's value (1–5) in one self-assessment response. */
@Entity('self_assessment_answer')
@Index(['questionId'])
@Check('self_assessment_answer_value_range', '"value" BETWEEN 1 AND 5')
export class SelfAssessmentAnswerEntity {
  @PrimaryColumn({ type: 'uuid' })
  responseId!: string;

  @ManyToOne(() => SelfAssessmentResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<SelfAssessmentResponseEntity>;

  @PrimaryColumn({ type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => SelfAssessmentQuestionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_id' })
  question?: Relation<SelfAssessmentQuestionEntity>;

  @Column({ type: 'smallint' })
  value!: number;
}
