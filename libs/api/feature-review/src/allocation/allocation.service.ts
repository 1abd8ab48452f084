import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AnalysisRoundEntity, AssignmentSource, RoundAllocationEntity } from '@stl/api/data-access-db';
import type { CohortEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind } from '@stl/shared/domain';
import { NotificationEvents } from '@stl/api/feature-notification';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { BadInputError, DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import type { AllocationOutcomeModel } from './allocation.models';
import { OVERRIDE_REASONS, planAllocation, planChanges, writePlan } from './allocation.planner';
import type { AllocationPlan, ChosenPair, PlanMode } from './allocation.planner';
import type { AllocationOverrideInput } from './dto/allocation.args';

function outcome(
  round: AnalysisRoundEntity,
  plan: AllocationPlan,
  applied: boolean,
  allocation: RoundAllocationEntity | null,
): AllocationOutcomeModel {
  const { result } = plan;
  return {
    round,
    applied,
    seed: plan.seed,
    k: plan.k,
    analysisCount: plan.analysisCount,
    pairs: plan.pairs.map((p) => ({
      reviewerId: p.reviewerId,
      analysisId: p.analysisId,
      authorId: p.authorId,
      locked: p.locked,
      sameSchool: p.sameSchool,
      earlierReviews: p.earlierReviews,
      reasons: p.reasons.map(({ code, message }) => ({ code, message })),
    })),
    unmet: result.unmet.map((u) => ({
      analysisId: u.analysisId,
      authorId: u.authorId,
      missing: u.missing,
      code: u.reason.code,
      message: u.reason.message,
    })),
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      reviewerId: w.reviewerId ?? null,
      analysisId: w.analysisId ?? null,
    })),
    stats: { ...result.stats },
    created: plan.newPairs.length,
    replaced: plan.replace.length,
    cancelled: plan.cancel.length,
    leaderAssignmentsCreated: plan.leaderPairs.length,
    allocation,
    analyses: plan.checks.analyses.map((a) => ({
      analysisId: a.analysisId,
      authorId: a.authorId,
      schoolId: a.schoolId ?? null,
      wantsSameSchool: a.wantsSameSchool === true,
    })),
    reviewers: plan.checks.reviewers.map((r) => ({ reviewerId: r.reviewerId, schoolId: r.schoolId ?? null })),
    earlierPairs: plan.checks.earlierPairs.map((p) => ({
      reviewerId: p.reviewerId,
      authorId: p.authorId,
      roundNumber: p.roundNumber ?? 0,
    })),
    sameSchoolSupport: plan.checks.cohortSameSchool,
    findings: plan.findings.assignments
      .filter((a) => a.findings.length)
      .map((a) => ({
        analysisId: a.analysisId,
        authorId: a.authorId,
        reviewerId: a.reviewerId,
        findings: a.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          earlierRounds: [...(f.earlierRounds ?? [])],
        })),
      })),
    loads: plan.findings.loads.map((l) => ({ ...l })),
  };
}

/**
 * Critical-friend allocation of a round (product rule 4): preview, apply, lock and repair. Only the
 * cohort's course leaders and the organisation's administrators may run it. Every change is a cohort
 * command (CohortCommands): one transaction holding the cohort's row lock, so two leaders clicking at
 * once, or a withdrawal or publication in the same cohort, cannot interleave with it.
 */
