import { AnalysisDraftSnapshotEntity, DraftSnapshotKind } from '@stl/api/data-access-db';
import type { AnalysisEntity, Answers } from '@stl/api/data-access-db';
import sanitizeHtml from 'sanitize-html';
import type { EntityManager } from 'typeorm';
import { plainText } from '../analysis/rich-text';

/**
 * How the draft history is thinned (ADR 0028). Only EARLIER_SAVE snapshots are thinned; a revision
 * replaced from another tab, device or visit and a text set aside are kept as long as the analysis.
 * Autosave writes a revision after every pause in typing, so keeping every one would grow without
 * bound; the newest snapshot of each time slot is kept instead, the slots widening with age. Older
 * than the last tier: the newest of each Stockholm day. At most 60 + 92 + 144 routine snapshots a
 * week, then one a day.
 */
export const THINNING_TIERS: readonly { withinMinutes: number; slotMinutes: number }[] = [
  { withinMinutes: 60, slotMinutes: 1 },
  { withinMinutes: 24 * 60, slotMinutes: 15 },
  { withinMinutes: 7 * 24 * 60, slotMinutes: 60 },
];

export interface SaveForHistory {
  /** The analysis as it is before the save (its current revision is the one overwritten). */
  existing: AnalysisEntity;
  /** The answers the save writes. */
  next: Answers;
  /** The editor (one tab's visit) saving now; null when the client did not say. */
  editorId: string | null;
  /** Texts the author chose not to keep in a conflict, sent with this save. */
  setAside: Answers;
  now: Date;
}

function hasText(answers: Answers): boolean {
  return Object.values(answers).some((html) => plainText(html).length > 0);
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}

/**
 * Keeps, in the save's transaction, what the save is about to overwrite: the current revision's
 * answers (unless the save changes nothing or there was no text yet) and any texts set aside, then
 * thins the analysis's history.
 */
export async function recordSave(m: EntityManager, save: SaveForHistory): Promise<void> {
  const { existing, next, editorId, setAside, now } = save;
  const rows: Partial<AnalysisDraftSnapshotEntity>[] = [];
  if (
    existing.draftRevision > 0 &&
    !sameAnswers(existing.draftAnswers, next) &&
    hasText(existing.draftAnswers)
  ) {
    const sameEditor = editorId !== null && existing.draftEditorId === editorId;
    rows.push({
      analysisId: existing.id,
      revision: existing.draftRevision,
      kind: sameEditor ? DraftSnapshotKind.EARLIER_SAVE : DraftSnapshotKind.REPLACED_ELSEWHERE,
      answers: existing.draftAnswers,
      savedAt: existing.draftSavedAt ?? now,
      savedById: existing.authorId,
      editorId: existing.draftEditorId,
    });
  }
  rows.push(...setAsideRows(existing, setAside, editorId, now));
  if (rows.length) await m.insert(AnalysisDraftSnapshotEntity, rows);
  await thinHistory(m, existing.id, now);
}

/** Texts set aside on a save, as one snapshot (the first save of an analysis may carry them too). */
export function setAsideRows(
  analysis: Pick<AnalysisEntity, 'id' | 'authorId' | 'draftRevision'>,
  setAside: Answers,
  editorId: string | null,
  now: Date,
): Partial<AnalysisDraftSnapshotEntity>[] {
  if (!hasText(setAside)) return [];
  return [
    {
      analysisId: analysis.id,
      revision: analysis.draftRevision,
      kind: DraftSnapshotKind.SET_ASIDE,
      answers: setAside,
      savedAt: now,
      savedById: analysis.authorId,
      editorId,
    },
  ];
}

/**
 * Deletes the EARLIER_SAVE snapshots of one analysis that are not the newest of their time slot
 * (THINNING). Runs with every save, so the history of a draft being written stays small, and a draft
 * nobody saves does not grow.
 */
export async function thinHistory(m: EntityManager, analysisId: string, now: Date): Promise<void> {
  // One CASE branch per tier: $2 is now, then each tier's (withinMinutes, slotMinutes) pair.
  const tiers = THINNING_TIERS.map(
    (_, i) =>
      `WHEN saved_at > $2::timestamptz - make_interval(mins => $${4 + 2 * i}) ` +
      `THEN '${i}:' || floor(extract(epoch FROM saved_at) / ($${5 + 2 * i} * 60))::text`,
  ).join(' ');
  await m.query(
    `DELETE FROM analysis_draft_snapshot WHERE id IN (
       SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY slot ORDER BY saved_at DESC, revision DESC) AS n
         FROM (
           SELECT id, saved_at, revision,
             CASE ${tiers} ELSE 'day:' || (saved_at AT TIME ZONE 'Europe/Stockholm')::date::text END AS slot
           FROM analysis_draft_snapshot
           WHERE analysis_id = $1 AND kind = $3
         ) slotted
       ) ranked
       WHERE n > 1
     )`,
    [
      analysisId,
      now.toISOString(),
      DraftSnapshotKind.EARLIER_SAVE,
      ...THINNING_TIERS.flatMap((t) => [t.withinMinutes, t.slotMinutes]),
    ],
  );
}

export interface SectionSummary {
  sectionKey: string;
  words: number;
  excerpt: string;
}

export const EXCERPT_LENGTH = 160;

/** The text a reader sees, blocks apart (so words of two paragraphs are not run together). */
export function readableText(html: string): string {
  const spaced = html.replace(/<\/(p|h[1-6]|li|blockquote)>|<br\s*\/?>/gi, '$& ');
  // sanitize-html escapes exactly these four in text it returns.
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Per section: how many words and the text's beginning, for listing snapshots without their HTML. */
export function summarise(answers: Answers): SectionSummary[] {
  return Object.entries(answers).map(([sectionKey, html]) => {
    const text = readableText(html);
    const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text;
    return { sectionKey, words: text ? text.split(' ').length : 0, excerpt };
  });
}
