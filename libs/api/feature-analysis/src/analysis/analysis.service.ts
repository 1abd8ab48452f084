import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AnalysisVersionEntity,
  AuditEventKind,
  AuditTargetType,
  CohortMembershipEntity,
  CohortRole,
  isUniqueViolation,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import type { Answers } from '@stl/api/data-access-db';
import { AccessPolicy, AuditService } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { NotificationEvents } from '@stl/api/feature-notification';
import type { Actor, CohortAccess } from '@stl/api/feature-auth';
import { BadInputError, DomainError, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import { CohortChangeKind, MAX_TEXT_LENGTH } from '@stl/shared/domain';
import type { PublishAnalysisInput, SaveAnalysisDraftInput, SharedSpaceArgs } from './dto/analysis.inputs';
import { plainText, sanitizeRichText } from './rich-text';
import { freezeAttachments, sameAttachments } from '../attachment/attachment-versions';

/** Answers in the template's section order, so every reader sees them as the template lays them out. */
function ordered(sections: TemplateSectionEntity[], answers: Answers): Answers {
  const out: Answers = {};
  for (const s of sections) if (answers[s.key] !== undefined) out[s.key] = answers[s.key];
  return out;
}

/** Anyone of the cohort reaches the command; assertWriter then admits its active participants. */
const WRITER = { actor: 'member' } as const;

function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}

/**
 * An administrator who neither leads nor takes part in the cohort reads others' analyses by their
 * role alone: the audit log records it (issue 12, ADR 0029).
 */
function readsAsAdministrator(access: CohortAccess): boolean {
  return access.admin && !access.leader && !access.participant;
}

