import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PersonEntity } from '@stl/api/data-access-db';
import type { CompletionMissingCode } from '@stl/shared/domain';

/** Mirrors the domain's codes; the record makes the compiler notice a code added there. */
const MISSING_CODES: Record<CompletionMissingCode, CompletionMissingCode> = {
  TOO_FEW_PUBLISHED: 'TOO_FEW_PUBLISHED',
  LEADER_FEEDBACK_MISSING: 'LEADER_FEEDBACK_MISSING',
  PEER_FEEDBACK_MISSING: 'PEER_FEEDBACK_MISSING',
  REVIEW_TASKS_OPEN: 'REVIEW_TASKS_OPEN',
  ATTENDANCE_TOO_LOW: 'ATTENDANCE_TOO_LOW',
};
registerEnumType(MISSING_CODES, {
  name: 'CompletionMissingCode',
  description: 'What stands between a participant and completion (rule 6).',
});

export enum AnalysisProgressStatus {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AnalysisProgressStatus, { name: 'AnalysisProgressStatus' });

export enum ProgressFilter {
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
  NEEDS_SUPPORT = 'NEEDS_SUPPORT',
}
registerEnumType(ProgressFilter, { name: 'ProgressFilter' });

@ObjectType('CompletionMissing')
export class CompletionMissingModel {
  @Field(() => MISSING_CODES)
  code!: CompletionMissingCode;

  @Field()
  message!: string;

  @Field(() => ID, { nullable: true })
  roundId?: string | null;

  @Field(() => Int, { nullable: true })
  roundNumber?: number | null;

  @Field(() => Int, { nullable: true })
  required?: number | null;

  @Field(() => Int, { nullable: true })
  actual?: number | null;
}

@ObjectType('RoundProgress', { description: "One participant's round: facts and flags only, never text." })
export class RoundProgressModel {
  @Field(() => ID)
  roundId!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => GraphQLISODateTime)
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime)
  feedbackDeadline!: Date;

  @Field(() => AnalysisProgressStatus)
  analysisStatus!: AnalysisProgressStatus;

  @Field()
  published!: boolean;

  @Field(() => Int)
  peerFeedbackCount!: number;

  @Field()
  leaderFeedback!: boolean;

  @Field({ description: 'Published with leader feedback and at least one peer feedback.' })
  complete!: boolean;

  @Field(() => Int, { description: "The participant's own critical-friend tasks in this round." })
  tasksTotal!: number;

  @Field(() => Int)
  tasksDone!: number;

  @Field()
  submissionOverdue!: boolean;

  @Field({ description: 'Feedback on their analysis is late.' })
  feedbackOverdue!: boolean;

  @Field({ description: 'Their own critical-friend tasks are late.' })
  tasksOverdue!: boolean;
}

@ObjectType('ParticipantProgress', {
  description:
    'Progress and completion of one participant (rule 6), computed on request. Contains no analysis or feedback text, so school leaders may see it for their own school.',
})
export class ParticipantProgressModel {
  @Field(() => PersonEntity)
  person!: PersonEntity;

  @Field(() => ID, { nullable: true, description: 'The school the participant was enrolled from.' })
  schoolId!: string | null;

  @Field(() => String, { nullable: true })
  schoolName!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when the participant left the cohort.',
  })
  leftAt!: Date | null;

  @Field(() => [RoundProgressModel])
  rounds!: RoundProgressModel[];

  @Field(() => Int)
  publishedCount!: number;

  @Field(() => Int, { description: 'Published analyses with leader and peer feedback.' })
  completeCount!: number;

  @Field(() => Int)
  minPublished!: number;

  @Field(() => Int)
  tasksTotal!: number;

  @Field(() => Int)
  tasksDone!: number;

  @Field(() => Int)
  meetingsAttended!: number;

  @Field(() => Int, { description: 'Meetings that have started by now.' })
  meetingsHeld!: number;

  @Field(() => Int)
  meetingsPlanned!: number;

  @Field(() => Int)
  meetingsRequired!: number;

  @Field(() => Float, { description: 'Attended share of the planned meetings, 0–1.' })
  attendanceShare!: number;

  @Field(() => Float)
  requiredAttendanceShare!: number;

  @Field()
  attendanceMet!: boolean;

  @Field({ description: 'Attended at least the required share of the meetings held so far.' })
  attendanceOnTrack!: boolean;

  @Field()
  completed!: boolean;

  @Field({ description: 'Something is overdue or attendance is behind.' })
  needsSupport!: boolean;

  @Field(() => [CompletionMissingModel], { description: 'Empty exactly when completed.' })
  missing!: CompletionMissingModel[];
}
