import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SchoolHolidayEntity } from '@stl/api/data-access-db';
import { AccessPolicy } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { BadInputError } from '@stl/api/util-errors';
import type { FieldProblem } from '@stl/api/util-errors';
import {
  SCHOOL_HOLIDAY_NAMES,
  defaultSchoolHolidays,
  isIsoDate,
  parseSchoolYear,
  schoolHolidayProblems,
} from '@stl/shared/domain';
import type {
  SchoolHolidayModel,
  SchoolHolidaysModel,
  SetSchoolHolidaysInput,
} from './school-holiday.models';

const byDate = (a: SchoolHolidayModel, b: SchoolHolidayModel) =>
  a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.name.localeCompare(b.name, 'sv');

/**
 * An organisation's school holidays (lov) per school year (issue 19): its own list, or the built-in
 * defaults while it has set none for that year. Read by the organisation's people (meeting
 * suggestions avoid them); set, a whole year at a time, by its administrators.
 */
@Injectable()
export class SchoolHolidayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async get(actor: Actor, organisationId: string, schoolYear: string): Promise<SchoolHolidaysModel> {
    this.access.assertMemberOf(actor, organisationId);
    this.assertSchoolYear(schoolYear);
    const rows = await this.dataSource.manager.find(SchoolHolidayEntity, {
      where: { organisationId, schoolYear },
    });
    const holidays = rows.length
      ? rows.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn }))
      : defaultSchoolHolidays(schoolYear).map((h) => ({
          name: SCHOOL_HOLIDAY_NAMES[h.kind],
          startsOn: h.startsOn,
          endsOn: h.endsOn,
        }));
    return { organisationId, schoolYear, isDefault: rows.length === 0, holidays: holidays.sort(byDate) };
  }

  /** Replaces the year's list in one transaction; every problem is reported and nothing is saved then. */
  async set(actor: Actor, input: SetSchoolHolidaysInput): Promise<SchoolHolidaysModel> {
    this.access.assertAdminOf(actor, input.organisationId);
    this.assertSchoolYear(input.schoolYear);
    const dates: FieldProblem[] = input.holidays.flatMap((h, i) =>
      (['startsOn', 'endsOn'] as const)
        .filter((f) => !isIsoDate(h[f]))
        .map((f) => ({
          field: `holidays.${i}.${f}`,
          code: 'INVALID_DATE' as const,
          message: 'Give a date as YYYY-MM-DD.',
        })),
    );
    const problems: FieldProblem[] = dates.length
      ? dates
      : schoolHolidayProblems(input.schoolYear, input.holidays);
    if (problems.length) throw new BadInputError(problems.map((p) => p.message).join(' '), problems);
    await this.dataSource.transaction(async (m) => {
      await m.delete(SchoolHolidayEntity, {
        organisationId: input.organisationId,
        schoolYear: input.schoolYear,
      });
      if (input.holidays.length)
        await m.insert(
          SchoolHolidayEntity,
          input.holidays.map((h) => ({
            organisationId: input.organisationId,
            schoolYear: input.schoolYear,
            name: h.name.trim(),
            startsOn: h.startsOn,
            endsOn: h.endsOn,
          })),
        );
    });
    return this.get(actor, input.organisationId, input.schoolYear);
  }

  private assertSchoolYear(schoolYear: string): void {
    if (!parseSchoolYear(schoolYear))
      throw new BadInputError(`"${schoolYear}" is not a school year such as 2026/27.`, [
        { field: 'schoolYear', code: 'INVALID', message: 'Give a school year such as 2026/27.' },
      ]);
  }
}