@Injectable()
export class AllocationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AnalysisRoundEntity) private readonly rounds: Repository<AnalysisRoundEntity>,
    @InjectRepository(RoundAllocationEntity) private readonly allocations: Repository<RoundAllocationEntity>,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
    private readonly notifications: NotificationEvents,
  ) {}

  /** The round, for someone who runs its cohort; NOT_FOUND for anyone outside it. */
  async managedRound(
    actor: Actor,
    roundId: string,
  ): Promise<{ round: AnalysisRoundEntity; access: CohortAccess }> {
    const round = await this.rounds.findOne({ where: { id: roundId } });
    if (!round) throw new NotFoundError('analysis round', roundId);
    const access = await this.access.assertCanManageCohort(actor, round.cohortId);
    return { round, access };
  }

  async preview(actor: Actor, roundId: string, seed?: string | null): Promise<AllocationOutcomeModel> {
    const { round, access } = await this.managedRound(actor, roundId);
    const state = await this.allocations.findOne({ where: { roundId } });
    const plan = await planAllocation(
      this.dataSource.manager,
      round,
      access.cohort,
      seed ?? state?.seed ?? round.id,
      'apply',
    );
    return outcome(round, plan, false, state);
  }

  /**
   * Applies the allocation; `overrides` (a course leader's changes, e.g. made on the preview) are
   * checked, kept as chosen and the rest is allocated around them, all in this one transaction, so
   * only the final pairs are written and mailed.
   */
  async apply(
    actor: Actor,
    roundId: string,
    seed?: string | null,
    overrides: readonly AllocationOverrideInput[] = [],
  ): Promise<AllocationOutcomeModel> {
    return this.command(actor, roundId, async (m, cohort, round, state) => {
      if (state?.lockedAt) {
        throw new DomainError(
          'ALLOCATION_LOCKED',
          'The allocation of this round is locked: adjust it by hand or repair it instead.',
        );
      }
      const useSeed = seed ?? state?.seed ?? round.id;
      const chosen = overrides.length ? await this.chosenPairs(m, round, cohort, useSeed, overrides) : [];
      const plan = await this.plan(m, round, cohort, useSeed, 'apply', chosen);
      // The allocation already in place (the same apply again, or two at once: the second waited
      // for the first on the cohort's row): nothing is written, nobody is mailed, and the answer
      // says so (applied: false) with the state as the first apply left it.
      if (state && state.seed === plan.seed && !planChanges(plan, AssignmentSource.ALLOCATION)) {
        return outcome(round, plan, false, state);
      }
      const now = new Date();
      await writePlan(m, round, plan, AssignmentSource.ALLOCATION, now);
      // In the same transaction: each new critical friend's mail exists exactly when the pair does.
      await this.notifications.reviewAssignedInRound(m, roundId);
      const saved = await m.save(RoundAllocationEntity, {
        roundId,
        seed: plan.seed,
        appliedAt: now,
        appliedById: actor.personId,
        lockedAt: null,
      });
      return outcome(round, plan, true, saved);
    });
  }

  /**
   * Adds reviewers for analyses published after the allocation and replaces reviewers who left,
   * keeping every pair already in place (they are passed to the allocation as locked).
   */
  async repair(actor: Actor, roundId: string): Promise<AllocationOutcomeModel> {
    return this.command(actor, roundId, async (m, cohort, round, state) => {
      if (!state) {
        throw new DomainError(
          'INVALID_STATE_TRANSITION',
          'This round has no allocation yet: apply one before repairing it.',
        );
      }
      const plan = await this.plan(m, round, cohort, state.seed, 'repair');
      await writePlan(m, round, plan, AssignmentSource.REPAIR, new Date());
      await this.notifications.reviewAssignedInRound(m, roundId);
      return outcome(round, plan, true, state);
    });
  }

  async lock(actor: Actor, roundId: string): Promise<RoundAllocationEntity> {
    return this.command(actor, roundId, async (m, _cohort, _round, state) => {
      if (!state) {
        throw new DomainError(
          'INVALID_STATE_TRANSITION',
          'This round has no allocation yet: apply one before locking it.',
        );
      }
      if (state.lockedAt) return state;
      state.lockedAt = new Date();
      return m.save(RoundAllocationEntity, state);
    });
  }

  /** Allocation state per round (for AnalysisRound.allocation), checked per cohort. */
  async statesOf(roundIds: readonly string[]): Promise<Map<string, RoundAllocationEntity>> {
    const rows = await this.allocations.findBy({ roundId: In([...roundIds]) });
    return new Map(rows.map((r) => [r.roundId, r]));
  }

  async assertCanSeeAllocation(actor: Actor, round: AnalysisRoundEntity): Promise<void> {
    const access = await this.access.cohortAccess(actor, round.cohortId);
    if (!access.canSeeContent) throw new ForbiddenError('Only members of the cohort see its allocation.');
  }

  private async plan(
    m: EntityManager,
    round: AnalysisRoundEntity,
    cohort: CohortEntity,
    seed: string,
    mode: PlanMode,
    chosen: readonly ChosenPair[] = [],
  ): Promise<AllocationPlan> {
    const plan = await planAllocation(m, round, cohort, seed, mode, chosen);
    if (plan.analysisCount === 0) {
      throw new DomainError(
        'INVALID_STATE_TRANSITION',
        'No analysis of this round is published yet, so there is nothing to allocate.',
      );
    }
    return plan;
  }

  /**
   * The overrides as pairs to keep, plus, for each override that replaces a previewed reviewer, the
   * analysis's other previewed pairs (same seed): so the replaced reviewer does not come back and the
   * analysis looks as the course leader saw it. The replaced pair must be an open pair of the preview
   * (not one kept from before); otherwise the preview is out of date and nothing is written.
   */
  private async chosenPairs(
    m: EntityManager,
    round: AnalysisRoundEntity,
    cohort: CohortEntity,
    seed: string,
    overrides: readonly AllocationOverrideInput[],
  ): Promise<ChosenPair[]> {
    const chosen: ChosenPair[] = overrides.map((o, i) => ({
      analysisId: o.analysisId,
      reviewerId: o.reviewerId,
      overrideIndex: i,
      reasons: [o.replacesReviewerId ? OVERRIDE_REASONS.swapped : OVERRIDE_REASONS.added],
    }));
    const replacing = overrides.filter((o) => o.replacesReviewerId);
    if (!replacing.length) return chosen;
    const preview = await planAllocation(m, round, cohort, seed, 'apply');
    const problems: FieldProblem[] = [];
    overrides.forEach((o, i) => {
      if (!o.replacesReviewerId) return;
      const was = preview.pairs.find(
        (p) => p.analysisId === o.analysisId && p.reviewerId === o.replacesReviewerId,
      );
      if (!was || was.locked) {
        problems.push({
          field: `overrides.${i}.replacesReviewerId`,
          code: was ? 'PAIR_KEPT' : 'PAIR_NOT_PROPOSED',
          message: was
            ? 'This pair is kept from before (under way or set by hand): change it in the assignment list.'
            : 'The allocation no longer proposes this pair (something changed since the preview): preview again.',
        });
      }
    });
    if (problems.length) {
      throw new BadInputError(
        'Some changes do not match the allocation any more; nothing was changed.',
        problems,
      );
    }
    const replaced = new Set(overrides.map((o) => `${o.analysisId}:${o.replacesReviewerId ?? ''}`));
    const named = new Set(overrides.map((o) => `${o.analysisId}:${o.reviewerId}`));
    const analyses = new Set(replacing.map((o) => o.analysisId));
    for (const p of preview.pairs) {
      const key = `${p.analysisId}:${p.reviewerId}`;
      if (p.locked || !analyses.has(p.analysisId) || replaced.has(key) || named.has(key)) continue;
      chosen.push({
        analysisId: p.analysisId,
        reviewerId: p.reviewerId,
        overrideIndex: null,
        reasons: p.reasons,
      });
    }
    return chosen;
  }

  /**
   * An allocation command: through the cohort command boundary (cohort row locked, access and the
   * cohort's status checked in the transaction), with the round and its allocation state read
   * under that lock. Withdrawals, publications and hand changes of the same cohort wait for it.
   */
  private command<T>(
    actor: Actor,
    roundId: string,
    work: (
      m: EntityManager,
      cohort: CohortEntity,
      round: AnalysisRoundEntity,
      state: RoundAllocationEntity | null,
    ) => Promise<T>,
  ): Promise<T> {
    const target = { kind: 'analysis round', id: roundId } as const;
    return this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Allocation,
      { actor: 'manage' },
      async (m, cohort) => {
        const round = await m.findOneOrFail(AnalysisRoundEntity, { where: { id: roundId } });
        const state = await m.findOne(RoundAllocationEntity, { where: { roundId } });
        return work(m, cohort, round, state);
      },
    );
  }
}
