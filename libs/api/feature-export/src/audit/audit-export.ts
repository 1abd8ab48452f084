import type { AuditEventEntity } from '@stl/api/data-access-db';
import type { ExportWorkbook } from '../table/export-table';

/**
 * The audit log as a download (issue 12, ADR 0029): one line per event, newest first, the time in
 * UTC as ISO 8601 (the log's own clock; Excel sorts it as text correctly), the person's current
 * name beside their id when they are still a person of the organisation.
 */
export function auditWorkbook(
  events: AuditEventEntity[],
  names: ReadonlyMap<string, string>,
  details: (event: AuditEventEntity) => { key: string; value: string }[],
): ExportWorkbook {
  return {
    sheets: [
      {
        name: 'Granskningslogg',
        columns: [
          { header: 'Tidpunkt (UTC)', type: 'text', width: 26 },
          { header: 'Händelse', type: 'text', width: 30 },
          { header: 'Utfall', type: 'text', width: 10 },
          { header: 'Utförare (id)', type: 'text', width: 38 },
          { header: 'Utförare', type: 'text', width: 28 },
          { header: 'Gäller', type: 'text', width: 14 },
          { header: 'Gäller (id)', type: 'text', width: 38 },
          { header: 'Detaljer', type: 'text', width: 60 },
        ],
        rows: events.map((e) => [
          e.occurredAt.toISOString(),
          e.kind,
          e.outcome,
          e.actorId,
          e.actorId ? (names.get(e.actorId) ?? null) : null,
          e.targetType,
          e.targetId,
          details(e)
            .map((d) => `${d.key}=${d.value}`)
            .join('; ') || null,
        ]),
      },
    ],
  };
}
