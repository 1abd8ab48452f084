import type { AuditEventKind, AuditEventsFilterInput, AuditOutcome } from '@stl/web/data-access';

export const AUDIT_KINDS: readonly AuditEventKind[] = [
  'SIGN_IN',
  'AUTHORISATION_REFUSED',
  'ROLE_GRANTED',
  'ROLE_REVOKED',
  'CERTIFICATION_ADDED',
  'CERTIFICATION_CHANGED',
  'CERTIFICATION_REVOKED',
  'EXPORT',
  'ERASURE',
  'SSO_SETTINGS_CHANGED',
  'ANALYSIS_READ_BY_ADMINISTRATOR',
  'CERTIFICATES_ISSUED',
  'CERTIFICATE_REVOKED',
  'CALENDAR_FEED_CHANGED',
] as AuditEventKind[];

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'REFUSED', 'FAILED'] as AuditOutcome[];

/** The page's filters as they stand in the URL: `?from=2026-12-01&to=2026-12-06&kind=…&outcome=…&actor=…`. */
export interface AuditUrlFilter {
  from: string;
  to: string;
  kind: string;
  outcome: string;
  actor: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the URL's parameters; anything not understood is left out. */
export function auditFilterFromParams(get: (name: string) => string | null): AuditUrlFilter {
  const pick = (name: string, ok: (v: string) => boolean) => {
    const v = get(name) ?? '';
    return ok(v) ? v : '';
  };
  return {
    from: pick('from', (v) => DAY.test(v)),
    to: pick('to', (v) => DAY.test(v)),
    kind: pick('kind', (v) => (AUDIT_KINDS as readonly string[]).includes(v)),
    outcome: pick('outcome', (v) => (AUDIT_OUTCOMES as readonly string[]).includes(v)),
    actor: pick('actor', (v) => UUID.test(v)),
  };
}

/** The next day of a `YYYY-MM-DD` day, as UTC: "to" includes the whole day. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** The API's filter for the URL's: days are whole UTC days, as the log's times are UTC. */
export function auditApiFilter(f: AuditUrlFilter): AuditEventsFilterInput {
  return {
    from: f.from ? `${f.from}T00:00:00.000Z` : null,
    to: f.to ? dayAfter(f.to) : null,
    kind: (f.kind || null) as AuditEventKind | null,
    outcome: (f.outcome || null) as AuditOutcome | null,
    actorId: f.actor || null,
  };
}

/** The download's query string for the same filters (the API reads the same names). */
export function auditExportQuery(f: AuditUrlFilter): string {
  const api = auditApiFilter(f);
  const params = new URLSearchParams();
  if (api.from) params.set('from', api.from);
  if (api.to) params.set('to', api.to);
  if (api.kind) params.set('kind', api.kind);
  if (api.outcome) params.set('outcome', api.outcome);
  if (api.actorId) params.set('actorId', api.actorId);
  const q = params.toString();
  return q ? `?${q}` : '';
}

/** An instant as the log shows it: `2026-12-06 10:15:03 UTC`. */
export function utcTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
