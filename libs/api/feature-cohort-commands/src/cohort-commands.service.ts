import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
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
}

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
    return this.dataSource.transaction(async (tx) => {
      const cohort = await tx
        .getRepository(CohortEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :cohortId', { cohortId })
        .getOne();
      if (!cohort) throw this.notFound(options, 'cohort', cohortId);
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

  /**
   * `run` for a command that names a row inside a cohort (a meeting, a round, an analysis, an
   * assignment, a feedback). The row's cohort never changes, so it is looked up before the lock;
   * the work reads the row itself again under the lock.
   */
  async runOn<T>(
    actor: Actor,
    target: CohortTarget,
    kind: CohortChangeKind,
    options: Omit<CohortCommandOptions, 'target'>,
    work: CohortWork<T>,
  ): Promise<T> {
    const cohortId = await this.cohortOf(target);
    return this.run(actor, cohortId, kind, { ...options, target }, work);
  }

  /**
   * A new cohort has no row to lock yet: its creation is the one cohort command without a cohort.
   * Kept here so that feature libraries never open transactions of their own.
   */
  create<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The cohort a row belongs to; NOT_FOUND naming the row when there is none. */
  async cohortOf(target: CohortTarget): Promise<string> {
    const m = this.dataSource.manager;
    const select = { id: true, cohortId: true } as const;
    const where = { id: target.id };
    let row: { cohortId: string } | null;
    switch (target.kind) {
      case 'meeting':
        row = await m.findOne(MeetingEntity, { select, where });
        break;
      case 'analysis round':
        row = await m.findOne(AnalysisRoundEntity, { select, where });
        break;
      case 'analysis':
        row = await m.findOne(AnalysisEntity, { select, where });
        break;
      case 'review assignment':
        row = await m.findOne(ReviewAssignmentEntity, { select, where });
        break;
      case 'certificate':
        row = await m.findOne(CompletionCertificateEntity, { select, where });
        break;
      case 'feedback':
      case 'passage comment': {
        const entity = target.kind === 'feedback' ? FeedbackEntity : PassageCommentEntity;
        const child = await m.findOne(entity, { select: { id: true, analysisId: true }, where });
        row = child ? await m.findOne(AnalysisEntity, { select, where: { id: child.analysisId } }) : null;
        break;
      }
    }
    if (!row) throw new NotFoundError(target.kind, target.id);
    return row.cohortId;
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
