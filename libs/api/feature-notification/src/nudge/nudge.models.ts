import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsBoundedText, IsId, Trim } from '@stl/api/util-graphql';

export enum NudgeOutcome {
  /** The reminder is on its way. */
  QUEUED = 'QUEUED',
  /** This participant was already reminded by a course leader of this cohort today: nothing sent. */
  ALREADY_TODAY = 'ALREADY_TODAY',
  /** The participant has turned reminders from course leaders off: nothing sent. */
  OPTED_OUT = 'OPTED_OUT',
}
registerEnumType(NudgeOutcome, { name: 'NudgeOutcome' });

export const NUDGE_MESSAGE_MAX = 2000;

@InputType()
export class NudgeParticipantInput {
  @Field(() => ID)
  @IsId('cohort id')
  cohortId!: string;

  @Field(() => ID, { description: 'An active participant of the cohort.' })
  @IsId('person id')
  personId!: string;

  @Field(() => String, {
    nullable: true,
    description: `A few words of your own (plain text, at most ${NUDGE_MESSAGE_MAX} characters).`,
  })
  @IsOptional()
  @Trim()
  @IsBoundedText('message', NUDGE_MESSAGE_MAX)
  message?: string | null;
}

@ObjectType('NudgeResult')
export class NudgeResultModel {
  @Field(() => NudgeOutcome)
  outcome!: NudgeOutcome;

  @Field(() => Int, { description: 'How many missed things the reminder lists.' })
  missingCount!: number;
}
