import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Only the fields given change; the rest keep their value (or the default). */
@InputType()
export class CohortReminderSettingsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(336)
  feedbackDueSoonHours?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(336)
  submissionDueSoonHours?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(336)
  submissionOverdueAfterHours?: number;

  @Field(() => [Int], {
    nullable: true,
    description: 'Ascending days after the deadline, each 1–30; at most 5.',
  })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(30, { each: true })
  overdueReminderDays?: number[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  leaderNoticeAfterDays?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weeklySummaryWeekday?: number;
}
