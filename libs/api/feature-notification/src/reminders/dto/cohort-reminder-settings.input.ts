import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Only the fields given change; the rest keep their value (or the default). */
@InputType({ description: "Changes to a cohort's reminder settings; only the fields given change." })
export class CohortReminderSettingsInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Hours before the feedback deadline of the "due soon" reminder (1–336).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(336)
  feedbackDueSoonHours?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours before the submission deadline of the "due soon" reminder (1–336).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(336)
  submissionDueSoonHours?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours after the submission deadline before the "overdue" reminder (0–336).',
  })
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

  @Field(() => Int, {
    nullable: true,
    description: 'Days of overdue feedback after which the course leaders are told (1–60).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  leaderNoticeAfterDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: "Weekday of the leaders' weekly summary, 1 = Monday … 7 = Sunday.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weeklySummaryWeekday?: number;
}
