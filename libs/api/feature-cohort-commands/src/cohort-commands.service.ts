import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  CohortEntity,
  CohortMembershipEntity,
  CompletionCertificateEntity,
  FeedbackEntity,
  MeetingEntity,
  PassageCommentEntity,
  ReviewAssignmentEntity,
} from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { cohortChangeRefusal } from '@stl/shared/domain';
import type { CohortChangeKind } from '@stl/shared/domain';

/**
 * Who may run a command, on top of the lifecycle table: any relation to the cohort (`member`: the
 * command checks the rest itself, e.g. "your own assignment"), those who see its content
 * (participants, leaders, admins), those who run it (leaders, admins), or the organisation's
 * administrators only.
 */
export type CohortActorRule = 'member' | 'content' | 'manage' | 'administer';

/** A row inside a cohort that a command names by id: its cohort is found through it. */
export type CohortTargetKind =
  | 'meeting'
  | 'analysis round'
  | 'analysis'
  | 'review assignment'
  | 'feedback'
  | 'passage comment'
  | 'certificate';

export interface CohortTarget {
  kind: CohortTargetKind;
  id: string;
  /**
   * For an analysis: only when this person wrote it. Anyone else is told it does not exist
   * (NOT_FOUND naming the analysis), before any rule is checked, so nothing about it leaks.
   */
  ownedBy?: string;
}

/** Where a target row's cohort is found: its own table, or through its analysis. */
const TARGET_TABLES: Record<CohortTargetKind, { entity: EntityTarget<ObjectLiteral>; viaAnalysis?: true }> = {
  meeting: { entity: MeetingEntity },
  'analysis round': { entity: AnalysisRoundEntity },
  analysis: { entity: AnalysisEntity },
  'review assignment': { entity: ReviewAssignmentEntity },
  certificate: { entity: CompletionCertificateEntity },
  feedback: { entity: FeedbackEntity, viaAnalysis: true },
  'passage comment': { entity: PassageCommentEntity, viaAnalysis: true },
};

export interface CohortCommandOptions {
  /** Who may run it; see CohortActorRule. */
  actor: CohortActorRule;
  /** The row named by the request: NOT_FOUND then names it, never the cohort (nothing leaks). */
  target?: CohortTarget;
  /** The FORBIDDEN message, when the default does not say enough. */
  forbidden?: string;
}

/** What a command's work gets: the transaction, the locked cohort row and the actor's relation. */
export type CohortWork<T> = (tx: EntityManager, cohort: CohortEntity, access: CohortAccess) => Promise<T>;

const FORBIDDEN: Record<CohortActorRule, string> = {
  member: 'You are not allowed to do this.',
  content: "School leaders follow their teachers' progress; they do not take part in the cohort.",
  manage: "Only the cohort's course leaders or an administrator may do this.",
  administer: 'Only an administrator of the organisation may do this.',
};

/**
 * The one way a feature changes anything inside a cohort (ADR 0012). `run` opens one transaction
 * and, before the command's work:
 *
 * 1. locks the cohort row (`SELECT … FOR UPDATE`): every command of the same cohort (a withdrawal,
 *    an allocation repair, a publish) waits for the one before it, so each sees the other's result;
 * 2. checks the actor's access with AccessPolicy's rules, read in this transaction after the lock;
 * 3. checks the lifecycle table (libs/shared/domain, cohort/lifecycle.ts) for the cohort's status
 *    as it is now, throwing its typed refusal (CONFLICT, ROUND_NOT_OPEN).
 *
 * Any refusal or error rolls the whole transaction back: nothing is written, no mail is queued.
 * Child rows (rounds, analyses, assignments) are read by the work under the cohort's lock; a
 * command that also locks child rows takes them in the order round → analysis → assignment.
 */
