import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CohortEntity } from '../cohort/cohort.entity';

/** Defaults for a cohort without its own row. */
export const DEFAULT_REMINDER_SETTINGS = {
  feedbackDueSoonHours: 48,
  submissionDueSoonHours: 48,
  submissionOverdueAfterHours: 24,
  overdueReminderDays: [1, 3, 7],
  leaderNoticeAfterDays: 10,
  weeklySummaryWeekday: 1,
} as const;

/**
 * When reminders go out for one cohort. Days and hours count from the deadline; the feedback
 * reminders after the deadline go to the reviewer on each of `overdueReminderDays`, then the
 * cohort's leaders are told instead after `leaderNoticeAfterDays`.
 */
@ObjectType('CohortReminderSettings', {
  description:
    "When reminders go out for one cohort. Days and hours count from the deadline. Visible to the cohort's course leaders and the organisation's administrators, who also change them.",
})
@Entity('cohort_reminder_settings')
@Check(
  'reminder_due_soon_range',
  '"feedback_due_soon_hours" BETWEEN 1 AND 336 AND "submission_due_soon_hours" BETWEEN 1 AND 336',
)
@Check('reminder_overdue_after_range', '"submission_overdue_after_hours" BETWEEN 0 AND 336')
@Check('reminder_leader_notice_range', '"leader_notice_after_days" BETWEEN 1 AND 60')
@Check('reminder_weekday_range', '"weekly_summary_weekday" BETWEEN 1 AND 7')
export class CohortReminderSettingsEntity {
  @Field(() => ID, { description: 'The cohort these settings belong to.' })
  @PrimaryColumn({ type: 'uuid' })
  cohortId!: string;

  @OneToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Relation<CohortEntity>;

  @Field(() => Int, { description: 'Hours before the feedback deadline of the "due soon" reminder.' })
  @Column({ type: 'smallint', default: DEFAULT_REMINDER_SETTINGS.feedbackDueSoonHours })
  feedbackDueSoonHours!: number;

  @Field(() => Int, { description: 'Hours before the submission deadline of the "due soon" reminder.' })
  @Column({ type: 'smallint', default: DEFAULT_REMINDER_SETTINGS.submissionDueSoonHours })
  submissionDueSoonHours!: number;

  @Field(() => Int, { description: 'Hours after the submission deadline of the "overdue" reminder.' })
  @Column({ type: 'smallint', default: DEFAULT_REMINDER_SETTINGS.submissionOverdueAfterHours })
  submissionOverdueAfterHours!: number;

  @Field(() => [Int], { description: 'Days after the feedback deadline on which the reviewer is reminded.' })
  @Column({ type: 'smallint', array: true, default: () => "'{1,3,7}'" })
  overdueReminderDays!: number[];

  @Field(() => Int, { description: 'Days after the feedback deadline when the leaders are told instead.' })
  @Column({ type: 'smallint', default: DEFAULT_REMINDER_SETTINGS.leaderNoticeAfterDays })
  leaderNoticeAfterDays!: number;

  @Field(() => Int, { description: 'ISO weekday (1 = Monday) of the weekly summary to course leaders.' })
  @Column({ type: 'smallint', default: DEFAULT_REMINDER_SETTINGS.weeklySummaryWeekday })
  weeklySummaryWeekday!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
