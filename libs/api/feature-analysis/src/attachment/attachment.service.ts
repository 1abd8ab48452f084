import { Injectable, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisStatus,
  AnalysisVersionAttachmentEntity,
  AttachmentEntity,
  AttachmentVariant,
  CohortMembershipEntity,
  CohortRole,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@stl/api/util-errors';
import { CohortChangeKind } from '@stl/shared/domain';
import { prepareFile } from './attachment-file';
import { AttachmentStores } from './attachment-storage';

/** An uploaded file as the HTTP layer hands it over. */
export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

/** Attachments to analyses (ADR 0024): upload to the working copy, removal from it, reading. */
@Injectable()
export class AttachmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
    private readonly stores: AttachmentStores,
  ) {}

  /**
   * Attaches a file to a section of the actor's own analysis. The file is checked and re-encoded
   * before the command (no lock is held while an image is decoded); the count per section is
   * checked and the row and bytes written in one cohort command.
   */
  async upload(
    actor: Actor,
    analysisId: string,
    sectionKey: string,
    file: UploadedFile,
  ): Promise<AttachmentEntity> {
    const m = this.dataSource.manager;
    const own = await m.exists(AnalysisEntity, { where: { id: analysisId, authorId: actor.personId } });
    if (!own) throw new NotFoundError('analysis', analysisId);
    const prepared = await prepareFile(file.buffer, file.originalname, this.config.attachments.maxBytes);
    const store = this.stores.current;
    const target = { kind: 'analysis', id: analysisId } as const;
    return this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Analysis,
      { actor: 'member' },
      async (tx, _c, access) => {
        const membership = await tx.findOne(CohortMembershipEntity, {
          where: { cohortId: access.cohort.id, personId: actor.personId, role: CohortRole.PARTICIPANT },
        });
        if (!access.participant || !membership || membership.leftAt) {
          throw new ForbiddenError('Only participants of the cohort write analyses in it.');
        }
        const analysis = await tx.findOneOrFail(AnalysisEntity, { where: { id: analysisId } });
        const round = await tx.findOneOrFail(AnalysisRoundEntity, { where: { id: analysis.roundId } });
        const known = await tx.exists(TemplateSectionEntity, {
          where: { templateVersionId: round.templateVersionId, key: sectionKey },
        });
        if (!known) {
          const message = `The template has no section "${sectionKey}".`;
          throw new BadInputError(message, [{ field: 'section', code: 'UNKNOWN_SECTION', message }]);
        }
        const count = await tx.count(AttachmentEntity, {
          where: { analysisId, sectionKey, removedFromDraftAt: IsNull() },
        });
        const max = this.config.attachments.maxPerSection;
        if (count >= max) {
          const message = `A section may have at most ${max} attachments; remove one first.`;
          throw new BadInputError(message, [{ field: 'file', code: 'TOO_MANY_FILES', message }]);
        }
        const saved = await tx.save(
          tx.create(AttachmentEntity, {
            analysisId,
            sectionKey,
            ownerId: actor.personId,
            originalName: prepared.name,
            contentType: prepared.contentType,
            size: prepared.bytes.length,
            sha256: prepared.sha256,
            width: prepared.width,
            height: prepared.height,
            hasThumbnail: prepared.thumbnail !== null,
            storage: store.kind,
            removedFromDraftAt: null,
          }),
        );
        await store.put(tx, saved.id, AttachmentVariant.FILE, prepared.bytes, prepared.contentType);
        if (prepared.thumbnail) {
          await store.put(tx, saved.id, AttachmentVariant.THUMBNAIL, prepared.thumbnail, 'image/webp');
        }
        return saved;
      },
    );
  }

  /**
   * Takes a file out of the author's working copy. A file that a published version lists stays
   * stored for that version (it was published and may have been read and commented on); any other
   * is deleted with its bytes.
   */
  async remove(actor: Actor, id: string): Promise<AttachmentEntity> {
    const found = await this.dataSource.manager.findOne(AttachmentEntity, { where: { id } });
    if (!found || found.removedFromDraftAt) throw new NotFoundError('attachment', id);
    const own = await this.dataSource.manager.exists(AnalysisEntity, {
      where: { id: found.analysisId, authorId: actor.personId },
    });
    if (!own) throw new NotFoundError('attachment', id);
    const target = { kind: 'analysis', id: found.analysisId } as const;
    const deleted = await this.commands.runOn(
      actor,
      target,
      CohortChangeKind.Analysis,
      { actor: 'member' },
      async (tx, _c, access) => {
        if (!access.participant)
          throw new ForbiddenError('Only participants of the cohort write analyses in it.');
        const att = await tx.findOne(AttachmentEntity, { where: { id, removedFromDraftAt: IsNull() } });
        if (!att) throw new NotFoundError('attachment', id);
        const published = await tx.exists(AnalysisVersionAttachmentEntity, { where: { attachmentId: id } });
        if (published) {
          att.removedFromDraftAt = new Date();
          return { att: await tx.save(att), gone: false };
        }
        const store = this.stores.of(att.storage);
        if (store.kind === 'postgres') await store.remove(tx, [id]);
        await tx.delete(AttachmentEntity, { id });
        return { att: { ...att, id }, gone: true };
      },
    );
    const store = this.stores.of(found.storage);
    if (deleted.gone && store.kind !== 'postgres') await store.remove(this.dataSource.manager, [id]);
    return deleted.att;
  }

  /**
   * An attachment the actor may open: its author always; anyone else only a file a published
   * version lists, and only if they may read the published analysis (its cohort's participants,
   * course leaders and the organisation's administrators; not school leaders). UNAUTHENTICATED
   * without a session, NOT_FOUND for an unknown id, FORBIDDEN otherwise.
   */
  async readable(actor: Actor | null, id: string): Promise<AttachmentEntity> {
    if (!actor) throw new UnauthenticatedError();
    const m = this.dataSource.manager;
    const att = await m.findOne(AttachmentEntity, { where: { id } });
    if (!att) throw new NotFoundError('attachment', id);
    const analysis = await m.findOneOrFail(AnalysisEntity, { where: { id: att.analysisId } });
    if (analysis.authorId === actor.personId) return att;
    const forbidden = new ForbiddenError('You may not open this file.');
    if (analysis.status !== AnalysisStatus.PUBLISHED) throw forbidden;
    const access = await this.access.cohortAccess(actor, analysis.cohortId).catch(() => null);
    if (!access?.canSeeContent) throw forbidden;
    const published = await m.exists(AnalysisVersionAttachmentEntity, { where: { attachmentId: id } });
    if (!published) throw forbidden;
    return att;
  }

  /** The bytes of a readable attachment (its file or thumbnail), or null when there are none. */
  content(att: AttachmentEntity, variant: AttachmentVariant): Promise<Buffer | null> {
    if (variant === AttachmentVariant.THUMBNAIL && !att.hasThumbnail) return Promise.resolve(null);
    return this.stores.of(att.storage).get(this.dataSource.manager, att.id, variant);
  }

  /** The working copies' attachments of these analyses, oldest first (for DataLoaders). */
  ofDrafts(analysisIds: readonly string[]): Promise<AttachmentEntity[]> {
    return this.dataSource.manager.find(AttachmentEntity, {
      where: { analysisId: In([...analysisIds]), removedFromDraftAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The attachments these versions were published with, oldest first (for DataLoaders). */
  async ofVersions(
    versionIds: readonly string[],
  ): Promise<{ versionId: string; attachment: AttachmentEntity }[]> {
    const links = await this.dataSource.manager.find(AnalysisVersionAttachmentEntity, {
      where: { versionId: In([...versionIds]) },
      relations: { attachment: true },
    });
    return links
      .map((l) => ({ versionId: l.versionId, attachment: l.attachment as AttachmentEntity }))
      .sort(
        (a, b) =>
          a.attachment.createdAt.getTime() - b.attachment.createdAt.getTime() ||
          a.attachment.id.localeCompare(b.attachment.id),
      );
  }
}
