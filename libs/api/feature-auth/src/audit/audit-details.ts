import type { AuditDetails } from '@stl/api/data-access-db';

/**
 * What a value in an audit event's details may look like: an id (UUID), a code or a name from the
 * code (`PASSWORD`, `progress`, `cohortProgress`, `xlsx`), a small number or a boolean. Anything
 * with a space, an `@` or longer than 80 characters is refused, so no name, e-mail address, token
 * or text a person wrote can reach the log by mistake (ADR 0029).
 */
const CODE = /^[A-Za-z0-9_.:-]{1,80}$/;
const MAX_KEYS = 12;
const MAX_LIST = 50;

export class AuditDetailsRefused extends Error {
  constructor(key: string) {
    super(`Audit detail "${key}" is not an id or a code; the audit log keeps no text (ADR 0029).`);
    this.name = 'AuditDetailsRefused';
  }
}

/** Checks details before they are written; throws on anything that is not ids and codes. */
export function checkedAuditDetails(details: AuditDetails = {}): AuditDetails {
  const keys = Object.keys(details);
  if (keys.length > MAX_KEYS) throw new AuditDetailsRefused(keys[MAX_KEYS]);
  for (const key of keys) {
    if (!CODE.test(key)) throw new AuditDetailsRefused(key.slice(0, 40));
    const value = details[key];
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new AuditDetailsRefused(key);
      continue;
    }
    const list = Array.isArray(value) ? value : [value];
    if (list.length > MAX_LIST || !list.every((v) => typeof v === 'string' && CODE.test(v)))
      throw new AuditDetailsRefused(key);
  }
  return details;
}
