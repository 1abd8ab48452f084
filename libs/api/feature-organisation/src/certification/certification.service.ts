import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AuditEventKind,
  AuditTargetType,
  CertificationEntity,
  PersonEntity,
  Role,
} from '@stl/api/data-access-db';
import { AccessPolicy, AuditService } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { certificationStatus } from '@stl/shared/domain';
import type { CertificationStatus } from '@stl/shared/domain';
import { BadInputError, NotFoundError } from '@stl/api/util-errors';
import { groupBy, requestLoader } from '@stl/api/util-graphql';
import { stockholmDate } from '@stl/shared/domain';
import { canSeeCertifications } from '../person/person-access';
import { PersonService } from '../person/person.service';
import type { AddCertificationInput } from './dto/add-certification.input';
import type { UpdateCertificationInput } from './dto/update-certification.input';

@Injectable()
export class CertificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CertificationEntity) private readonly certifications: Repository<CertificationEntity>,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly persons: PersonService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds a certification and, in the same transaction, the COURSE_LEADER role if the person lacks it:
   * being certified is what makes someone a course leader.
   */
  async add(actor: Actor, input: AddCertificationInput): Promise<CertificationEntity> {
    const person = await this.persons.get(actor, input.personId);
    this.access.assertAdminOf(actor, person.organisationId);
    this.assertDatesOrdered(input.issuedOn, input.validUntil);
    return this.dataSource.transaction(async (m) => {
      const { id } = await m.save(
        m.create(CertificationEntity, {
          personId: person.id,
          issuedOn: input.issuedOn,
          validUntil: input.validUntil,
          issuer: input.issuer,
          reference: input.reference || null,
          revokedAt: null,
        }),
      );
      await this.auditCertification(m, actor, AuditEventKind.CERTIFICATION_ADDED, id, person.id);
      if (await this.persons.ensureGrant(m, person, Role.COURSE_LEADER, null))
        await this.persons.auditRole(m, actor, AuditEventKind.ROLE_GRANTED, person.id, Role.COURSE_LEADER);
      return m.findOneOrFail(CertificationEntity, { where: { id } });
    });
  }

  async update(actor: Actor, id: string, input: UpdateCertificationInput): Promise<CertificationEntity> {
    const cert = await this.manageable(actor, id);
    const issuedOn = input.issuedOn ?? cert.issuedOn;
    const validUntil = input.validUntil ?? cert.validUntil;
    this.assertDatesOrdered(issuedOn, validUntil);
    cert.issuedOn = issuedOn;
    cert.validUntil = validUntil;
    if (input.issuer !== undefined) cert.issuer = input.issuer;
    if (input.reference !== undefined) cert.reference = input.reference || null;
    return this.dataSource.transaction(async (m) => {
      const saved = await m.save(cert);
      await this.auditCertification(m, actor, AuditEventKind.CERTIFICATION_CHANGED, cert.id, cert.personId);
      return saved;
    });
  }

  /** Revoking twice keeps the first revocation time. The record stays, for the history. */
  async revoke(actor: Actor, id: string): Promise<CertificationEntity> {
    const cert = await this.manageable(actor, id);
    if (!cert.revokedAt) {
      cert.revokedAt = new Date();
      return this.dataSource.transaction(async (m) => {
        const saved = await m.save(cert);
        await this.auditCertification(m, actor, AuditEventKind.CERTIFICATION_REVOKED, cert.id, cert.personId);
        return saved;
      });
    }
    return cert;
  }

  /** A certification change, in its transaction (ADR 0029): the person's id, never the issuer's text. */
  private auditCertification(
    m: EntityManager,
    actor: Actor,
    kind: AuditEventKind,
    certificationId: string,
    personId: string,
  ): Promise<void> {
    return this.audit.record(
      {
        kind,
        ...AuditService.by(actor),
        target: { type: AuditTargetType.CERTIFICATION, id: certificationId },
        details: { personId },
      },
      m,
    );
  }

  /** Newest first; null when the actor may not see this person's certifications. */
  async visibleFor(req: object, actor: Actor, person: PersonEntity): Promise<CertificationEntity[] | null> {
    if (!canSeeCertifications(actor, person)) return null;
    return requestLoader<string, CertificationEntity[]>(
      req,
      'organisation:certificationsByPerson',
      async (ids) => {
        const rows = await this.certifications.find({
          where: { personId: In([...ids]) },
          order: { validUntil: 'DESC', issuedOn: 'DESC', id: 'ASC' },
        });
        return groupBy(rows, (c) => c.personId);
      },
      [],
    ).load(person.id);
  }

  status(cert: CertificationEntity, today = stockholmDate(new Date())): CertificationStatus {
    return certificationStatus(cert, today);
  }

  /** Visible (own or as administrator) or NOT_FOUND; then administrators only, else FORBIDDEN. */
  private async manageable(actor: Actor, id: string): Promise<CertificationEntity> {
    const cert = await this.certifications.findOne({ where: { id } });
    const person = cert ? await this.people.findOne({ where: { id: cert.personId } }) : null;
    if (!cert || !person || !canSeeCertifications(actor, person))
      throw new NotFoundError('certification', id);
    this.access.assertAdminOf(actor, person.organisationId);
    return cert;
  }

  private assertDatesOrdered(issuedOn: string, validUntil: string): void {
    if (validUntil < issuedOn) {
      const message = `The last valid day (${validUntil}) cannot be before the issue date (${issuedOn}).`;
      throw new BadInputError(message, [{ field: 'validUntil', code: 'BEFORE_ISSUED_ON', message }]);
    }
  }
}
