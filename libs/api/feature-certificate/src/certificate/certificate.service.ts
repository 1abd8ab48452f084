import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AuditEventKind,
  AuditTargetType,
  CohortEntity,
  CohortMembershipEntity,
  CohortRole,
  CompletionCertificateEntity,
  OrganisationEntity,
  PersonEntity,
  cohortCompletions,
} from '@stl/api/data-access-db';
import { AccessPolicy, AuditService, LoginThrottleService, displayName } from '@stl/api/feature-auth';
import type { Actor, NameViewer, ThrottleScope } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import {
  CERTIFICATE_CODE_ALPHABET,
  CERTIFICATE_CODE_LENGTH,
  CERTIFICATE_VERIFY_PATH,
  CohortChangeKind,
  normaliseCertificateCode,
} from '@stl/shared/domain';
import type { CertificatePdfData } from './certificate-pdf';

/**
 * Checking codes on the public page: a code that exists (valid or revoked) does not count, so an
 * employer checking many real certificates is never stopped; 20 unknown codes from one address (or
 * on one code) lock it for a minute, doubling to 15 (the limits of ADR 0004 and 0013). The prefix
 * is short: a key is at most 80 characters (`cert-account:` and a SHA-256).
 */
export const CERTIFICATE_CHECK_SCOPE: ThrottleScope = {
  prefix: 'cert-',
  accountLimit: 20,
  addressLimit: 20,
};

/** Nobody in particular: what the public verification page may show of a person. */
const ANYONE: NameViewer = { personId: '', organisationId: '', grants: [] };

export interface CertificateView {
  entity: CompletionCertificateEntity;
  cohort: CohortEntity;
  organisationName: string;
  personName: string;
}

export interface CohortCertificateRow {
  personId: string;
  name: string;
  completed: boolean;
  certificate: CertificateView | null;
}

export interface CertificateCheck {
  valid: boolean;
  name: string | null;
  course: string | null;
  schoolYear: string | null;
  organisation: string | null;
}

/** A new random code; the caller makes sure it is unused. */
export function newCertificateCode(): string {
  let code = '';
  for (let i = 0; i < CERTIFICATE_CODE_LENGTH; i++)
    code += CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)];
  return code;
}

/**
 * Certificates of completion (issue 14, ADR 0032): issued in bulk by the cohort's course leaders or
 * the organisation's administrators once the cohort is COMPLETED, to every participant the
 * completion rule (product rule 6, `cohortCompletions`) says has completed; revoked one by one;
 * downloaded by the holder and by those who run the cohort; checked by anyone by their code.
 */
