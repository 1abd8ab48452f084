import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AnalysisVersionEntity,
  CohortEntity,
  CohortMembershipEntity,
  CohortRole,
  FeedbackCommentEntity,
  FeedbackCommentKind,
  FeedbackEntity,
  OrganisationEntity,
  PersonEntity,
  PortfolioReflectionEntity,
  ReviewerKind,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { AccessPolicy, displayName } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { DomainError, ErrorCode, ForbiddenError } from '@stl/api/util-errors';
import { richTextToPlainText } from '@stl/shared/domain';

/** The longest closing reflection, in characters (about four pages). */
export const REFLECTION_MAX_LENGTH = 10_000;

export interface PortfolioReply {
  body: string;
  writtenAt: Date;
}

export interface PortfolioFeedback {
  id: string;
  authorName: string;
  kind: ReviewerKind;
  givenAt: Date;
  version: number;
  sectionTitle: string | null;
  worksWell: string;
  questions: string;
  nextSteps: string;
  replies: PortfolioReply[];
}

export interface PortfolioSection {
  title: string;
  text: string;
}

export interface PortfolioEntry {
  roundId: string;
  number: number;
  title: string;
  published: boolean;
  version: number | null;
  publishedAt: Date | null;
  sections: PortfolioSection[];
  feedback: PortfolioFeedback[];
}

export interface Portfolio {
  cohortId: string;
  cohortName: string;
  schoolYear: string;
  organisationName: string;
  ownerName: string;
  entries: PortfolioEntry[];
  reflection: string | null;
  reflectionUpdatedAt: Date | null;
}

/**
 * The teacher's portfolio (issue 14, ADR 0032): their own analyses of a cohort in round order, each
 * as last published, with the feedback they received (oldest first) and their replies, and their
 * closing reflection. The teacher's own: nobody else, administrators and course leaders included,
 * reads it here (leaders read the analyses and feedback where they always have).
 */
