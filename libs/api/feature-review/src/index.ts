export * from './review-feature.module';
export { ProgressService } from './progress/progress.service';
export { ProgressFacts } from './progress/progress-facts.repository';
export type {
  AttendanceCountRow,
  FeedbackCountRow,
  MeetingCountRow,
  TaskCountRow,
} from './progress/progress-facts.repository';