@Injectable()
export class AnalysisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AnalysisEntity) private readonly analyses: Repository<AnalysisEntity>,
    @InjectRepository(AnalysisRoundEntity) private readonly rounds: Repository<AnalysisRoundEntity>,
    @InjectRepository(TemplateSectionEntity) private readonly sections: Repository<TemplateSectionEntity>,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
    private readonly notifications: NotificationEvents,
    private readonly audit: AuditService,
  ) {}

  /** The actor's own analysis for a round, or null when not started. */
  async mine(actor: Actor, roundId: string): Promise<AnalysisEntity | null> {
    const round = await this.visibleRound(actor, roundId);
    return this.analyses.findOne({ where: { roundId: round.id, authorId: actor.personId } });
  }

  /** One analysis: its author always; the cohort's participants and leaders once it is published. */
  async read(actor: Actor, id: string): Promise<AnalysisEntity> {
    const analysis = await this.analyses.findOne({ where: { id } });
    if (!analysis) throw new NotFoundError('analysis', id);
    if (analysis.authorId === actor.personId) return analysis;
    if (analysis.status !== AnalysisStatus.PUBLISHED) throw new NotFoundError('analysis', id);
    const access = await this.access.cohortAccess(actor, analysis.cohortId).catch(() => null);
    if (!access?.canSeeContent) throw new NotFoundError('analysis', id);
    if (readsAsAdministrator(access))
      await this.audit.recordQuietly({
        kind: AuditEventKind.ANALYSIS_READ_BY_ADMINISTRATOR,
        ...AuditService.by(actor),
        target: { type: AuditTargetType.ANALYSIS, id: analysis.id },
        details: { authorId: analysis.authorId, cohortId: analysis.cohortId },
      });
    return analysis;
  }

  /** The cohort's shared space: published analyses, newest first. */
  async sharedSpace(actor: Actor, args: SharedSpaceArgs): Promise<Page<AnalysisEntity>> {
    const access = await this.access.cohortAccess(actor, args.cohortId);
    if (!access.canSeeContent) {
      throw new ForbiddenError(
        "School leaders follow their teachers' progress, not the text of their analyses.",
      );
    }
    const page = await paginate(args, (skip, take) =>
      this.analyses.findAndCount({
        where: {
          cohortId: args.cohortId,
          status: AnalysisStatus.PUBLISHED,
          ...(args.roundId ? { roundId: args.roundId } : {}),
          ...(args.authorId ? { authorId: args.authorId } : {}),
          ...(args.schoolId ? { schoolId: args.schoolId } : {}),
        },
        order: { lastPublishedAt: 'DESC', id: 'ASC' },
        skip,
        take,
      }),
    );
    // One line per page an administrator reads, naming the analyses on it (ADR 0029).
    if (readsAsAdministrator(access) && page.nodes.length)
      await this.audit.recordQuietly({
        kind: AuditEventKind.ANALYSIS_READ_BY_ADMINISTRATOR,
        ...AuditService.by(actor),
        target: { type: AuditTargetType.COHORT, id: args.cohortId },
        details: { analysisIds: page.nodes.map((a) => a.id) },
      });
    return page;
  }

  async saveDraft(actor: Actor, input: SaveAnalysisDraftInput): Promise<AnalysisEntity> {
    const target = { kind: 'analysis round', id: input.roundId } as const;
    try {
      return await this.commands.runOn(
        actor,
        target,
        CohortChangeKind.Analysis,
        WRITER,
        async (m, _c, access) => {
          const round = await m.findOneOrFail(AnalysisRoundEntity, { where: { id: input.roundId } });
          const membership = await this.assertWriter(m, actor, access);
          const sections = await this.sectionsOf(round.templateVersionId, m);
          const cleaned = this.cleanAnswers(sections, input.answers);
          const existing = await m.findOne(AnalysisEntity, {
            where: { roundId: round.id, authorId: actor.personId },
            lock: { mode: 'pessimistic_write' },
          });
          if (!existing) {
            if (input.expectedRevision !== 0) throw this.conflict(null);
            const created = m.create(AnalysisEntity, {
              roundId: round.id,
              cohortId: round.cohortId,
              authorId: actor.personId,
              schoolId: membership.schoolId,
              status: AnalysisStatus.DRAFT,
              draftAnswers: ordered(sections, cleaned),
              draftRevision: 1,
              draftSavedAt: new Date(),
            });
            return m.save(created);
          }
          if (existing.draftRevision !== input.expectedRevision) throw this.conflict(existing);
          existing.draftAnswers = ordered(sections, { ...existing.draftAnswers, ...cleaned });
          existing.draftRevision += 1;
          existing.draftSavedAt = new Date();
          return m.save(existing);
        },
      );
    } catch (e) {
      // Two first saves at once (two tabs on a new analysis): the second loses and is told so.
      if (isUniqueViolation(e)) {
        const current = await this.analyses.findOne({
          where: { roundId: input.roundId, authorId: actor.personId },
        });
        throw this.conflict(current);
      }
      throw e;
    }
  }

  async publish(actor: Actor, input: PublishAnalysisInput): Promise<AnalysisEntity> {
    if (!input.confirmNoPupilIdentifiable) {
      const message = 'Confirm that no pupil can be identified in the text before publishing.';
      throw new BadInputError(message, [
        { field: 'confirmNoPupilIdentifiable', code: 'CONFIRMATION_REQUIRED', message },
      ]);
    }
    // Only the author's own analysis: anyone else is told it does not exist, before any lock.
    const own = await this.analyses.exists({ where: { id: input.analysisId, authorId: actor.personId } });
    if (!own) throw new NotFoundError('analysis', input.analysisId);
    const target = { kind: 'analysis', id: input.analysisId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Analysis, WRITER, async (m, _c, access) => {
      const analysis = await m.findOneOrFail(AnalysisEntity, { where: { id: input.analysisId } });
      const round = await m.findOneOrFail(AnalysisRoundEntity, { where: { id: analysis.roundId } });
      await this.assertWriter(m, actor, access);
      if (round.opensAt.getTime() > Date.now()) {
        throw new DomainError(
          'ROUND_NOT_OPEN',
          `This round opens ${round.opensAt.toISOString()}; publish after that.`,
        );
      }
      if (analysis.draftRevision !== input.expectedRevision) throw this.conflict(analysis);
      const sections = await this.sectionsOf(round.templateVersionId, m);
      const missing: FieldProblem[] = sections
        .filter((s) => s.required && !plainText(analysis.draftAnswers[s.key] ?? ''))
        .map((s) => ({
          field: `answers.${s.key}`,
          code: 'REQUIRED_SECTION_EMPTY',
          message: `The section "${s.title}" must be filled in before publishing.`,
        }));
      if (missing.length)
        throw new BadInputError('Fill in every required section before publishing.', missing);
      if (analysis.publishedVersion > 0) {
        const last = await m.findOneOrFail(AnalysisVersionEntity, {
          where: { analysisId: analysis.id, version: analysis.publishedVersion },
        });
        if (
          sameAnswers(last.answers, analysis.draftAnswers) &&
          (await sameAttachments(m, analysis.id, last.id))
        )
          return analysis;
      }
      const now = new Date();
      const inserted = await m.insert(AnalysisVersionEntity, {
        analysisId: analysis.id,
        version: analysis.publishedVersion + 1,
        answers: analysis.draftAnswers,
        privacyConfirmedAt: now,
      });
      // The files go with the version for good (ADR 0024).
      await freezeAttachments(m, analysis.id, (inserted.identifiers[0] as { id: string }).id);
      analysis.publishedVersion += 1;
      analysis.status = AnalysisStatus.PUBLISHED;
      analysis.firstPublishedAt ??= now;
      analysis.lastPublishedAt = now;
      const saved = await m.save(analysis);
      // In the same transaction: the reviewers' mail exists exactly when the new version does.
      await this.notifications.analysisPublished(m, saved.id);
      return saved;
    });
  }

  /** Rounds are visible to anyone who can see their cohort; the rest get NOT_FOUND. */
  private async visibleRound(actor: Actor, roundId: string): Promise<AnalysisRoundEntity> {
    const round = await this.rounds.findOne({ where: { id: roundId } });
    if (!round) throw new NotFoundError('round', roundId);
    await this.access.cohortAccess(actor, round.cohortId).catch(() => {
      throw new NotFoundError('round', roundId);
    });
    return round;
  }

  /**
   * Only active participants write and publish, read under the cohort's lock (a withdrawal just
   * before counts). That the cohort is open is the lifecycle table's rule (ROUND_NOT_OPEN).
   */
  private async assertWriter(
    m: EntityManager,
    actor: Actor,
    access: CohortAccess,
  ): Promise<CohortMembershipEntity> {
    const membership = await m.findOne(CohortMembershipEntity, {
      where: { cohortId: access.cohort.id, personId: actor.personId, role: CohortRole.PARTICIPANT },
    });
    if (!access.participant || !membership || membership.leftAt) {
      throw new ForbiddenError('Only participants of the cohort write analyses in it.');
    }
    return membership;
  }

  private sectionsOf(templateVersionId: string, m?: EntityManager): Promise<TemplateSectionEntity[]> {
    const repo = m ? m.getRepository(TemplateSectionEntity) : this.sections;
    return repo.find({ where: { templateVersionId }, order: { position: 'ASC' } });
  }

  private cleanAnswers(
    sections: TemplateSectionEntity[],
    answers: SaveAnalysisDraftInput['answers'],
  ): Answers {
    const known = new Set(sections.map((s) => s.key));
    const problems: FieldProblem[] = [];
    const out: Answers = {};
    const seen = new Set<string>();
    for (const a of answers) {
      const field = `answers.${a.sectionKey}`;
      if (!known.has(a.sectionKey)) {
        problems.push({
          field,
          code: 'UNKNOWN_SECTION',
          message: `The template has no section "${a.sectionKey}".`,
        });
        continue;
      }
      if (seen.has(a.sectionKey)) {
        problems.push({
          field,
          code: 'DUPLICATE_SECTION',
          message: `The section "${a.sectionKey}" is given twice.`,
        });
        continue;
      }
      seen.add(a.sectionKey);
      const html = sanitizeRichText(a.html);
      if (plainText(html).length > MAX_TEXT_LENGTH) {
        problems.push({
          field,
          code: 'TOO_LONG',
          message: `A section may hold at most ${MAX_TEXT_LENGTH} characters of text.`,
        });
        continue;
      }
      out[a.sectionKey] = html;
    }
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    return out;
  }

  private conflict(current: AnalysisEntity | null): DomainError {
    return new DomainError(
      'EDIT_CONFLICT',
      'This analysis was changed in another tab or on another device. Nothing was overwritten: compare with the newer text and save again.',
      [],
      {
        currentRevision: current?.draftRevision ?? 0,
        savedAt: current?.draftSavedAt?.toISOString() ?? null,
        answers: Object.entries(current?.draftAnswers ?? {}).map(([sectionKey, html]) => ({
          sectionKey,
          html,
        })),
      },
    );
  }

  /** Versions of many analyses at once, for DataLoaders. */
  async versionsOf(analysisIds: readonly string[]): Promise<AnalysisVersionEntity[]> {
    return this.dataSource.getRepository(AnalysisVersionEntity).find({
      where: { analysisId: In([...analysisIds]) },
      order: { version: 'ASC' },
    });
  }
}
