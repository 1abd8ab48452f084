import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisVersionEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { requestLoader } from '@stl/api/util-graphql';
import type { Answers } from '@stl/api/data-access-db';

/** A version's number and dates, without its answers. */
export const VERSION_FACTS = {
  id: true,
  analysisId: true,
  version: true,
  publishedAt: true,
  privacyConfirmedAt: true,
} as const;

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Per-request DataLoaders for the relations this lib resolves in lists (people, analyses, rounds,
 * versions): one query per kind and request, however long the list.
 */
@Injectable()
export class ReviewLookups {
  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(AnalysisEntity) private readonly analyses: Repository<AnalysisEntity>,
    @InjectRepository(AnalysisRoundEntity) private readonly rounds: Repository<AnalysisRoundEntity>,
    @InjectRepository(AnalysisVersionEntity) private readonly versions: Repository<AnalysisVersionEntity>,
  ) {}

  person(req: object, id: string): Promise<PersonEntity | null> {
    return requestLoader<string, PersonEntity | null>(
      req,
      'review.person',
      async (ids) => byId(await this.people.findBy({ id: In([...ids]) })),
      null,
    ).load(id);
  }

  analysis(req: object, id: string): Promise<AnalysisEntity | null> {
    return requestLoader<string, AnalysisEntity | null>(
      req,
      'review.analysis',
      async (ids) => byId(await this.analyses.findBy({ id: In([...ids]) })),
      null,
    ).load(id);
  }

  round(req: object, id: string): Promise<AnalysisRoundEntity | null> {
    return requestLoader<string, AnalysisRoundEntity | null>(
      req,
      'review.round',
      async (ids) => byId(await this.rounds.findBy({ id: In([...ids]) })),
      null,
    ).load(id);
  }

  /** Only the version number and dates: the answers stay out of this lib. */
  version(req: object, id: string): Promise<AnalysisVersionEntity | null> {
    return this.versionLoader(req).load(id);
  }

  /** A published version's answers (sanitised HTML by section), for reading its text. */
  versionAnswers(req: object, id: string): Promise<Answers | null> {
    return this.answersLoader(req).load(id);
  }

  /**
   * A version a command has just read in full (its dates and answers): this request's fields then
   * read it from here, not from the database again.
   */
  primeVersion(req: object, version: AnalysisVersionEntity): void {
    this.versionLoader(req).prime(version.id, version);
    this.answersLoader(req).prime(version.id, version.answers);
  }

  private versionLoader(req: object) {
    return requestLoader<string, AnalysisVersionEntity | null>(
      req,
      'review.analysisVersion',
      async (ids) => byId(await this.versions.find({ select: VERSION_FACTS, where: { id: In([...ids]) } })),
      null,
    );
  }

  private answersLoader(req: object) {
    return requestLoader<string, Answers | null>(
      req,
      'review.analysisVersionAnswers',
      async (ids) =>
        new Map(
          (
            await this.versions.find({ select: { id: true, answers: true }, where: { id: In([...ids]) } })
          ).map((v) => [v.id, v.answers]),
        ),
      null,
    );
  }
}
