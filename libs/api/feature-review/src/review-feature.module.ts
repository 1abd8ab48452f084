import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortCommandsModule } from '@stl/api/feature-cohort-commands';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisVersionEntity,
  FeedbackCommentEntity,
  FeedbackEntity,
  OrganisationSupportSettingsEntity,
  PassageCommentEntity,
  PersonEntity,
  ReviewAssignmentEntity,
  RoundAllocationEntity,
} from '@stl/api/data-access-db';
import {
  AllocationPairResolver,
  AllocationResolver,
  RoundAllocationResolver,
} from './allocation/allocation.resolver';
import { AllocationService } from './allocation/allocation.service';
import { AssignmentResolver, RoundAssignmentsResolver } from './assignment/assignment.resolver';
import { AssignmentService } from './assignment/assignment.service';
import {
  RoundNextStepsResolver,
  CoachResolver,
  FeedbackExampleResolver,
  FeedbackNextStepResolver,
  FriendFeedbackQualityResolver,
} from './coach/coach.resolver';
import { CoachService } from './coach/coach.service';
import { ReviewLookups } from './common/review-lookups.service';
import {
  AnalysisFeedbackResolver,
  FeedbackCommentResolver,
  FeedbackResolver,
} from './feedback/feedback.resolver';
import { FeedbackService } from './feedback/feedback.service';
import { AnalysisPassageCommentsResolver, PassageCommentResolver } from './passage/passage-comment.resolver';
import { PassageCommentService } from './passage/passage-comment.service';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { DashboardService } from './dashboard/dashboard.service';
import { ProgressResolver } from './progress/progress.resolver';
import { ProgressService } from './progress/progress.service';
import { SupportThresholdsResolver } from './progress/support-thresholds.resolver';
import { SupportThresholdsService } from './progress/support-thresholds.service';
import { LeaderToDoResolver } from './todo/leader-todo.resolver';
import { LeaderToDoService } from './todo/leader-todo.service';

/**
 * Critical friends and feedback (product rules 4–6): allocation of reviewers per round, review
 * tasks, feedback with replies and leader notes, comments on passages, and computed progress and completion.
 */
@Module({
  imports: [
    CohortCommandsModule,
    TypeOrmModule.forFeature([
      AnalysisEntity,
      AnalysisRoundEntity,
      AnalysisVersionEntity,
      FeedbackCommentEntity,
      FeedbackEntity,
      OrganisationSupportSettingsEntity,
      PassageCommentEntity,
      PersonEntity,
      ReviewAssignmentEntity,
      RoundAllocationEntity,
    ]),
  ],
  providers: [
    ReviewLookups,
    AllocationService,
    AssignmentService,
    FeedbackService,
    ProgressService,
    SupportThresholdsService,
    AllocationResolver,
    AllocationPairResolver,
    RoundAllocationResolver,
    AssignmentResolver,
    RoundAssignmentsResolver,
    FeedbackResolver,
    FeedbackCommentResolver,
    AnalysisFeedbackResolver,
    PassageCommentService,
    PassageCommentResolver,
    AnalysisPassageCommentsResolver,
    ProgressResolver,
    SupportThresholdsResolver,
    LeaderToDoService,
    LeaderToDoResolver,
    DashboardService,
    DashboardResolver,
    CoachService,
    CoachResolver,
    FeedbackExampleResolver,
    FriendFeedbackQualityResolver,
    FeedbackNextStepResolver,
    RoundNextStepsResolver,
  ],
  exports: [ProgressService, SupportThresholdsService, DashboardService],
})
export class ReviewFeatureModule {}