@Injectable()
export class CertificateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: CohortCommands,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Where the QR code and the printed link lead. */
  verifyUrl(code: string): string {
    return `${this.config.notification.publicWebUrl}${CERTIFICATE_VERIFY_PATH}/${code}`;
  }

  /** Every current participant, whether they completed, and their latest certificate. Those who run the cohort. */
  async cohortCertificates(actor: Actor, cohortId: string): Promise<CohortCertificateRow[]> {
    const { cohort } = await this.access.assertCanManageCohort(actor, cohortId);
    const m = this.dataSource.manager;
    const [rows, certificates, organisation] = await Promise.all([
      cohortCompletions(m, cohort, { schoolIds: null, includeWithdrawn: false }, new Date()),
      m.find(CompletionCertificateEntity, { where: { cohortId }, order: { issuedAt: 'ASC' } }),
      m.findOneByOrFail(OrganisationEntity, { id: cohort.organisationId }),
    ]);
    const latest = new Map<string, CompletionCertificateEntity>();
    for (const c of certificates) {
      const had = latest.get(c.personId);
      // A valid certificate wins over a revoked one; otherwise the latest.
      if (!had || !c.revokedAt || had.revokedAt) latest.set(c.personId, c);
    }
    return rows
      .map((r) => {
        const name = displayName(actor, r.member.person as PersonEntity);
        const c = latest.get(r.member.personId);
        return {
          personId: r.member.personId,
          name,
          completed: r.result.completed,
          certificate: c
            ? { entity: c, cohort, organisationName: organisation.name, personName: name }
            : null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  /** The actor's own certificates, newest first, revoked ones included. */
  async mine(actor: Actor): Promise<CertificateView[]> {
    const m = this.dataSource.manager;
    const rows = await m.find(CompletionCertificateEntity, {
      where: { personId: actor.personId },
      relations: { cohort: true, person: true },
      order: { issuedAt: 'DESC' },
    });
    const orgs = await this.organisationNames(
      m,
      rows.map((r) => r.cohort?.organisationId ?? ''),
    );
    return rows.map((entity) => ({
      entity,
      cohort: entity.cohort as CohortEntity,
      organisationName: orgs.get(entity.cohort?.organisationId ?? '') ?? '',
      personName: (entity.person as PersonEntity).fullName,
    }));
  }

  /**
   * Issues certificates in one transaction under the cohort's lock (ADR 0012, kind CERTIFICATES:
   * COMPLETED cohorts only). Without `personIds`: every current participant who completed and has
   * no certificate yet (a revoked one stays revoked). With `personIds`: exactly those, e.g. again
   * after a revocation; each must have completed and hold no valid certificate (BAD_USER_INPUT).
   */
  issue(actor: Actor, cohortId: string, personIds?: readonly string[] | null): Promise<CertificateView[]> {
    return this.commands.run(
      actor,
      cohortId,
      CohortChangeKind.Certificates,
      {
        actor: 'manage',
        forbidden: "Only the cohort's course leaders or an administrator may issue certificates.",
      },
      async (tx, cohort) => {
        const now = new Date();
        const rows = await cohortCompletions(tx, cohort, { schoolIds: null, includeWithdrawn: false }, now);
        const existing = await tx.find(CompletionCertificateEntity, {
          select: { id: true, personId: true, revokedAt: true },
          where: { cohortId },
        });
        const anyCertificate = new Set(existing.map((c) => c.personId));
        const validCertificate = new Set(existing.filter((c) => !c.revokedAt).map((c) => c.personId));
        let chosen = rows.filter((r) => r.result.completed && !anyCertificate.has(r.member.personId));
        if (personIds && personIds.length) {
          const byPerson = new Map(rows.map((r) => [r.member.personId, r]));
          const wanted = [...new Set(personIds)];
          const refused = wanted.filter((id) => {
            const row = byPerson.get(id);
            return !row || !row.result.completed || validCertificate.has(id);
          });
          if (refused.length)
            throw new DomainError(
              ErrorCode.BadUserInput,
              'Certificates go only to participants of the cohort who have completed it and hold no valid certificate.',
              [],
              { personIds: refused },
            );
          chosen = rows.filter((r) => wanted.includes(r.member.personId));
        }
        if (!chosen.length) return [];
        const codes = await this.unusedCodes(tx, chosen.length);
        const organisation = await tx.findOneByOrFail(OrganisationEntity, { id: cohort.organisationId });
        const issued: CertificateView[] = [];
        for (const [i, row] of chosen.entries()) {
          const entity = await tx.save(
            tx.create(CompletionCertificateEntity, {
              code: codes[i],
              personId: row.member.personId,
              cohortId,
              issuedAt: now,
              issuedById: actor.personId,
              revokedAt: null,
              revokedById: null,
              meetingsAttended: row.result.meetingsAttended,
              meetingsPlanned: row.result.meetingsPlanned,
              analysesCompleted: row.result.completeCount,
            }),
          );
          issued.push({
            entity,
            cohort,
            organisationName: organisation.name,
            personName: displayName(actor, row.member.person as PersonEntity),
          });
        }
        await this.audit.record(
          {
            kind: AuditEventKind.CERTIFICATES_ISSUED,
            ...AuditService.by(actor),
            target: { type: AuditTargetType.COHORT, id: cohortId },
            details: { count: issued.length },
          },
          tx,
        );
        return issued;
      },
    );
  }

  /** Revokes one certificate: its code answers "not valid" from now on. Logged in the same transaction. */
  revoke(actor: Actor, certificateId: string): Promise<CertificateView> {
    return this.commands.runOn(
      actor,
      { kind: 'certificate', id: certificateId },
      CohortChangeKind.Certificates,
      {
        actor: 'manage',
        forbidden: "Only the cohort's course leaders or an administrator may revoke certificates.",
      },
      async (tx, cohort) => {
        const entity = await tx.findOne(CompletionCertificateEntity, {
          where: { id: certificateId },
          relations: { person: true },
        });
        if (!entity) throw new NotFoundError('certificate', certificateId);
        if (entity.revokedAt)
          throw new DomainError(ErrorCode.Conflict, 'The certificate has already been revoked.');
        entity.revokedAt = new Date();
        entity.revokedById = actor.personId;
        await tx.update(
          CompletionCertificateEntity,
          { id: entity.id, revokedAt: IsNull() },
          { revokedAt: entity.revokedAt, revokedById: actor.personId },
        );
        await this.audit.record(
          {
            kind: AuditEventKind.CERTIFICATE_REVOKED,
            ...AuditService.by(actor),
            target: { type: AuditTargetType.CERTIFICATE, id: entity.id },
            details: { personId: entity.personId, cohortId: entity.cohortId },
          },
          tx,
        );
        const organisation = await tx.findOneByOrFail(OrganisationEntity, { id: cohort.organisationId });
        return {
          entity,
          cohort,
          organisationName: organisation.name,
          personName: displayName(actor, entity.person as PersonEntity),
        };
      },
    );
  }

  /**
   * The public check of a code: rate-limited per client address and code (unknown codes count),
   * and answering only whether it is valid and, if so, the holder's name (the pseudonym of a
   * person with protected identity, as anyone outside sees it), the course, the school year and
   * the organisation. A revoked code answers exactly like a forged one.
   */
  async check(input: string, address: string): Promise<CertificateCheck> {
    const code = normaliseCertificateCode(input);
    const invalid: CertificateCheck = {
      valid: false,
      name: null,
      course: null,
      schoolYear: null,
      organisation: null,
    };
    await this.throttle.admit(code ?? input.slice(0, 64), address, new Date(), CERTIFICATE_CHECK_SCOPE);
    if (!code) return invalid;
    const entity = await this.dataSource.manager.findOne(CompletionCertificateEntity, {
      where: { code },
      relations: { person: true, cohort: true },
    });
    if (!entity) return invalid;
    await this.throttle.succeeded(code, address, CERTIFICATE_CHECK_SCOPE);
    if (entity.revokedAt) return invalid;
    const cohort = entity.cohort as CohortEntity;
    const organisation = await this.dataSource.manager.findOneByOrFail(OrganisationEntity, {
      id: cohort.organisationId,
    });
    return {
      valid: true,
      name: displayName(ANYONE, entity.person as PersonEntity),
      course: cohort.name,
      schoolYear: cohort.schoolYear,
      organisation: organisation.name,
    };
  }

  /**
   * What the PDF states, for the holder and for those who run the cohort (the course leaders, the
   * organisation's administrators). Anyone else in the cohort: FORBIDDEN; outsiders: NOT_FOUND.
   * A revoked certificate is not handed out again (CONFLICT).
   */
  async pdfData(actor: Actor, certificateId: string): Promise<CertificatePdfData> {
    const m = this.dataSource.manager;
    const entity = await m.findOne(CompletionCertificateEntity, {
      where: { id: certificateId },
      relations: { person: true, cohort: true },
    });
    if (!entity || entity.cohort?.organisationId !== actor.organisationId)
      throw new NotFoundError('certificate', certificateId);
    if (entity.personId !== actor.personId) {
      const access = await this.access.cohortAccess(actor, entity.cohortId);
      if (!access.canManage)
        throw new ForbiddenError("A certificate is for its holder and the cohort's course leaders only.");
    }
    if (entity.revokedAt) throw new DomainError(ErrorCode.Conflict, 'The certificate has been revoked.');
    const cohort = entity.cohort as CohortEntity;
    const [organisation, leaders] = await Promise.all([
      m.findOneByOrFail(OrganisationEntity, { id: cohort.organisationId }),
      m.find(CohortMembershipEntity, {
        where: { cohortId: cohort.id, role: CohortRole.LEADER, leftAt: IsNull() },
        relations: { person: true },
      }),
    ]);
    return {
      code: entity.code,
      // The holder's own name: the certificate is theirs to show.
      holder: (entity.person as PersonEntity).fullName,
      cohortName: cohort.name,
      schoolYear: cohort.schoolYear,
      organisation: organisation.name,
      meetingsAttended: entity.meetingsAttended,
      meetingsPlanned: entity.meetingsPlanned,
      analysesCompleted: entity.analysesCompleted,
      // A paper travels: course leaders named as anyone outside may see them.
      leaders: leaders
        .map((l) => displayName(ANYONE, l.person as PersonEntity))
        .sort((a, b) => a.localeCompare(b, 'sv')),
      issuedAt: entity.issuedAt,
      verifyUrl: this.verifyUrl(entity.code),
    };
  }

  /** `count` codes no certificate has (a clash is astronomically unlikely, and then drawn again). */
  private async unusedCodes(m: EntityManager, count: number): Promise<string[]> {
    const codes = new Set<string>();
    while (codes.size < count) {
      const fresh = Array.from({ length: count - codes.size }, newCertificateCode).filter(
        (c) => !codes.has(c),
      );
      const taken = await m.find(CompletionCertificateEntity, {
        select: { code: true },
        where: { code: In(fresh) },
      });
      const clash = new Set(taken.map((t) => t.code));
      for (const c of fresh) if (!clash.has(c)) codes.add(c);
    }
    return [...codes];
  }

  private async organisationNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter(Boolean))];
    const rows = unique.length ? await m.find(OrganisationEntity, { where: { id: In(unique) } }) : [];
    return new Map(rows.map((o) => [o.id, o.name]));
  }
}
