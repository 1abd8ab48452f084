import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AssignmentSource,
  CohortMembershipEntity,
  CohortRole,
  isUniqueViolation,
  PersonEntity,
  ReviewAssignmentEntity,
  ReviewerKind,
  EntityColumns,
} from '@stl/api/data-access-db';
import type { StoredReason } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind } from '@stl/shared/domain';
import { NotificationEvents } from '@stl/api/feature-notification';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { groupBy } from '@stl/api/util-graphql';
import { LEADER_REASON } from '../allocation/allocation.planner';
import type { MyReviewTasksArgs } from './dto/assignment.args';

const MANUAL_ADD: StoredReason = { code: 'MANUAL', message: 'Added by a course leader.' };
const MANUAL_SWAP: StoredReason = { code: 'MANUAL_SWAP', message: 'Swapped in by a course leader.' };
/** Hand changes are for those who run the cohort. */
const MANAGE = { actor: 'manage' } as const;

/**
 * Critical-friend assignments: a reviewer's own tasks, the round's list for course leaders, and the
 * course leaders' hand adjustments (add, remove, swap) under the same hard rules as the allocation.
 */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectRepository(ReviewAssignmentEntity)
    private readonly assignments: Repository<ReviewAssignmentEntity>,
    @InjectRepository(AnalysisRoundEntity) private readonly rounds: Repository<AnalysisRoundEntity>,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
    private readonly notifications: NotificationEvents,
  ) {}

  /**
   * My live assignments (done or not), soonest due first, in one statement with what the task list
   * shows: each comes with its round (`round`) and its analysis (`analysis`, with the same round and
   * its author), which the field resolvers use instead of a statement per kind. The analysis is read
   * without the working copy's answers (`draftAnswers`, a large column only its author sees), so it
   * is handed over only when the reviewer is not its author (never, by rule 4); else the resolver
   * reads it whole as before.
   */
  async myTasks(actor: Actor, args: MyReviewTasksArgs): Promise<ReviewAssignmentEntity[]> {
    if (args.cohortId) await this.access.cohortAccess(actor, args.cohortId);
    if (args.roundId) {
      const round = await this.rounds.findOne({ where: { id: args.roundId } });
      if (!round) throw new NotFoundError('analysis round', args.roundId);
      await this.access.cohortAccess(actor, round.cohortId);
    }
    const cols = this.taskColumns();
    const params: unknown[] = [actor.personId];
    const where = ['ra.reviewer_id = $1', 'ra.cancelled_at IS NULL'];
    if (args.cohortId) where.push(`ra.cohort_id = $${params.push(args.cohortId)}`);
    if (args.roundId) where.push(`ra.round_id = $${params.push(args.roundId)}`);
    if (args.done === true) where.push('ra.completed_at IS NOT NULL');
    if (args.done === false) where.push('ra.completed_at IS NULL');
    const rows = await this.assignments.manager.query<Record<string, unknown>[]>(
      `SELECT ${cols.assignment.select}, ${cols.round.select}, ${cols.analysis.select}, ${cols.author.select}
         FROM review_assignment ra
         JOIN analysis_round r ON r.id = ra.round_id
         LEFT JOIN analysis a ON a.id = ra.analysis_id
         LEFT JOIN person p ON p.id = a.author_id
        WHERE ${where.join(' AND ')}
        ORDER BY r.feedback_deadline ASC, ra.created_at ASC, ra.id ASC`,
      params,
    );
    return rows.map((row) => {
      const task = cols.assignment.from(row) as ReviewAssignmentEntity;
      const round = cols.round.from(row) as AnalysisRoundEntity;
      task.round = round;
      const analysis = cols.analysis.from(row);
      const author = cols.author.from(row);
      if (analysis && author && analysis.authorId !== task.reviewerId) {
        analysis.round = round;
        analysis.author = author;
        task.analysis = analysis;
      }
      return task;
    });
  }

  private columns?: {
    assignment: EntityColumns<ReviewAssignmentEntity>;
    round: EntityColumns<AnalysisRoundEntity>;
    analysis: EntityColumns<AnalysisEntity>;
    author: EntityColumns<PersonEntity>;
  };

  /** The columns of myTasks' statement, from the entities' metadata (once). */
  private taskColumns() {
    const ds = this.assignments.manager.connection;
    this.columns ??= {
      assignment: new EntityColumns(ds, ReviewAssignmentEntity, 'ra'),
      round: new EntityColumns(ds, AnalysisRoundEntity, 'r'),
      analysis: new EntityColumns(ds, AnalysisEntity, 'a', ['draftAnswers']),
      author: new EntityColumns(ds, PersonEntity, 'p'),
    };
    return this.columns;
  }

  async assertCanManageRound(actor: Actor, round: AnalysisRoundEntity): Promise<void> {
    await this.access.assertCanManageCohort(actor, round.cohortId);
  }

  /** Assignments per round for AnalysisRound.assignments (course leaders and admins). */
  async ofRounds(roundIds: readonly string[], includeCancelled: boolean) {
    const rows = await this.assignments.find({
      where: { roundId: In([...roundIds]), ...(includeCancelled ? {} : { cancelledAt: IsNull() }) },
      order: { analysisId: 'ASC', kind: 'ASC', createdAt: 'ASC' },
    });
    return groupBy(rows, (r) => r.roundId);
  }

  async addReviewer(actor: Actor, analysisId: string, reviewerId: string): Promise<ReviewAssignmentEntity> {
    const target = { kind: 'analysis', id: analysisId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Assignments, MANAGE, async (m) => {
      const analysis = await this.publishedAnalysis(m, analysisId);
      await this.assertEligible(m, analysis, reviewerId);
      return this.assigned(m, await this.insertManual(m, analysis, reviewerId, MANUAL_ADD));
    });
  }

  /**
   * A course leader's leader-feedback assignment on a published analysis, made now when the round's
   * allocation has not made it yet: leader feedback does not wait for critical friends (issue 19).
   * The allocation later keeps it rather than adding a second one. Returns a live one if there is.
   */
  async startLeaderFeedback(actor: Actor, analysisId: string): Promise<ReviewAssignmentEntity> {
    const target = { kind: 'analysis', id: analysisId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Assignments, MANAGE, async (m) => {
      const analysis = await this.publishedAnalysis(m, analysisId);
      const leads = await m.exists(CohortMembershipEntity, {
        where: {
          cohortId: analysis.cohortId,
          personId: actor.personId,
          role: CohortRole.LEADER,
          leftAt: IsNull(),
        },
      });
      if (!leads) throw new ForbiddenError("Only the cohort's course leaders give leader feedback.");
      if (analysis.authorId === actor.personId) {
        throw new DomainError('SELF_REVIEW', 'Nobody reviews their own analysis.');
      }
      const live = await m.findOne(ReviewAssignmentEntity, {
        where: { analysisId, reviewerId: actor.personId, cancelledAt: IsNull() },
      });
      if (live) return live;
      return m.save(
        ReviewAssignmentEntity,
        m.create(ReviewAssignmentEntity, {
          roundId: analysis.roundId,
          cohortId: analysis.cohortId,
          analysisId,
          reviewerId: actor.personId,
          kind: ReviewerKind.LEADER,
          source: AssignmentSource.MANUAL,
          reasons: [LEADER_REASON],
          completedAt: null,
          cancelledAt: null,
        }),
      );
    });
  }

  /** Cancels an assignment not yet done; it stays in the history. */
  async removeReviewer(actor: Actor, assignmentId: string): Promise<ReviewAssignmentEntity> {
    const target = { kind: 'review assignment', id: assignmentId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Assignments, MANAGE, async (m) => {
      const assignment = await this.openAssignment(m, assignmentId);
      assignment.cancelledAt = new Date();
      return m.save(ReviewAssignmentEntity, assignment);
    });
  }

  /** Replaces the reviewer of an open peer assignment: the old one is cancelled, a new one made. */
  async swapReviewer(
    actor: Actor,
    assignmentId: string,
    newReviewerId: string,
  ): Promise<ReviewAssignmentEntity> {
    const target = { kind: 'review assignment', id: assignmentId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Assignments, MANAGE, async (m) => {
      const found = await m.findOneOrFail(ReviewAssignmentEntity, { where: { id: assignmentId } });
      if (found.kind !== ReviewerKind.PEER) {
        throw new BadInputError(
          "Leader assignments belong to the cohort's course leaders; they cannot be swapped.",
          [
            {
              field: 'assignmentId',
              code: 'NOT_PEER_ASSIGNMENT',
              message: 'Only peer assignments can be swapped.',
            },
          ],
        );
      }
      const assignment = await this.openAssignment(m, assignmentId);
      const analysis = await m.findOneOrFail(AnalysisEntity, {
        select: { id: true, roundId: true, cohortId: true, authorId: true, status: true },
        where: { id: assignment.analysisId },
      });
      assignment.cancelledAt = new Date();
      await m.save(ReviewAssignmentEntity, assignment);
      await this.assertEligible(m, analysis, newReviewerId);
      return this.assigned(m, await this.insertManual(m, analysis, newReviewerId, MANUAL_SWAP));
    });
  }

  /** The new critical friend is mailed, in the transaction that made the assignment. */
  private async assigned(
    m: EntityManager,
    assignment: ReviewAssignmentEntity,
  ): Promise<ReviewAssignmentEntity> {
    await this.notifications.reviewAssigned(m, [assignment.id]);
    return assignment;
  }

  /** The analysis, read under the cohort's lock: it must be published to get critical friends. */
  private async publishedAnalysis(m: EntityManager, analysisId: string): Promise<AnalysisEntity> {
    const analysis = await m.findOneOrFail(AnalysisEntity, {
      select: { id: true, roundId: true, cohortId: true, authorId: true, status: true },
      where: { id: analysisId },
    });
    if (analysis.status !== AnalysisStatus.PUBLISHED) {
      throw new DomainError(
        'ANALYSIS_NOT_PUBLISHED',
        'Critical friends are assigned to published analyses only.',
      );
    }
    return analysis;
  }

  /** Read under the cohort's lock: it may have been completed or cancelled meanwhile. */
  private async openAssignment(m: EntityManager, assignmentId: string): Promise<ReviewAssignmentEntity> {
    const assignment = await m.findOneOrFail(ReviewAssignmentEntity, { where: { id: assignmentId } });
    if (assignment.cancelledAt) {
      throw new DomainError('ASSIGNMENT_CANCELLED', 'This assignment has already been removed.');
    }
    if (assignment.completedAt) {
      throw new DomainError(
        'ASSIGNMENT_COMPLETED',
        'This critical friend has already given feedback; the assignment stays.',
      );
    }
    return assignment;
  }

  /** The hard rules of rule 4, for changes by hand: no self-review, active participant, no duplicate. */
  private async assertEligible(
    m: EntityManager,
    analysis: AnalysisEntity,
    reviewerId: string,
  ): Promise<void> {
    if (reviewerId === analysis.authorId) {
      throw new DomainError('SELF_REVIEW', 'Nobody reviews their own analysis.');
    }
    const membership = await m.findOne(CohortMembershipEntity, {
      where: {
        cohortId: analysis.cohortId,
        personId: reviewerId,
        role: CohortRole.PARTICIPANT,
        leftAt: IsNull(),
      },
    });
    if (!membership) {
      throw new DomainError(
        'REVIEWER_NOT_ELIGIBLE',
        'A critical friend must be an active participant of the same cohort.',
      );
    }
    const live = await m.findOne(ReviewAssignmentEntity, {
      where: { analysisId: analysis.id, reviewerId, cancelledAt: IsNull() },
    });
    if (live) {
      throw new DomainError('DUPLICATE_ASSIGNMENT', 'This person already reviews this analysis.');
    }
  }

  private async insertManual(
    m: EntityManager,
    analysis: AnalysisEntity,
    reviewerId: string,
    reason: StoredReason,
  ): Promise<ReviewAssignmentEntity> {
    try {
      const row = m.create(ReviewAssignmentEntity, {
        roundId: analysis.roundId,
        cohortId: analysis.cohortId,
        analysisId: analysis.id,
        reviewerId,
        kind: ReviewerKind.PEER,
        source: AssignmentSource.MANUAL,
        reasons: [reason],
        completedAt: null,
        cancelledAt: null,
      });
      return await m.save(ReviewAssignmentEntity, row);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError('DUPLICATE_ASSIGNMENT', 'This person already reviews this analysis.');
      }
      throw err;
    }
  }
}
