import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AttachmentStorageKind,
  AttachmentVariant,
  PersonEntity,
  PrivacyLogEntity,
  PrivacyLogKind,
} from '@stl/api/data-access-db';
import type { AttachmentEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
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

/**
 * Builds a person's access export from every handler of the registry, in one REPEATABLE READ
 * transaction (one consistent snapshot), and records that it was made. Who may: the person, and
 * the administrators of their organisation; anyone else gets NOT_FOUND, as for a person they may
 * not see.
 */
@Injectable()
export class PersonExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly stores: AttachmentStores,
  ) {}

  async build(actor: Actor, personId: string, withFiles: boolean): Promise<PersonExportResult> {
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
      return { document, files, fullName: person.fullName, locale: person.locale };
    });
  }

  private read(m: EntityManager, a: AttachmentEntity): Promise<Buffer | null> {
    return this.stores.of(a.storage as AttachmentStorageKind).get(m, a.id, AttachmentVariant.FILE);
  }
}
