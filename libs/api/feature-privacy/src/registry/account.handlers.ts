import {
  AccessibilityContactEntity,
  AccountTokenEntity,
  CertificationEntity,
  NotificationPreferenceEntity,
  PersonIdentityEntity,
  PrivacyLogEntity,
  RoleGrantEntity,
  SessionEntity,
} from '@stl/api/data-access-db';
import { ProcessingCategory } from '../record/record-of-processing';
import type { PersonDataHandler } from './person-data';

/** Organisation roles: exported; deleted (the placeholder holds no role). */
export const roleGrants: PersonDataHandler = {
  categories: [ProcessingCategory.ACCOUNT],
  entity: RoleGrantEntity,
  personColumns: ['person_id'],
  exported: 'Each role with its school and since when.',
  erased: 'Deleted.',
  async export({ m, person }) {
    const rows = await m.find(RoleGrantEntity, {
      where: { personId: person.id },
      relations: { school: true },
      order: { createdAt: 'ASC' },
    });
    return {
      roles: rows.map((g) => ({ role: g.role, school: g.school?.name ?? null, since: g.createdAt })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(RoleGrantEntity, { personId: person.id });
    return { roles: affected ?? 0 };
  },
};

/** STL certifications: exported; deleted. */
export const certifications: PersonDataHandler = {
  categories: [ProcessingCategory.ACCOUNT],
  entity: CertificationEntity,
  personColumns: ['person_id'],
  exported: 'Issued, valid until, issuer, reference, revoked.',
  erased: 'Deleted.',
  async export({ m, person }) {
    const rows = await m.find(CertificationEntity, {
      where: { personId: person.id },
      order: { issuedOn: 'ASC' },
    });
    return {
      certifications: rows.map((c) => ({
        issuedOn: c.issuedOn,
        validUntil: c.validUntil,
        issuer: c.issuer,
        reference: c.reference,
        revokedAt: c.revokedAt,
      })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(CertificationEntity, { personId: person.id });
    return { certifications: affected ?? 0 };
  },
};

/** Sign-in sessions: metadata only (never the token or its digest); deleted, which signs them out. */
export const sessions: PersonDataHandler = {
  categories: [ProcessingCategory.SIGN_IN],
  entity: SessionEntity,
  personColumns: ['person_id'],
  exported: 'Started, last seen, ends, browser (never the token or its digest).',
  erased: 'Deleted: every session ends.',
  async export({ m, person }) {
    const rows = await m.find(SessionEntity, { where: { personId: person.id }, order: { createdAt: 'ASC' } });
    return {
      sessions: rows.map((s) => ({
        startedAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        endsAt: s.expiresAt,
        browser: s.userAgent,
      })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(SessionEntity, { personId: person.id });
    return { sessions: affected ?? 0 };
  },
};

/** Single sign-on identities: the provider and the subject it vouches for; deleted. */
export const identities: PersonDataHandler = {
  categories: [ProcessingCategory.SIGN_IN],
  entity: PersonIdentityEntity,
  personColumns: ['person_id'],
  exported: 'Provider (issuer), subject, first and last sign-in.',
  erased: 'Deleted: the provider account no longer signs anyone in.',
  async export({ m, person }) {
    const rows = await m.find(PersonIdentityEntity, { where: { personId: person.id } });
    return {
      singleSignOn: rows.map((i) => ({
        issuer: i.issuer,
        subject: i.subject,
        firstSignInAt: i.createdAt,
        lastSignInAt: i.lastSignInAt,
      })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(PersonIdentityEntity, { personId: person.id });
    return { singleSignOnIdentities: affected ?? 0 };
  },
};

/** Mailed single-use links: what they were for and when (never the token); deleted. */
export const accountTokens: PersonDataHandler = {
  categories: [ProcessingCategory.SIGN_IN],
  entity: AccountTokenEntity,
  personColumns: ['person_id', 'created_by_id'],
  exported: 'Links sent to the person: purpose, sent, valid until, used (never the token).',
  erased: "The person's links are deleted; links they sent others keep no sender.",
  async export({ m, person }) {
    const rows = await m.find(AccountTokenEntity, {
      where: { personId: person.id },
      order: { createdAt: 'ASC' },
    });
    return {
      accountLinks: rows.map((t) => ({
        purpose: t.purpose,
        sentAt: t.createdAt,
        validUntil: t.expiresAt,
        usedAt: t.usedAt,
      })),
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(AccountTokenEntity, { personId: person.id });
    const sent = await m.update(AccountTokenEntity, { createdById: person.id }, { createdById: null });
    return { accountLinks: affected ?? 0, accountLinksSent: sent.affected ?? 0 };
  },
};

/** Mail choices: exported; deleted (no row means the defaults). */
export const notificationPreferences: PersonDataHandler = {
  categories: [ProcessingCategory.WORKING_MATERIAL],
  entity: NotificationPreferenceEntity,
  personColumns: ['person_id'],
  exported: 'The kinds of mail turned off, daily digest or not.',
  erased: 'Deleted.',
  async export({ m, person }) {
    const row = await m.findOne(NotificationPreferenceEntity, { where: { personId: person.id } });
    return {
      notificationPreferences: {
        disabledKinds: row?.disabledKinds ?? [],
        digestDaily: row?.digestDaily ?? false,
        changedAt: row?.updatedAt ?? null,
      },
    };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(NotificationPreferenceEntity, { personId: person.id });
    return { notificationPreferences: affected ?? 0 };
  },
};

/** Being the organisation's receiver of accessibility reports: exported; deleted (reports then go to the administrators). */
export const accessibilityContact: PersonDataHandler = {
  categories: [ProcessingCategory.ACCOUNT],
  entity: AccessibilityContactEntity,
  personColumns: ['person_id'],
  exported: "Whether they receive the organisation's accessibility reports, since when.",
  erased: "Deleted: the organisation's administrators receive the reports instead.",
  async export({ m, person }) {
    const row = await m.findOne(AccessibilityContactEntity, { where: { personId: person.id } });
    return { accessibilityContact: row ? { since: row.updatedAt } : null };
  },
  async erase({ m, person }) {
    const { affected } = await m.delete(AccessibilityContactEntity, { personId: person.id });
    return { accessibilityContact: affected ?? 0 };
  },
};

/**
 * The privacy log: erasures and exports done by or about the person. Kept as it is: it holds no
 * content, and the record that an erasure happened must outlive it (ADR 0030).
 */
export const privacyLog: PersonDataHandler = {
  categories: [ProcessingCategory.PRIVACY_LOG],
  entity: PrivacyLogEntity,
  personColumns: ['actor_id', 'subject_id'],
  exported:
    'Exports and erasures of their data, and those they did as an administrator (kind, when, counts).',
  erased: 'Kept: it records that the erasure happened, without what was erased.',
  async export({ m, person }) {
    const rows = await m.find(PrivacyLogEntity, {
      where: [{ subjectId: person.id }, { actorId: person.id }],
      order: { createdAt: 'ASC' },
    });
    return {
      privacyLog: rows.map((r) => ({
        kind: r.kind,
        at: r.createdAt,
        aboutYou: r.subjectId === person.id,
        byYou: r.actorId === person.id,
        counts: r.counts,
      })),
    };
  },
  async erase() {
    return {};
  },
};
