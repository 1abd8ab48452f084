import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AnalysisDraftSnapshotEntity, AnalysisEntity } from '@stl/api/data-access-db';
import type { Actor } from '@stl/api/feature-auth';
import { NotFoundError } from '@stl/api/util-errors';
import { paginate } from '@stl/api/util-graphql';
import type { Page } from '@stl/api/util-graphql';
import type { DraftHistoryArgs } from './draft-history.inputs';

/**
 * Reads the draft history. A draft and its history are the author's working material: everyone
 * else — leaders and administrators included — is told it does not exist, as for the draft itself.
 */
@Injectable()
export class DraftHistoryService {
  constructor(
    @InjectRepository(AnalysisEntity) private readonly analyses: Repository<AnalysisEntity>,
    @InjectRepository(AnalysisDraftSnapshotEntity)
    private readonly snapshots: Repository<AnalysisDraftSnapshotEntity>,
  ) {}

  /** The author's snapshots of one analysis, newest first. */
  async list(actor: Actor, args: DraftHistoryArgs): Promise<Page<AnalysisDraftSnapshotEntity>> {
    const own = await this.analyses.exists({ where: { id: args.analysisId, authorId: actor.personId } });
    if (!own) throw new NotFoundError('analysis', args.analysisId);
    return paginate(args, (skip, take) =>
      this.snapshots.findAndCount({
        where: { analysisId: args.analysisId },
        order: { savedAt: 'DESC', revision: 'DESC', id: 'ASC' },
        skip,
        take,
      }),
    );
  }

  /** One snapshot, whole: its author only. */
  async read(actor: Actor, id: string): Promise<AnalysisDraftSnapshotEntity> {
    const snapshot = await this.snapshots
      .createQueryBuilder('s')
      .innerJoin(AnalysisEntity, 'a', 'a.id = s.analysis_id')
      .where('s.id = :id', { id })
      .andWhere('a.author_id = :author', { author: actor.personId })
      .getOne();
    if (!snapshot) throw new NotFoundError('draft snapshot', id);
    return snapshot;
  }
}
