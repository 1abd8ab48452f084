import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AttachmentStorageKind,
  PersonEntity,
  PrivacyLogEntity,
  PrivacyLogKind,
} from '@stl/api/data-access-db';
import { AccessPolicy, AuditService } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { AttachmentStores } from '@stl/api/feature-analysis';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '@stl/api/util-errors';
import { isPlaceholder, personRow, placeholderOf } from '../registry/person.handler';
import type { ErasureContext, ErasureCounts } from '../registry/person-data';
import { PERSON_DATA_HANDLERS } from '../registry/registry';
import type { ErasePersonInput, PersonErasureModel } from './erasure.models';

/**
 * Erasure on request (GDPR art. 17; ADR 0030): one transaction runs every handler of the registry
 * and then anonymises the person row into a placeholder. Working material goes (drafts, mail
 * choices, sessions, links, single sign-on identities, unsent mail); course records stay, pointing
 * at the placeholder, so the cohort's figures stand; published work waits for the retention
 * schedule. The cohorts the person belongs to are locked first (cohort order), as a cohort command
 * would (ADR 0012), so no command of theirs interleaves. Logged in `privacy_log` with counts only.
 */
@Injectable()
export class ErasureService {
  private readonly log = new Logger('Erasure');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly stores: AttachmentStores,
    private readonly audit: AuditService,
  ) {}

  async erase(actor: Actor, input: ErasePersonInput): Promise<PersonErasureModel> {
    const s3Files: string[] = [];
    const result = await this.dataSource.transaction(async (m) => {
      const person = await m.findOne(PersonEntity, {
        where: { id: input.personId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person || person.organisationId !== actor.organisationId)
        throw new NotFoundError('person', input.personId);
      this.access.assertAdminOf(actor, person.organisationId);
      if (person.id === actor.personId)
        throw new DomainError(
          ErrorCode.Conflict,
          'Administrators cannot erase themselves: ask another administrator.',
        );
      if (isPlaceholder(person))
        throw new DomainError(ErrorCode.Conflict, "This person's data is already erased.");
      if (input.confirmation.trim() !== person.fullName.trim())
        throw new BadInputError("The confirmation is not the person's full name.", [
          {
            field: 'confirmation',
            code: 'CONFIRMATION_MISMATCH',
            message: "Type the person's full name as shown.",
          },
        ]);
      await m.query(
        `SELECT c.id FROM cohort c WHERE c.id IN (SELECT cohort_id FROM cohort_membership WHERE person_id = $1)
          ORDER BY c.id FOR UPDATE`,
        [person.id],
      );
      const placeholder = placeholderOf(person.id);
      const ctx: ErasureContext = {
        m,
        person,
        placeholder,
        removeStoredFiles: (rows) =>
          s3Files.push(...rows.filter((r) => r.storage === AttachmentStorageKind.S3).map((r) => r.id)),
      };
      const counts: ErasureCounts = {};
      for (const handler of [...PERSON_DATA_HANDLERS, personRow]) {
        for (const [kind, n] of Object.entries(await handler.erase(ctx)))
          counts[kind] = (counts[kind] ?? 0) + n;
      }
      const changed = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      await m.insert(PrivacyLogEntity, {
        organisationId: person.organisationId as string,
        kind: PrivacyLogKind.ERASURE,
        actorId: actor.personId,
        subjectId: person.id,
        counts: changed,
      });
      // The audit log (ADR 0029) says who erased whom, and which kinds of record: ids and codes only.
      await this.audit.recordErasure(m, {
        actorId: actor.personId,
        organisationId: person.organisationId as string,
        personId: person.id,
        details: { kinds: Object.keys(changed), rows: Object.values(changed).reduce((a, b) => a + b, 0) },
      });
      return {
        personId: person.id,
        placeholderName: placeholder.fullName,
        counts: Object.entries(changed).map(([kind, count]) => ({ kind, count })),
      };
    });
    if (s3Files.length)
      await this.stores.of(AttachmentStorageKind.S3).remove(this.dataSource.manager, s3Files);
    this.log.log(
      `Erased person ${result.personId} (now "${result.placeholderName}") on request of ${actor.personId}: ${result.counts.map((c) => `${c.kind} ${c.count}`).join(', ')}.`,
    );
    return result;
  }
}
