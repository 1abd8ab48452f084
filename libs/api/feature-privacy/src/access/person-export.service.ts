import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AttachmentStorageKind,
  AttachmentVariant,
  AuditEventKind,
  AuditTargetType,
  PersonEntity,
  PrivacyLogEntity,
  PrivacyLogKind,
} from '@stl/api/data-access-db';
import type { AttachmentEntity } from '@stl/api/data-access-db';
import { AccessPolicy, AuditService } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { AttachmentStores } from '@stl/api/feature-analysis';
import { ForbiddenError, NotFoundError } from '@stl/api/util-errors';
import { personRow } from '../registry/person.handler';
import type { ExportFile } from '../registry/person-data';
import { PERSON_DATA_HANDLERS } from '../registry/registry';

/** Everything the platform holds about one person (GDPR art. 15 and 20), as one JSON document. */
export interface PersonExport {
  /** What this is, in the person's language; tells a reader of the JSON file what they hold. */
  about: { format: string; generatedAt: string; by: 'SELF' | 'ADMINISTRATOR' };
  person: Record<string, unknown>;
  [section: string]: unknown;
}

export interface PersonExportResult {
  document: PersonExport;
  /** The attachments, read (only when asked for: the ZIP). */
  files: { path: string; bytes: Buffer }[];
  fullName: string;
  locale: string;
}

/** The formats of an access export: machine-readable, readable, and both with the files. */
export const PERSON_EXPORT_FORMATS = ['json', 'html', 'zip'] as const;
export type PersonExportFormat = (typeof PERSON_EXPORT_FORMATS)[number];

/**
 * Builds a person's access export from every handler of the registry, in one REPEATABLE READ
 * transaction (one consistent snapshot), and records that it was made, in the privacy log and,
 * like every export, in the audit log (ADR 0029): no line, no file. Who may: the person, and
 * the administrators of their organisation; anyone else gets NOT_FOUND, as for a person they may
 * not see.
 */
@Injectable()
export class PersonExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly stores: AttachmentStores,
    private readonly audit: AuditService,
  ) {}

  async build(actor: Actor, personId: string, format: PersonExportFormat): Promise<PersonExportResult> {
    const withFiles = format === 'zip';
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const person = await m.findOne(PersonEntity, { where: { id: personId } });
      const self = person?.id === actor.personId;
      if (!person || (!self && person.organisationId !== actor.organisationId))
        throw new NotFoundError('person', personId);
      if (!self && !this.access.isAdminOf(actor, person.organisationId))
        throw new ForbiddenError(
          "Only the person and their organisation's administrators may download their data.",
        );
      const collected: ExportFile[] = [];
      const ctx = { m, person, files: collected, readAttachment: (a: AttachmentEntity) => this.read(m, a) };
      const document: PersonExport = {
        about: {
          format: 'STL personal data export, version 1 (GDPR art. 15 and 20)',
          generatedAt: new Date().toISOString(),
          by: self ? 'SELF' : 'ADMINISTRATOR',
        },
        ...(await personRow.export(ctx)),
      } as PersonExport;
      for (const handler of PERSON_DATA_HANDLERS) {
        const sections = await handler.export(ctx);
        for (const [key, value] of Object.entries(sections)) {
          if (key in document) throw new Error(`Two privacy handlers export the section "${key}".`);
          document[key] = value;
        }
      }
      const files = withFiles
        ? (await Promise.all(collected.map(async (f) => ({ path: f.path, bytes: await f.read() })))).filter(
            (f): f is { path: string; bytes: Buffer } => f.bytes !== null,
          )
        : [];
      await m.insert(PrivacyLogEntity, {
        organisationId: person.organisationId as string,
        kind: PrivacyLogKind.ACCESS_EXPORT,
        actorId: actor.personId,
        subjectId: person.id,
        counts: { files: files.length },
      });
      await this.audit.record(
        {
          kind: AuditEventKind.EXPORT,
          actorId: actor.personId,
          organisationId: person.organisationId,
          target: { type: AuditTargetType.PERSON, id: person.id },
          details: { export: 'personalData', format },
        },
        m,
      );
      return { document, files, fullName: person.fullName, locale: person.locale };
    });
  }

  private read(m: EntityManager, a: AttachmentEntity): Promise<Buffer | null> {
    return this.stores.of(a.storage as AttachmentStorageKind).get(m, a.id, AttachmentVariant.FILE);
  }
}
