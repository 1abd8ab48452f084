import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { AnalysisVersionAttachmentEntity, AttachmentEntity } from '@stl/api/data-access-db';

/** Ids of the attachments of an analysis's working copy, sorted. */
export async function draftAttachmentIds(m: EntityManager, analysisId: string): Promise<string[]> {
  const rows = await m.find(AttachmentEntity, {
    select: { id: true },
    where: { analysisId, removedFromDraftAt: IsNull() },
  });
  return rows.map((r) => r.id).sort();
}

/** Ids of the attachments a published version was published with, sorted. */
export async function versionAttachmentIds(m: EntityManager, versionId: string): Promise<string[]> {
  const rows = await m.find(AnalysisVersionAttachmentEntity, { where: { versionId } });
  return rows.map((r) => r.attachmentId).sort();
}

/** Whether the working copy holds exactly the files of a version (publishing again would change nothing). */
export async function sameAttachments(m: EntityManager, analysisId: string, versionId: string) {
  const [draft, version] = await Promise.all([
    draftAttachmentIds(m, analysisId),
    versionAttachmentIds(m, versionId),
  ]);
  return draft.length === version.length && draft.every((id, i) => id === version[i]);
}

/**
 * Freezes the working copy's attachments into a version being published (ADR 0024): the version
 * lists them for good, so removing one from the draft later keeps the file for this version.
 */
export async function freezeAttachments(
  m: EntityManager,
  analysisId: string,
  versionId: string,
): Promise<void> {
  const ids = await draftAttachmentIds(m, analysisId);
  if (ids.length)
    await m.insert(
      AnalysisVersionAttachmentEntity,
      ids.map((attachmentId) => ({ versionId, attachmentId })),
    );
}
