import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The kinds of work on a course leader's to-do list. */
export enum LeaderTaskKind {
  LEADER_FEEDBACK = 'LEADER_FEEDBACK',
  ROUND_TO_ALLOCATE = 'ROUND_TO_ALLOCATE',
  LATE_PUBLISHER = 'LATE_PUBLISHER',
  ATTENDANCE_TO_REGISTER = 'ATTENDANCE_TO_REGISTER',
}
registerEnumType(LeaderTaskKind, {
  name: 'LeaderTaskKind',
  description: "A kind of work on a course leader's to-do list; each is done at its own place.",
  valuesMap: {
    LEADER_FEEDBACK: {
      description:
        "A published analysis (not the viewer's own) has no course leader feedback yet, whether or not the round is allocated. Done on the feedback form of `analysisId`; gone once any of its course leaders gives it.",
    },
    ROUND_TO_ALLOCATE: {
      description:
        "A round's submission deadline has passed, or every participant has published, and critical friends are not allocated yet. Done on the allocation page of `roundId`.",
    },
    LATE_PUBLISHER: {
      description:
        'An analysis was published in a round already allocated and has no critical friend yet. Done on the allocation page of `roundId`.',
    },
    ATTENDANCE_TO_REGISTER: {
      description:
        'A meeting has started and no attendance is registered for it. Done on the attendance page of `meetingId`.',
    },
  },
});

@ObjectType('LeaderTask', {
  description:
    "One item on the signed-in course leader's to-do list, with the ids of the place where it is done. Only the viewer's own items, in cohorts they lead.",
})
export class LeaderTaskModel {
  @Field(() => LeaderTaskKind, { description: 'What is to be done.' })
  kind!: LeaderTaskKind;

  @Field(() => ID, { description: 'The cohort the item belongs to.' })
  cohortId!: string;

  @Field({ description: "The cohort's name." })
  cohortName!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The round (all kinds but ATTENDANCE_TO_REGISTER; the allocation page for ROUND_TO_ALLOCATE and LATE_PUBLISHER).',
  })
  roundId!: string | null;

  @Field(() => Int, { nullable: true, description: "The round's number in the cohort." })
  roundNumber!: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The analysis (LEADER_FEEDBACK and LATE_PUBLISHER; the feedback form for LEADER_FEEDBACK).',
  })
  analysisId!: string | null;

  @Field(() => String, { nullable: true, description: "The analysis author's full name." })
  authorName!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The meeting (ATTENDANCE_TO_REGISTER; its attendance page).',
  })
  meetingId!: string | null;

  @Field(() => Int, { nullable: true, description: "The meeting's number in the cohort." })
  meetingNumber!: number | null;

  @Field(() => String, { nullable: true, description: "The meeting's title." })
  meetingTitle!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ROUND_TO_ALLOCATE: how many analyses of the round are published.',
  })
  publishedCount!: number | null;

  @Field(() => GraphQLISODateTime, {
    description:
      "When the item is due or became due: the round's feedback deadline (LEADER_FEEDBACK), its submission deadline or the last publication if earlier (ROUND_TO_ALLOCATE), the first publication (LATE_PUBLISHER), the meeting's start (ATTENDANCE_TO_REGISTER). The list is sorted by it, oldest first.",
  })
  dueAt!: Date;

  @Field(() => GraphQLISODateTime, {
    description:
      "Since when the work has been waiting: the publication (LEADER_FEEDBACK, LATE_PUBLISHER), the moment the round became ready (ROUND_TO_ALLOCATE), the meeting's start (ATTENDANCE_TO_REGISTER). Lets a list of many items say how long the oldest has waited.",
  })
  waitingSince!: Date;
}
