import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { CohortReminderSettingsEntity, DEFAULT_REMINDER_SETTINGS } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import { CohortCommands } from '@stl/api/feature-cohort-commands';
import { CohortChangeKind } from '@stl/shared/domain';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import type { CohortReminderSettingsInput } from './dto/cohort-reminder-settings.input';

/** When a cohort's reminders go out; its leaders and the organisation's administrators set it. */
@Injectable()
export class CohortReminderSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly commands: CohortCommands,
  ) {}

  async read(actor: Actor, cohortId: string): Promise<CohortReminderSettingsEntity> {
    await this.access.assertCanManageCohort(actor, cohortId);
    return this.current(cohortId);
  }

  async update(
    actor: Actor,
    cohortId: string,
    input: CohortReminderSettingsInput,
  ): Promise<CohortReminderSettingsEntity> {
    const options = { actor: 'manage' } as const;
    return this.commands.run(actor, cohortId, CohortChangeKind.Settings, options, async (m) => {
      const next = { ...(await this.current(cohortId, m)), ...stripUndefined(input) };
      const days = next.overdueReminderDays;
      const problems: FieldProblem[] = [];
      if (days.some((d, i) => i > 0 && d <= days[i - 1])) {
        problems.push({
          field: 'overdueReminderDays',
          code: 'NOT_ASCENDING',
          message: 'List the days in ascending order, each once.',
        });
      }
      if (days.some((d) => d >= next.leaderNoticeAfterDays)) {
        problems.push({
          field: 'leaderNoticeAfterDays',
          code: 'BEFORE_LAST_REMINDER',
          message: 'The leaders are told after the last reminder to the reviewer.',
        });
      }
      if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
      await m.save(m.create(CohortReminderSettingsEntity, { ...next, cohortId }));
      return this.current(cohortId, m);
    });
  }

  private async current(
    cohortId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<CohortReminderSettingsEntity> {
    const found = await m.findOne(CohortReminderSettingsEntity, { where: { cohortId } });
    return (
      found ??
      Object.assign(new CohortReminderSettingsEntity(), {
        cohortId,
        ...DEFAULT_REMINDER_SETTINGS,
        overdueReminderDays: [...DEFAULT_REMINDER_SETTINGS.overdueReminderDays],
      })
    );
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
