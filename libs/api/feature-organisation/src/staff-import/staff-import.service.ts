import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AuditEventKind,
  AuditTargetType,
  isUniqueViolation,
  Locale,
  OrganisationEntity,
  PersonEntity,
  Role,
  RoleGrantEntity,
  SchoolEntity,
} from '@stl/api/data-access-db';
import { InvitationService } from '@stl/api/feature-account';
import { AccessPolicy, AuditService } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError, DomainError } from '@stl/api/util-errors';
import { normaliseEmail } from '../person/role-rules';
import { readStaffFile } from './staff-file';
import type { StaffTable } from './staff-file';
import type { StaffImportPreviewModel, StaffImportResultModel } from './staff-import.models';
import { planStaffImport, staffColumns, StaffImportOutcome } from './staff-import.rules';
import type { KnownPerson, PlannedRow } from './staff-import.rules';

/**
 * Staff import for administrators: a CSV or XLSX file of people (name, e-mail, school, roles) is
 * previewed row by row and applied all or nothing, in one transaction (issue 9).
 */
@Injectable()
export class StaffImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly invitations: InvitationService,
    private readonly audit: AuditService,
  ) {}

  async preview(actor: Actor, organisationId: string, file: string): Promise<StaffImportPreviewModel> {
    this.access.assertAdminOf(actor, organisationId);
    const table = await readStaffFile(file);
    const rows = await this.plan(this.dataSource.manager, organisationId, table);
    const count = (o: StaffImportOutcome) => rows.filter((r) => r.outcome === o).length;
    return {
      kind: table.kind,
      rows,
      newCount: count(StaffImportOutcome.NEW),
      updateCount: count(StaffImportOutcome.UPDATE),
      unchangedCount: count(StaffImportOutcome.UNCHANGED),
      errorCount: count(StaffImportOutcome.ERROR),
    };
  }

  /**
   * Checks the file again and applies it in one transaction. Any row with a problem refuses the
   * whole file (BAD_USER_INPUT, each problem as `rows.<line>.<column>`) and nothing is written.
   */
  async apply(
    actor: Actor,
    organisationId: string,
    file: string,
    sendInvitations: boolean,
  ): Promise<StaffImportResultModel> {
    this.access.assertAdminOf(actor, organisationId);
    const table = await readStaffFile(file);
    try {
      return await this.dataSource.transaction(async (m) => {
        // One import at a time per organisation, so two files cannot both add the same address.
        await m.findOne(OrganisationEntity, {
          where: { id: organisationId },
          lock: { mode: 'pessimistic_write' },
        });
        const rows = await this.plan(m, organisationId, table);
        const refused = rows.filter((r) => r.outcome === StaffImportOutcome.ERROR);
        if (refused.length) {
          const problems = refused.flatMap((r) =>
            r.problems.map((p) => ({ ...p, field: `rows.${r.line}.${p.field}` })),
          );
          throw new BadInputError(
            `${refused.length} ${refused.length === 1 ? 'row has' : 'rows have'} problems; nothing was imported.`,
            problems,
          );
        }
        const created: string[] = [];
        let updated = 0;
        for (const row of rows) {
          if (!row.write) continue;
          let personId = row.personId;
          if (row.outcome === StaffImportOutcome.NEW) {
            const person = await m.save(
              m.create(PersonEntity, {
                organisationId,
                fullName: row.write.fullName,
                email: row.write.email,
                schoolId: row.write.schoolId,
                locale: Locale.sv,
                passwordHash: null,
                active: true,
              }),
            );
            personId = person.id;
            created.push(person.id);
          } else {
            await m.update(
              PersonEntity,
              { id: row.personId as string },
              { fullName: row.write.fullName, schoolId: row.write.schoolId },
            );
            updated++;
          }
          if (row.write.grants.length) {
            const { raw } = await m
              .createQueryBuilder()
              .insert()
              .into(RoleGrantEntity)
              .values(row.write.grants.map((g) => ({ personId: personId as string, organisationId, ...g })))
              .orIgnore()
              .returning('"role", "school_id"')
              .execute();
            // Each role really added, in this transaction (ADR 0029).
            for (const g of raw as { role: Role; school_id: string | null }[])
              await this.audit.record(
                {
                  kind: AuditEventKind.ROLE_GRANTED,
                  ...AuditService.by(actor),
                  target: { type: AuditTargetType.PERSON, id: personId as string },
                  details: { role: g.role, schoolId: g.school_id ?? null, via: 'STAFF_IMPORT' },
                },
                m,
              );
          }
        }
        const invited = sendInvitations ? await this.invite(m, created, actor.personId) : 0;
        return {
          created: created.length,
          updated,
          unchanged: rows.filter((r) => r.outcome === StaffImportOutcome.UNCHANGED).length,
          invited,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'CONFLICT',
          'Someone else added one of these people at the same time; preview again.',
        );
      }
      throw error;
    }
  }

  /** Invitation mail (ADR 0013) for the people added, in this transaction; how many were invited. */
  private async invite(m: EntityManager, personIds: readonly string[], invitedById: string): Promise<number> {
    await this.invitations.invite(m, personIds, invitedById);
    return personIds.length;
  }

  private async plan(m: EntityManager, organisationId: string, table: StaffTable): Promise<PlannedRow[]> {
    const columns = staffColumns(table.rows[0]);
    const emails = [
      ...new Set(
        table.rows
          .slice(1)
          .map((r) => normaliseEmail(r[columns.email] ?? ''))
          .filter((e) => e),
      ),
    ];
    const [schools, people] = await Promise.all([
      m.find(SchoolEntity, { where: { organisationId } }),
      emails.length ? m.find(PersonEntity, { where: { email: In(emails) } }) : Promise.resolve([]),
    ]);
    const grants = people.length
      ? await m.find(RoleGrantEntity, { where: { personId: In(people.map((p) => p.id)), organisationId } })
      : [];
    const known = new Map<string, KnownPerson>(
      people.map((p) => [
        p.email,
        {
          id: p.id,
          email: p.email,
          fullName: p.fullName,
          organisationId: p.organisationId,
          schoolId: p.schoolId,
          grants: grants
            .filter((g) => g.personId === p.id)
            .map((g) => ({ role: g.role, schoolId: g.schoolId })),
        },
      ]),
    );
    return planStaffImport(table, organisationId, schools, known);
  }
}
