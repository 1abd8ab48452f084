import type { DraftSnapshotSummary, PublishedVersion } from '@stl/web/data-access';
import { historyEntries } from './version-history';

function draft(
  id: string,
  savedAt: string,
  kind: DraftSnapshotSummary['kind'] = 'EARLIER_SAVE',
): DraftSnapshotSummary {
  return { id, revision: 1, kind, savedAt, sections: [] };
}
function version(n: number, publishedAt: string): PublishedVersion {
  return { id: `v${n}`, version: n, publishedAt, answers: [] };
}

describe('historyEntries', () => {
  it('lists drafts and published versions together, newest first', () => {
    const entries = historyEntries(
      [draft('d2', '2026-12-05T10:00:00Z'), draft('d1', '2026-12-01T10:00:00Z', 'SET_ASIDE')],
      [version(1, '2026-12-03T10:00:00Z')],
    );
    expect(entries.map((e) => [e.kind, e.id, e.label])).toEqual([
      ['draft', 'd2', 'draftHistory.kinds.EARLIER_SAVE'],
      ['published', 'v1', 'draftHistory.kinds.PUBLISHED'],
      ['draft', 'd1', 'draftHistory.kinds.SET_ASIDE'],
    ]);
  });

  it('puts a published version before a draft saved in the same instant', () => {
    const at = '2026-12-05T10:00:00.000Z';
    expect(historyEntries([draft('d', at)], [version(2, at)]).map((e) => e.kind)).toEqual([
      'published',
      'draft',
    ]);
  });

  it('is empty when nothing was saved', () => {
    expect(historyEntries([], [])).toEqual([]);
  });
});
