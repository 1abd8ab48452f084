import { Field, ID, InputType } from '@nestjs/graphql';
import { MAX_NAME_LENGTH } from '@stl/shared/domain';
import { IsId, IsIsoDate, IsRequiredText } from '@stl/api/util-graphql';

/** Next year's cohort from an earlier one (copyCohort). */
@InputType({
  description:
    "Makes next year's cohort from an earlier one: its course leaders, settings, meetings and rounds, moved to the new dates; no participants.",
})
export class CopyCohortInput {
  @Field(() => ID, { description: 'The cohort to copy: its leaders, settings, meetings and rounds.' })
  @IsId('cohort')
  sourceId!: string;

  @Field({
    description: `The new cohort's name, 1–${MAX_NAME_LENGTH} characters, trimmed; unique in its school year.`,
  })
  @IsRequiredText('cohort name', MAX_NAME_LENGTH)
  name!: string;

  @Field({
    description:
      'First day of the new cohort, YYYY-MM-DD. Its school year follows from it; meetings, rounds and the end date move by the difference to the source’s first day, rounded to whole weeks.',
  })
  @IsIsoDate('start date')
  startsOn!: string;
}
