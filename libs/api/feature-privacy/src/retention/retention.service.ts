import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationEntity, RETENTION_RECORD_KINDS, RetentionRuleEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { BadInputError, NotFoundError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { PROCESSING } from '../record/record-of-processing';
import type { RecordOfProcessingModel } from '../record/record-of-processing.models';
import { RETENTION_KIND_RULES } from './record-kinds';
import type { RetentionScheduleModel, SetRetentionScheduleInput } from './retention.models';

/**
 * An organisation's retention schedule (ADR 0030): read and set by its administrators, one line per
 * kind of record; the record of processing is generated from the same lines.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async schedule(actor: Actor, organisationId: string): Promise<RetentionScheduleModel> {
    this.access.assertAdminOf(actor, organisationId);
    const rows = await this.dataSource.manager.find(RetentionRuleEntity, { where: { organisationId } });
    const months = new Map(rows.map((r) => [r.kind, r.months]));
    return {
      organisationId,
      rules: RETENTION_RECORD_KINDS.map((kind) => ({
        kind,
        months: months.get(kind) ?? null,
        ...RETENTION_KIND_RULES[kind],
      })),
    };
  }

  /** Sets the given lines in one transaction; every problem is reported and nothing is saved then. */
  async setSchedule(actor: Actor, input: SetRetentionScheduleInput): Promise<RetentionScheduleModel> {
    this.access.assertAdminOf(actor, input.organisationId);
    const problems: FieldProblem[] = input.rules.flatMap((r, i) => {
      const bounds = RETENTION_KIND_RULES[r.kind];
      if (r.months === null || (r.months >= bounds.minMonths && r.months <= bounds.maxMonths)) return [];
      return [
        {
          field: `rules.${i}.months`,
          code: 'RETENTION_OUT_OF_RANGE' as const,
          message: `Between ${bounds.minMonths} and ${bounds.maxMonths} months for ${r.kind}.`,
        },
      ];
    });
    const kinds = input.rules.map((r) => r.kind);
    kinds.forEach((k, i) => {
      if (kinds.indexOf(k) !== i)
        problems.push({ field: `rules.${i}.kind`, code: 'DUPLICATE_KEY', message: `${k} is given twice.` });
    });
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    await this.dataSource.transaction(async (m) => {
      for (const r of input.rules) {
        if (r.months === null)
          await m.delete(RetentionRuleEntity, { organisationId: input.organisationId, kind: r.kind });
        else
          await m.upsert(
            RetentionRuleEntity,
            { organisationId: input.organisationId, kind: r.kind, months: r.months },
            ['organisationId', 'kind'],
          );
      }
    });
    return this.schedule(actor, input.organisationId);
  }

  async recordOfProcessing(actor: Actor, organisationId: string): Promise<RecordOfProcessingModel> {
    const schedule = await this.schedule(actor, organisationId);
    const organisation = await this.dataSource.manager.findOne(OrganisationEntity, {
      where: { id: organisationId },
    });
    if (!organisation) throw new NotFoundError('organisation', organisationId);
    return {
      organisationId,
      organisationName: organisation.name,
      sessionHours: this.config.session.ttlHours,
      entries: PROCESSING.map((line) => ({
        category: line.category,
        erasedOnRequest: line.erasedOnRequest,
        retention: line.retentionKind
          ? (schedule.rules.find((r) => r.kind === line.retentionKind) ?? null)
          : null,
      })),
    };
  }
}
