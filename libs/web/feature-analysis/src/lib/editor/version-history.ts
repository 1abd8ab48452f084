import type { DraftSnapshotSummary, PublishedVersion } from '@stl/web/data-access';

/** One line of the version history: a snapshot of the draft or a published version. */
export type HistoryEntry =
  | { kind: 'draft'; id: string; at: string; label: string; snapshot: DraftSnapshotSummary }
  | { kind: 'published'; id: string; at: string; label: string; version: PublishedVersion };

/**
 * Drafts and published versions in one list, newest first (a published version before the draft
 * snapshot saved in the same instant). Labels are translation keys.
 */
export function historyEntries(
  drafts: readonly DraftSnapshotSummary[],
  published: readonly PublishedVersion[],
): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...drafts.map((s): HistoryEntry => ({
      kind: 'draft',
      id: s.id,
      at: s.savedAt,
      label: `draftHistory.kinds.${s.kind}`,
      snapshot: s,
    })),
    ...published.map((v): HistoryEntry => ({
      kind: 'published',
      id: v.id,
      at: v.publishedAt,
      label: 'draftHistory.kinds.PUBLISHED',
      version: v,
    })),
  ];
  return entries.sort(
    (a, b) =>
      Date.parse(b.at) - Date.parse(a.at) || (a.kind === b.kind ? 0 : a.kind === 'published' ? -1 : 1),
  );
}
