import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@ObjectType('SupportThresholds', {
  description:
    "An organisation's thresholds of the support signal (course rule 8, ParticipantProgress.supportLevel). Read by the organisation's administrators and course leaders; set by its administrators.",
})
export class SupportThresholdsModel {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId!: string;

  @Field(() => Int, {
    description:
      'An own analysis or critical-friend task this many whole days overdue makes a participant BEHIND.',
  })
  behindAfterDays!: number;

  @Field(() => Int, {
    description: 'An own analysis this many whole days overdue makes a participant NEEDS_SUPPORT.',
  })
  needsSupportAfterDays!: number;

  @Field(() => Int, {
    description: 'This many rounds with the own analysis overdue make a participant NEEDS_SUPPORT.',
  })
  needsSupportRoundsMissed!: number;

  @Field({ description: 'True while the organisation has not set its own and the defaults apply.' })
  isDefault!: boolean;
}

@InputType('SetSupportThresholdsInput', {
  description:
    "New thresholds of the organisation's support signal; administrators of the organisation only.",
})
export class SetSupportThresholdsInput {
  @Field(() => ID, { description: 'The organisation; the caller must be one of its administrators.' })
  @IsUUID('all', { message: 'Not an organisation id.' })
  organisationId!: string;

  @Field(() => Int, { description: 'Whole days, 1–60.' })
  @IsInt()
  @Min(1, { message: 'Give a whole number from 1 to 60.' })
  @Max(60, { message: 'Give a whole number from 1 to 60.' })
  behindAfterDays!: number;

  @Field(() => Int, { description: 'Whole days, at least behindAfterDays and at most 120.' })
  @IsInt()
  @Min(1, { message: 'Give a whole number from 1 to 120.' })
  @Max(120, { message: 'Give a whole number from 1 to 120.' })
  needsSupportAfterDays!: number;

  @Field(() => Int, { description: 'Rounds, 1–12.' })
  @IsInt()
  @Min(1, { message: 'Give a whole number from 1 to 12.' })
  @Max(12, { message: 'Give a whole number from 1 to 12.' })
  needsSupportRoundsMissed!: number;
}