@Injectable()
export class CohortCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    actor: Actor,
    cohortId: string,
    kind: CohortChangeKind,
    options: CohortCommandOptions,
    work: CohortWork<T>,
  ): Promise<T> {
    const which = (c: SelectQueryBuilder<CohortEntity>) => c.where('c.id = :cohortId', { cohortId });
    return this.locked(actor, kind, options, which, this.notFound(options, 'cohort', cohortId), work);
  }

  /**
   * `run` for a command that names a row inside a cohort (a meeting, a round, an analysis, an
   * assignment, a feedback). The row's cohort never changes, so the statement that locks the
   * cohort finds it through the row; the work reads the row itself under the lock.
   */
  async runOn<T>(
    actor: Actor,
    target: CohortTarget,
    kind: CohortChangeKind,
    options: Omit<CohortCommandOptions, 'target'>,
    work: CohortWork<T>,
  ): Promise<T> {
    const which = (c: SelectQueryBuilder<CohortEntity>) => this.throughTarget(c, target);
    return this.locked(
      actor,
      kind,
      { ...options, target },
      which,
      new NotFoundError(target.kind, target.id),
      work,
    );
  }

  /**
   * A new cohort has no row to lock yet: its creation is the one cohort command without a cohort.
   * Kept here so that feature libraries never open transactions of their own.
   */
  create<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One transaction: lock the cohort row `which` selects (else `missing`), check the rules, run the work. */
  private locked<T>(
    actor: Actor,
    kind: CohortChangeKind,
    options: CohortCommandOptions,
    which: (c: SelectQueryBuilder<CohortEntity>) => SelectQueryBuilder<CohortEntity>,
    missing: NotFoundError,
    work: CohortWork<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      const cohort = await which(tx.getRepository(CohortEntity).createQueryBuilder('c'))
        .setLock('pessimistic_write')
        .getOne();
      if (!cohort) throw missing;
      const access = await this.access(tx, actor, cohort, options);
      const refusal = cohortChangeRefusal(cohort.status, kind);
      if (refusal)
        throw new DomainError(refusal.code, refusal.message, [], {
          cohortStatus: cohort.status,
          change: kind,
        });
      return work(tx, cohort, access);
    });
  }

  /** The cohort of the target row (NOT_FOUND naming the row when there is none or it is not owned). */
  private throughTarget(
    c: SelectQueryBuilder<CohortEntity>,
    target: CohortTarget,
  ): SelectQueryBuilder<CohortEntity> {
    const { entity, viaAnalysis } = TARGET_TABLES[target.kind];
    let row = c.subQuery().from(entity, 't').where('t.id = :targetId', { targetId: target.id });
    row = viaAnalysis
      ? row.select('a.cohortId').innerJoin(AnalysisEntity, 'a', 'a.id = t.analysisId')
      : row.select('t.cohortId');
    if (target.ownedBy) {
      if (target.kind !== 'analysis') throw new Error(`ownedBy applies to an analysis, not a ${target.kind}`);
      row = row.andWhere('t.authorId = :ownerId', { ownerId: target.ownedBy });
    }
    return c.where(`c.id = ${row.getQuery()}`, row.getParameters());
  }

  /**
   * AccessPolicy's rules, read through this transaction (a policy instance on the transaction's
   * repositories, without the per-request cache), so a membership ended by the command before
   * this one counts.
   */
  private async access(
    tx: EntityManager,
    actor: Actor,
    cohort: CohortEntity,
    options: CohortCommandOptions,
  ): Promise<CohortAccess> {
    const policy = new AccessPolicy(tx.getRepository(CohortEntity), tx.getRepository(CohortMembershipEntity));
    let access: CohortAccess;
    try {
      access = await policy.cohortAccess(actor, cohort.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND')
        throw this.notFound(options, 'cohort', cohort.id);
      throw error;
    }
    const allowed =
      options.actor === 'member' ||
      (options.actor === 'content' && access.canSeeContent) ||
      (options.actor === 'manage' && access.canManage) ||
      (options.actor === 'administer' && access.admin);
    if (!allowed) throw new ForbiddenError(options.forbidden ?? FORBIDDEN[options.actor]);
    return { ...access, cohort };
  }

  private notFound(options: CohortCommandOptions, kind: string, id: string): NotFoundError {
    return options.target
      ? new NotFoundError(options.target.kind, options.target.id)
      : new NotFoundError(kind, id);
  }
}
