import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional } from 'class-validator';
import { IsBoundedText, IsId, Trim } from '@stl/api/util-graphql';

export enum NudgeOutcome {
  /** The reminder is on its way. */
  QUEUED = 'QUEUED',
  /** This participant was already reminded by a course leader of this cohort today: nothing sent. */
  ALREADY_TODAY = 'ALREADY_TODAY',
  /** The participant has turned reminders from course leaders off: nothing sent. */
  OPTED_OUT = 'OPTED_OUT',
}
registerEnumType(NudgeOutcome, {
  name: 'NudgeOutcome',
  description: 'What became of a reminder (nudge) to one participant.',
  valuesMap: {
    QUEUED: {
      description: 'The reminder is on its way (at once, or when the quiet hours end: see sendsAt).',
    },
    ALREADY_TODAY: {
      description: 'A course leader of this cohort already reminded this participant today: nothing sent.',
    },
    OPTED_OUT: { description: 'The participant has turned reminders from course leaders off: nothing sent.' },
  },
});

export const NUDGE_MESSAGE_MAX = 2000;
/** More than any cohort's participants: the whole cohort fits in one nudge. */
export const NUDGE_AT_ONCE_MAX = 300;

const MESSAGE_DESCRIPTION = `A few words of your own (plain text, at most ${NUDGE_MESSAGE_MAX} characters).`;

@InputType({ description: 'A reminder by e-mail to one participant of a cohort.' })
export class NudgeParticipantInput {
  @Field(() => ID, { description: 'The cohort; you lead it (or administer its organisation).' })
  @IsId('cohort id')
  cohortId!: string;

  @Field(() => ID, { description: 'An active participant of the cohort.' })
  @IsId('person id')
  personId!: string;

  @Field(() => String, { nullable: true, description: MESSAGE_DESCRIPTION })
  @IsOptional()
  @Trim()
  @IsBoundedText('message', NUDGE_MESSAGE_MAX)
  message?: string | null;
}

@InputType({ description: 'One reminder, with the same words, to several participants of a cohort at once.' })
export class NudgeParticipantsInput {
  @Field(() => ID, { description: 'The cohort; you lead it (or administer its organisation).' })
  @IsId('cohort id')
  cohortId!: string;

  @Field(() => [ID], {
    description: `Active participants of the cohort, 1–${NUDGE_AT_ONCE_MAX}, each once (an empty list, more, or a repeat → BAD_USER_INPUT with problem code arrayMinSize, arrayMaxSize or arrayUnique). Anyone who is not an active participant → BAD_USER_INPUT, problem NOT_A_PARTICIPANT on \`personIds.<index>\`, and nobody is reminded.`,
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one participant to remind.' })
  @ArrayMaxSize(NUDGE_AT_ONCE_MAX, { message: `Remind at most ${NUDGE_AT_ONCE_MAX} participants at a time.` })
  @ArrayUnique({ message: 'Name each participant once.' })
  @IsId('person', { each: true })
  personIds!: string[];

  @Field(() => String, { nullable: true, description: MESSAGE_DESCRIPTION })
  @IsOptional()
  @Trim()
  @IsBoundedText('message', NUDGE_MESSAGE_MAX)
  message?: string | null;
}

@ObjectType('NudgeResult', { description: 'What became of the reminder to one participant.' })
export class NudgeResultModel {
  @Field(() => ID, { description: 'The participant reminded (or not).' })
  personId!: string;

  @Field(() => NudgeOutcome, { description: 'Sent, already reminded today, or turned off by them.' })
  outcome!: NudgeOutcome;

  @Field(() => Int, { description: 'How many missed things the reminder lists.' })
  missingCount!: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'QUEUED during the quiet hours (MAIL_QUIET_HOURS): when the mail goes out, e.g. 07:00 the next morning. Null when it goes at once or nothing is sent.',
  })
  sendsAt!: Date | null;
}

@ObjectType('NudgeParticipantsResult', { description: 'What became of a reminder to several participants.' })
export class NudgeParticipantsResultModel {
  @Field(() => [NudgeResultModel], { description: 'One result per participant named, in the order named.' })
  results!: NudgeResultModel[];

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the queued reminders go out if the quiet hours hold them (e.g. 07:00 the next morning); null when they go at once or none was queued.',
  })
  sendsAt!: Date | null;
}