@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Only a participant of the cohort (withdrawn ones too: it is their year's work). Anyone else
   * related to the cohort gets FORBIDDEN; outsiders NOT_FOUND.
   */
  private async assertOwnPortfolio(actor: Actor, cohortId: string): Promise<CohortEntity> {
    const m = this.dataSource.manager;
    const membership = await m.findOne(CohortMembershipEntity, {
      where: { cohortId, personId: actor.personId, role: CohortRole.PARTICIPANT },
      relations: { cohort: true },
    });
    if (membership?.cohort && membership.cohort.organisationId === actor.organisationId)
      return membership.cohort;
    await this.access.cohortAccess(actor, cohortId);
    throw new ForbiddenError("A portfolio is its teacher's own; nobody else may read it.");
  }

  async portfolio(actor: Actor, cohortId: string): Promise<Portfolio> {
    const cohort = await this.assertOwnPortfolio(actor, cohortId);
    const m = this.dataSource.manager;
    const [organisation, owner, rounds, analyses, reflection] = await Promise.all([
      m.findOneByOrFail(OrganisationEntity, { id: cohort.organisationId }),
      m.findOneByOrFail(PersonEntity, { id: actor.personId }),
      m.find(AnalysisRoundEntity, { where: { cohortId }, order: { number: 'ASC' } }),
      m.find(AnalysisEntity, {
        where: { cohortId, authorId: actor.personId, status: AnalysisStatus.PUBLISHED },
      }),
      m.findOne(PortfolioReflectionEntity, { where: { cohortId, personId: actor.personId } }),
    ]);
    const analysisIds = analyses.map((a) => a.id);
    const templateIds = [...new Set(rounds.map((r) => r.templateVersionId))];
    const [versions, sections, feedback] = await Promise.all([
      analysisIds.length
        ? m.find(AnalysisVersionEntity, { where: { analysisId: In(analysisIds) }, order: { version: 'ASC' } })
        : [],
      templateIds.length
        ? m.find(TemplateSectionEntity, {
            where: { templateVersionId: In(templateIds) },
            order: { position: 'ASC' },
          })
        : [],
      analysisIds.length
        ? m.find(FeedbackEntity, {
            where: { analysisId: In(analysisIds) },
            relations: { author: true },
            order: { createdAt: 'ASC' },
          })
        : [],
    ]);
    const replies = feedback.length
      ? await m.find(FeedbackCommentEntity, {
          where: { feedbackId: In(feedback.map((f) => f.id)), kind: FeedbackCommentKind.REPLY },
          order: { createdAt: 'ASC' },
        })
      : [];
    const versionById = new Map(versions.map((v) => [v.id, v]));
    const entries = rounds.map((round): PortfolioEntry => {
      const analysis = analyses.find((a) => a.roundId === round.id);
      const roundSections = sections.filter((s) => s.templateVersionId === round.templateVersionId);
      const titleOf = (key: string | null) => roundSections.find((s) => s.key === key)?.title ?? key;
      const latest = analysis
        ? versions
            .filter((v) => v.analysisId === analysis.id)
            .reduce<AnalysisVersionEntity | null>(
              (last, v) => (!last || v.version > last.version ? v : last),
              null,
            )
        : null;
      const answers = latest?.answers ?? {};
      return {
        roundId: round.id,
        number: round.number,
        title: round.title,
        published: !!latest,
        version: latest?.version ?? null,
        publishedAt: latest?.publishedAt ?? null,
        sections: latest
          ? roundSections.map((s) => ({
              title: s.title,
              text: richTextToPlainText(answers[s.key] ?? '').trim(),
            }))
          : [],
        feedback: analysis
          ? feedback
              .filter((f) => f.analysisId === analysis.id)
              .map((f) => ({
                id: f.id,
                authorName: displayName(actor, f.author as PersonEntity),
                kind: f.kind,
                givenAt: f.createdAt,
                version: versionById.get(f.analysisVersionId)?.version ?? 0,
                sectionTitle: f.sectionKey ? (titleOf(f.sectionKey) ?? null) : null,
                worksWell: f.worksWell,
                questions: f.questions,
                nextSteps: f.nextSteps,
                replies: replies
                  .filter((r) => r.feedbackId === f.id && r.authorId === actor.personId)
                  .map((r) => ({ body: r.body, writtenAt: r.createdAt })),
              }))
          : [],
      };
    });
    return {
      cohortId,
      cohortName: cohort.name,
      schoolYear: cohort.schoolYear,
      organisationName: organisation.name,
      ownerName: owner.fullName,
      entries,
      reflection: reflection?.body ?? null,
      reflectionUpdatedAt: reflection?.updatedAt ?? null,
    };
  }

  /**
   * Saves the teacher's closing reflection (one per cohort; an empty text removes it). The
   * teacher's own text about their year, not cohort data, so it is written at any point of the
   * cohort's life, archived included.
   */
  async saveReflection(
    actor: Actor,
    cohortId: string,
    body: string,
  ): Promise<PortfolioReflectionEntity | null> {
    await this.assertOwnPortfolio(actor, cohortId);
    const text = body.replace(/\r\n?/g, '\n').trim();
    if (text.length > REFLECTION_MAX_LENGTH)
      throw new DomainError(
        ErrorCode.BadUserInput,
        `The reflection is longer than ${REFLECTION_MAX_LENGTH} characters.`,
        [{ field: 'body', code: 'TOO_LONG', message: `At most ${REFLECTION_MAX_LENGTH} characters.` }],
      );
    const repo = this.dataSource.getRepository(PortfolioReflectionEntity);
    if (!text) {
      await repo.delete({ cohortId, personId: actor.personId });
      return null;
    }
    await repo.upsert({ cohortId, personId: actor.personId, body: text }, ['personId', 'cohortId']);
    return repo.findOneByOrFail({ cohortId, personId: actor.personId });
  }
}
