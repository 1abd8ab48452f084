import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PersonEntity } from '@stl/api/data-access-db';
import type { CompletionMissingCode, SupportLevel, SupportReasonCode } from '@stl/shared/domain';

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
  valuesMap: {
    TOO_FEW_PUBLISHED: { description: 'Fewer analyses published than the course requires (at least six).' },
    LEADER_FEEDBACK_MISSING: {
      description: 'A published analysis has no feedback from a course leader yet.',
    },
    PEER_FEEDBACK_MISSING: {
      description: 'A published analysis has not had feedback from its critical friends yet.',
    },
    REVIEW_TASKS_OPEN: { description: 'The participant has critical-friend assignments still to do.' },
    ATTENDANCE_TOO_LOW: { description: 'The participant attended fewer meetings than the required share.' },
  },
});

/** Mirrors the domain's codes (course rule 8); the record makes the compiler notice a code added there. */
const SUPPORT_REASON_CODES: Record<SupportReasonCode, SupportReasonCode> = {
  ANALYSIS_OVERDUE: 'ANALYSIS_OVERDUE',
  TASKS_OVERDUE: 'TASKS_OVERDUE',
  ATTENDANCE_BEHIND: 'ATTENDANCE_BEHIND',
};
registerEnumType(SUPPORT_REASON_CODES, {
  name: 'SupportReasonCode',
  description:
    "Why a participant may need closer support (course rule 8), only from what is in the participant's own hands. Late feedback on their analysis is never a reason: it is the to-do of whoever owes it.",
  valuesMap: {
    ANALYSIS_OVERDUE: {
      description:
        "A round's submission deadline has passed and the participant's analysis is not published.",
    },
    TASKS_OVERDUE: {
      description:
        "A round's feedback deadline has passed and some of the participant's own critical-friend tasks are open.",
    },
    ATTENDANCE_BEHIND: {
      description:
        "The participant attended fewer meetings than the cohort's required share of those held so far.",
    },
  },
});

/** Mirrors the domain's levels (course rule 8); the record makes the compiler notice a level added there. */
const SUPPORT_LEVELS: Record<SupportLevel, SupportLevel> = {
  ON_TRACK: 'ON_TRACK',
  BEHIND: 'BEHIND',
  NEEDS_SUPPORT: 'NEEDS_SUPPORT',
};
registerEnumType(SUPPORT_LEVELS, {
  name: 'SupportLevel',
  description:
    "The graded support signal (course rule 8), only from what is in the participant's own hands: their analyses, their critical-friend tasks and their attendance of the meetings held. The organisation's thresholds (supportThresholds) decide the grades.",
  valuesMap: {
    ON_TRACK: { description: "Nothing in the participant's own hands is overdue." },
    BEHIND: {
      description:
        'An own analysis or critical-friend task is overdue by at least the "behind" number of days.',
    },
    NEEDS_SUPPORT: {
      description:
        'An own analysis is overdue by at least the "needs support" number of days, enough analyses are overdue, or attendance of the meetings held is below the required share.',
    },
  },
});

export enum AnalysisProgressStatus {
  NOT_STARTED = 'NOT_STARTED',
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(AnalysisProgressStatus, {
  name: 'AnalysisProgressStatus',
  description: "Where one participant's analysis of one round stands.",
  valuesMap: {
    NOT_STARTED: { description: 'Nothing saved yet.' },
    DRAFT: { description: 'Written on but not published.' },
    PUBLISHED: { description: 'Published to the cohort.' },
  },
});

export enum ProgressFilter {
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
  BEHIND = 'BEHIND',
  NEEDS_SUPPORT = 'NEEDS_SUPPORT',
}
registerEnumType(ProgressFilter, {
  name: 'ProgressFilter',
  description: 'Which participants a progress list shows.',
  valuesMap: {
    COMPLETED: { description: 'Those who have completed the course (rule 6).' },
    NOT_COMPLETED: { description: 'Those who have not completed the course yet.' },
    BEHIND: { description: 'Those whose supportLevel is BEHIND or NEEDS_SUPPORT.' },
    NEEDS_SUPPORT: { description: 'Those whose supportLevel is NEEDS_SUPPORT.' },
  },
});

@ObjectType('SupportReason', {
  description:
    "One reason why a participant may need support (course rule 8). Visible to whoever may see the participant's progress: the cohort's course leaders, the organisation's administrators, and the school leaders of the participant's school.",
})
export class SupportReasonModel {
  @Field(() => SUPPORT_REASON_CODES, { description: 'What kind of reason; the web words it from this code.' })
  code!: SupportReasonCode;

  @Field(() => SUPPORT_LEVELS, { description: 'How serious this reason alone is: BEHIND or NEEDS_SUPPORT.' })
  level!: SupportLevel;

  @Field(() => [Int], {
    description: 'The round concerned, as a one-item list, for analyses and tasks; empty for attendance.',
  })
  roundNumbers!: number[];

  @Field(() => Int, {
    nullable: true,
    description: 'Whole days past the deadline, for analyses and tasks; null for attendance.',
  })
  days?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Attendance: meetings held so far that the participant missed.',
  })
  missed?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Attendance: meetings held so far (planned ones do not count).',
  })
  held?: number | null;

  @Field({ description: 'The reason as a plain English sentence, e.g. for logs and integrations.' })
  message!: string;
}

