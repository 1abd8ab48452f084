import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrganisationSupportSettingsEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import { DEFAULT_SUPPORT_THRESHOLDS } from '@stl/shared/domain';
import type { SupportThresholds } from '@stl/shared/domain';
import type { SetSupportThresholdsInput, SupportThresholdsModel } from './support-thresholds.models';

const RANGES = {
  behindAfterDays: [1, 60],
  needsSupportAfterDays: [1, 120],
  needsSupportRoundsMissed: [1, 12],
} as const;

/**
 * The organisation's thresholds of the support signal (course rule 8): one row per organisation,
 * the domain's defaults without one. Read by the organisation's own people, set by its administrators.
 */
@Injectable()
export class SupportThresholdsService {
  constructor(
    @InjectRepository(OrganisationSupportSettingsEntity)
    private readonly settings: Repository<OrganisationSupportSettingsEntity>,
    private readonly access: AccessPolicy,
  ) {}

  async get(actor: Actor, organisationId: string): Promise<SupportThresholdsModel> {
    this.access.assertMemberOf(actor, organisationId);
    const row = await this.settings.findOne({ where: { organisationId } });
    return { organisationId, ...(row ? pick(row) : DEFAULT_SUPPORT_THRESHOLDS), isDefault: !row };
  }

  async set(actor: Actor, input: SetSupportThresholdsInput): Promise<SupportThresholdsModel> {
    this.access.assertAdminOf(actor, input.organisationId);
    const problems: FieldProblem[] = [];
    for (const [field, [min, max]] of Object.entries(RANGES) as [
      keyof typeof RANGES,
      readonly [number, number],
    ][]) {
      const value = input[field];
      if (!Number.isInteger(value) || value < min || value > max) {
        problems.push({ field, code: 'INVALID', message: `Give a whole number from ${min} to ${max}.` });
      }
    }
    if (!problems.length && input.needsSupportAfterDays < input.behindAfterDays) {
      problems.push({
        field: 'needsSupportAfterDays',
        code: 'INVALID',
        message: 'Needing support cannot start before being behind: give at least as many days.',
      });
    }
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    const values = pick(input);
    await this.settings.upsert({ organisationId: input.organisationId, ...values }, ['organisationId']);
    return { organisationId: input.organisationId, ...values, isDefault: false };
  }
}

function pick(t: SupportThresholds): SupportThresholds {
  return {
    behindAfterDays: t.behindAfterDays,
    needsSupportAfterDays: t.needsSupportAfterDays,
    needsSupportRoundsMissed: t.needsSupportRoundsMissed,
  };
}
