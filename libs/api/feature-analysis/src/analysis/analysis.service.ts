import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import {
  AnalysisDraftSnapshotEntity,
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AnalysisVersionEntity,
  AuditEventKind,
  AuditTargetType,
  CohortMembershipEntity,
  CohortRole,
  isUniqueViolation,
  SchoolEntity,
  TemplateSectionEntity,
  updateLoaded,
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
import { CohortChangeKind, MAX_TEXT_LENGTH, searchableText } from '@stl/shared/domain';
import type {
  PublishAnalysisInput,
  SaveAnalysisDraftInput,
  SearchSharedSpaceArgs,
  SharedSpaceArgs,
} from './dto/analysis.inputs';
import type { SharedSpaceSchoolModel, SharedSpaceSearchPage } from './analysis.models';
import { HEADLINE_OPTIONS, excerptParts, prefixTerms } from './shared-space-search';
import { plainText, sanitizeRichText } from './rich-text';
import { freezeAttachments, sameAttachments } from '../attachment/attachment-versions';
import { recordSave, setAsideRows } from '../draft-history/draft-history';

/** Answers in the template's section order, so every reader sees them as the template lays them out. */
function ordered(sections: TemplateSectionEntity[], answers: Answers): Answers {
  const out: Answers = {};
  for (const s of sections) if (answers[s.key] !== undefined) out[s.key] = answers[s.key];
  return out;
}

/** Template versions whose sections one process keeps (a few per organisation and school year). */
const SECTIONS_KEPT = 2000;

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
  private readonly sectionsRead = new Map<string, Promise<TemplateSectionEntity[]>>();

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
    const { access, where } = await this.sharedSpaceScope(actor, args);
    const page = await paginate(args, (skip, take) =>
      this.analyses.findAndCount({ where, order: { lastPublishedAt: 'DESC', id: 'ASC' }, skip, take }),
    );
    await this.auditAdministratorRead(
      actor,
      access,
      args.cohortId,
      page.nodes.map((a) => a.id),
    );
    return page;
  }

  /** One line per page of the shared space an administrator reads, naming its analyses (ADR 0029). */
  private async auditAdministratorRead(
    actor: Actor,
    access: CohortAccess,
    cohortId: string,
    analysisIds: string[],
  ): Promise<void> {
    if (!readsAsAdministrator(access) || analysisIds.length === 0) return;
    await this.audit.recordQuietly({
      kind: AuditEventKind.ANALYSIS_READ_BY_ADMINISTRATOR,
      ...AuditService.by(actor),
      target: { type: AuditTargetType.COHORT, id: cohortId },
      details: { analysisIds },
    });
  }

  /**
   * Full-text search of the shared space in Swedish (ADR 0027): the same rule and filters as
   * `sharedSpace`, over each analysis's latest published version, best match first.
   */
  async searchSharedSpace(actor: Actor, args: SearchSharedSpaceArgs): Promise<SharedSpaceSearchPage> {
    const { access, where } = await this.sharedSpaceScope(actor, args);
    const text = args.query.trim();
    if (!text) {
      const message = 'Type something to search for.';
      throw new BadInputError(message, [{ field: 'query', code: 'TOO_SHORT', message }]);
    }
    // The query as PostgreSQL's Swedish parser reads it; empty when only stop words or punctuation.
    const [parsed] = await this.dataSource.query<{ q: string }[]>(
      `SELECT websearch_to_tsquery('swedish', $1)::text AS q`,
      [text],
    );
    // Matched wide (prefixes, so inflected forms find each other); exact stems rank higher.
    const exact = parsed.q;
    const tsquery = prefixTerms(exact);
    if (!tsquery) {
      return {
        nodes: [],
        totalCount: 0,
        searchable: false,
        pageInfo: { hasNextPage: false, endCursor: null },
      };
    }
    const matching = () =>
      this.analyses
        .createQueryBuilder('a')
        .innerJoin(AnalysisVersionEntity, 'v', 'v.analysis_id = a.id AND v.version = a.published_version')
        .where(where)
        .andWhere('v.search @@ CAST(:tsquery AS tsquery)', { tsquery });
    const page = await paginate(args, async (skip, take) => {
      const [rows, count] = await Promise.all([
        matching()
          .select('a.id', 'id')
          .addSelect('v.search @@ CAST(:exact AS tsquery)', 'exact')
          .addSelect(
            'ts_rank_cd(v.search, CAST(:tsquery AS tsquery)) + ts_rank_cd(v.search, CAST(:exact AS tsquery))',
            'rank',
          )
          .setParameter('exact', exact)
          // Analyses holding the words themselves before those with only longer words like them.
          .orderBy('exact', 'DESC')
          .addOrderBy('rank', 'DESC')
          .addOrderBy('a.last_published_at', 'DESC')
          .addOrderBy('a.id', 'ASC')
          .offset(skip)
          .limit(take)
          .getRawMany<{ id: string; rank: number }>(),
        matching().getCount(),
      ]);
      return [rows, count] as [typeof rows, number];
    });
    const ids = page.nodes.map((r) => r.id);
    const [found, headlines] = ids.length
      ? await Promise.all([
          this.analyses.findBy({ id: In(ids) }),
          // Only the page's rows get an excerpt: ts_headline re-parses the whole text.
          this.dataSource.query<{ id: string; headline: string }[]>(
            `SELECT v.analysis_id AS id, ts_headline('swedish', v.search_text, $2::tsquery, $3) AS headline
               FROM analysis_version v JOIN analysis a ON a.id = v.analysis_id AND v.version = a.published_version
              WHERE a.id = ANY($1::uuid[])`,
            [ids, tsquery, HEADLINE_OPTIONS],
          ),
        ])
      : [[], []];
    await this.auditAdministratorRead(actor, access, args.cohortId, ids);
    const byId = new Map(found.map((a) => [a.id, a]));
    const headlineOf = new Map(headlines.map((h) => [h.id, h.headline]));
    return {
      ...page,
      searchable: true,
      nodes: page.nodes.flatMap((r) => {
        const analysis = byId.get(r.id);
        return analysis
          ? [{ analysis, rank: Number(r.rank), excerpt: excerptParts(headlineOf.get(r.id) ?? '') }]
          : [];
      }),
    };
  }

  /** The schools whose teachers' analyses are in the shared space, by name (the school filter). */
  async sharedSpaceSchools(actor: Actor, cohortId: string): Promise<SharedSpaceSchoolModel[]> {
    const { where } = await this.sharedSpaceScope(actor, { cohortId });
    return this.analyses
      .createQueryBuilder('a')
      .innerJoin(SchoolEntity, 's', 's.id = a.school_id')
      .where(where)
      .select('s.id', 'id')
      .addSelect('s.name', 'name')
      .distinct(true)
      .orderBy('s.name', 'ASC')
      .getRawMany<SharedSpaceSchoolModel>();
  }

  /**
   * THE rule of the shared space, for the list, the search and the school filter alike: the
   * cohort's participants and those who run it see its published analyses; school leaders follow
   * progress, not text. Returns the criteria of what the actor may see, narrowed by the filters.
   */
  private async sharedSpaceScope(
    actor: Actor,
    args: Pick<SharedSpaceArgs, 'cohortId' | 'roundId' | 'authorId' | 'schoolId'>,
  ): Promise<{ access: CohortAccess; where: FindOptionsWhere<AnalysisEntity> }> {
    const access = await this.access.cohortAccess(actor, args.cohortId);
    if (!access.canSeeContent) {
      throw new ForbiddenError(
        "School leaders follow their teachers' progress, not the text of their analyses.",
      );
    }
    return {
      access,
      where: {
        cohortId: args.cohortId,
        status: AnalysisStatus.PUBLISHED,
        ...(args.roundId ? { roundId: args.roundId } : {}),
        ...(args.authorId ? { authorId: args.authorId } : {}),
        ...(args.schoolId ? { schoolId: args.schoolId } : {}),
      },
    };
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
          this.assertWriter(access);
          const sections = await this.sectionsOf(round.templateVersionId, m);
          const cleaned = this.cleanAnswers(sections, input.answers);
          const setAside = this.cleanAnswers(sections, input.setAside ?? [], 'setAside');
          const editorId = input.editorId ?? null;
          const now = new Date();
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
              schoolId: await this.writerSchool(m, actor, access),
              status: AnalysisStatus.DRAFT,
              draftAnswers: ordered(sections, cleaned),
              draftRevision: 1,
              draftSavedAt: now,
              draftEditorId: editorId,
            });
            const saved = await m.save(created);
            const rows = setAsideRows({ ...saved, draftRevision: 0 }, setAside, editorId, now);
            if (rows.length) await m.insert(AnalysisDraftSnapshotEntity, rows);
            return saved;
          }
          if (existing.draftRevision !== input.expectedRevision) throw this.conflict(existing);
          const next = ordered(sections, { ...existing.draftAnswers, ...cleaned });
          // What this save overwrites goes to the draft history first (ADR 0028).
          await recordSave(m, { existing, next, editorId, setAside: ordered(sections, setAside), now });
          return updateLoaded(
            m,
            AnalysisEntity,
            existing,
            {
              draftAnswers: next,
              draftRevision: existing.draftRevision + 1,
              draftSavedAt: now,
              draftEditorId: editorId,
            },
            now,
          );
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
    // Only the author's own analysis: anyone else is told it does not exist, before any rule.
    const target = { kind: 'analysis', id: input.analysisId, ownedBy: actor.personId } as const;
    return this.commands.runOn(actor, target, CohortChangeKind.Analysis, WRITER, async (m, _c, access) => {
      const analysis = await m.findOneOrFail(AnalysisEntity, { where: { id: input.analysisId } });
      const round = await m.findOneOrFail(AnalysisRoundEntity, { where: { id: analysis.roundId } });
      this.assertWriter(access);
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
      const searchable = searchableText(Object.values(analysis.draftAnswers));
      const inserted = await m.insert(AnalysisVersionEntity, {
        analysisId: analysis.id,
        version: analysis.publishedVersion + 1,
        answers: analysis.draftAnswers,
        privacyConfirmedAt: now,
        // The search index of this version (ADR 0027); the trigger makes its lexemes.
        searchTitle: searchable.title,
        searchText: searchable.text,
      });
      // The files go with the version for good (ADR 0024).
      await freezeAttachments(m, analysis.id, (inserted.identifiers[0] as { id: string }).id);
      const saved = await updateLoaded(
        m,
        AnalysisEntity,
        analysis,
        {
          publishedVersion: analysis.publishedVersion + 1,
          status: AnalysisStatus.PUBLISHED,
          firstPublishedAt: analysis.firstPublishedAt ?? now,
          lastPublishedAt: now,
        },
        now,
      );
      // In the same transaction: the reviewers' mail exists exactly when the new version does.
      await this.notifications.analysisPublished(m, {
        analysisId: saved.id,
        version: saved.publishedVersion,
        answers: analysis.draftAnswers,
      });
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
   * Only active participants write and publish. The command boundary read the actor's relation to
   * the cohort in this transaction after the cohort's lock (a withdrawal just before counts), so
   * `access.participant` is the membership as it is now. That the cohort is open is the lifecycle
   * table's rule (ROUND_NOT_OPEN).
   */
  private assertWriter(access: CohortAccess): void {
    if (!access.participant) {
      throw new ForbiddenError('Only participants of the cohort write analyses in it.');
    }
  }

  /** The writer's school at enrolment, which a new analysis keeps (read under the cohort's lock). */
  private async writerSchool(m: EntityManager, actor: Actor, access: CohortAccess): Promise<string | null> {
    const membership = await m.findOneOrFail(CohortMembershipEntity, {
      select: { cohortId: true, personId: true, role: true, schoolId: true },
      where: { cohortId: access.cohort.id, personId: actor.personId, role: CohortRole.PARTICIPANT },
    });
    return membership.schoolId;
  }

  /**
   * A template version's sections in order. Versions never change once made (editing a template
   * makes a new one; rows are only ever inserted), so what was read is kept for the process: a draft
   * saved every few seconds does not read its template each time (issue 13). Bounded, oldest out.
   */
  private sectionsOf(templateVersionId: string, m?: EntityManager): Promise<TemplateSectionEntity[]> {
    // A Map in memory, not cohort data: named apart so the boundary's lint rule does not take
    // its delete for a write.
    const cache = this.sectionsRead;
    const kept = cache.get(templateVersionId);
    if (kept) return kept;
    const repo = m ? m.getRepository(TemplateSectionEntity) : this.sections;
    const read = repo.find({ where: { templateVersionId }, order: { position: 'ASC' } });
    cache.set(templateVersionId, read);
    read.catch(() => cache.delete(templateVersionId));
    if (cache.size > SECTIONS_KEPT) cache.delete(cache.keys().next().value as string);
    return read;
  }

  private cleanAnswers(
    sections: TemplateSectionEntity[],
    answers: SaveAnalysisDraftInput['answers'],
    input = 'answers',
  ): Answers {
    const known = new Set(sections.map((s) => s.key));
    const problems: FieldProblem[] = [];
    const out: Answers = {};
    const seen = new Set<string>();
    for (const a of answers) {
      const field = `${input}.${a.sectionKey}`;
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