@ObjectType('CompletionMissing', {
  description:
    "One thing that stands between a participant and completion (rule 6), with the figures that show it. Visible with the participant's progress.",
})
export class CompletionMissingModel {
  @Field(() => MISSING_CODES, { description: 'What is missing.' })
  code!: CompletionMissingCode;

  @Field({
    description:
      'The gap as a plain English sentence, for logs and integrations; the web words it from the code.',
  })
  message!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The round concerned, for feedback that is missing; null otherwise.',
  })
  roundId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The number of that round; null otherwise.' })
  roundNumber?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The figure required (analyses or meetings); null where it does not apply.',
  })
  required?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "The participant's figure so far; null where it does not apply.",
  })
  actual?: number | null;
}

@ObjectType('RoundProgress', { description: "One participant's round: facts and flags only, never text." })
export class RoundProgressModel {
  @Field(() => ID, { description: 'The round.' })
  roundId!: string;

  @Field(() => Int, { description: "The round's number in the cohort." })
  number!: number;

  @Field({
    description: 'The round\'s title (default "Analys N"); show it beside the number without repeating it.',
  })
  title!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the analysis is due (UTC).' })
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime, { description: "When the critical friends' feedback is due (UTC)." })
  feedbackDeadline!: Date;

  @Field(() => AnalysisProgressStatus, {
    description: "Whether the participant's analysis is not started, a draft or published.",
  })
  analysisStatus!: AnalysisProgressStatus;

  @Field({ description: 'True once the analysis has been published.' })
  published!: boolean;

  @Field(() => Int, { description: 'Pieces of peer feedback received on the analysis.' })
  peerFeedbackCount!: number;

  @Field({ description: 'True once a course leader has given feedback on the analysis.' })
  leaderFeedback!: boolean;

  @Field({ description: 'Published with leader feedback and at least one peer feedback.' })
  complete!: boolean;

  @Field(() => Int, { description: "The participant's own critical-friend tasks in this round." })
  tasksTotal!: number;

  @Field(() => Int, {
    description: "Of the participant's critical-friend assignments in this round, those done.",
  })
  tasksDone!: number;

  @Field({ description: 'The analysis is unpublished after its deadline.' })
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
  @Field(() => PersonEntity, {
    description: "The participant (names follow the viewer's right to see them).",
  })
  person!: PersonEntity;

  @Field(() => ID, { nullable: true, description: 'The school the participant was enrolled from.' })
  schoolId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The name of the participant's school in this cohort; null when none.",
  })
  schoolName!: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when the participant left the cohort.',
  })
  leftAt!: Date | null;

  @Field(() => [RoundProgressModel], { description: "The participant's rounds, in order." })
  rounds!: RoundProgressModel[];

  @Field(() => Int, { description: 'Analyses published so far.' })
  publishedCount!: number;

  @Field(() => Int, { description: 'Published analyses with leader and peer feedback.' })
  completeCount!: number;

  @Field(() => Int, { description: 'Analyses the participant must publish to complete (at least six).' })
  minPublished!: number;

  @Field(() => Int, {
    description: 'Critical-friend assignments given to the participant so far, all rounds.',
  })
  tasksTotal!: number;

  @Field(() => Int, { description: 'Of those, the ones done.' })
  tasksDone!: number;

  @Field(() => Int, { description: 'Meetings attended (PRESENT) so far.' })
  meetingsAttended!: number;

  @Field(() => Int, { description: 'Meetings that have started by now.' })
  meetingsHeld!: number;

  @Field(() => Int, { description: 'Meetings planned for the cohort in all.' })
  meetingsPlanned!: number;

  @Field(() => Int, {
    description:
      'Meetings the participant must attend to complete: the required share of those planned, rounded up.',
  })
  meetingsRequired!: number;

  @Field(() => Float, { description: 'Attended share of the planned meetings, 0–1.' })
  attendanceShare!: number;

  @Field(() => Float, { description: "The share of meetings required (0–1), the cohort's setting." })
  requiredAttendanceShare!: number;

  @Field({ description: 'True when meetings attended reach the required number.' })
  attendanceMet!: boolean;

  @Field({ description: 'Attended at least the required share of the meetings held so far.' })
  attendanceOnTrack!: boolean;

  @Field({ description: 'True when every completion rule is met (rule 6).' })
  completed!: boolean;

  @Field(() => SUPPORT_LEVELS, {
    description:
      'Course rule 8, graded: the most serious level among `supportReasons`, ON_TRACK when there are none. ON_TRACK for participants who have completed or left the cohort.',
  })
  supportLevel!: SupportLevel;

  @Field({
    description: 'Deprecated: the same as `supportLevel` being NEEDS_SUPPORT; kept for older clients.',
    deprecationReason: 'Use supportLevel.',
  })
  needsSupport!: boolean;

  @Field(() => [SupportReasonModel], {
    description:
      'Why the participant is behind or needs support, in rule order, with numbers; empty exactly when `supportLevel` is ON_TRACK.',
  })
  supportReasons!: SupportReasonModel[];

  @Field(() => [CompletionMissingModel], { description: 'Empty exactly when completed.' })
  missing!: CompletionMissingModel[];
}
