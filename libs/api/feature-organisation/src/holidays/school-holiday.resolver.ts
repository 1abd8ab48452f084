import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { SchoolHolidaysModel, SetSchoolHolidaysInput } from './school-holiday.models';
import { SchoolHolidayService } from './school-holiday.service';

@Resolver(() => SchoolHolidaysModel)
@SignedIn()
export class SchoolHolidayResolver {
  constructor(private readonly holidays: SchoolHolidayService) {}

  @Query(() => SchoolHolidaysModel, {
    description:
      "The organisation's school holidays of a school year, or the built-in defaults while it has set none. Anyone signed in to the organisation may read them (meeting suggestions avoid them); NOT_FOUND for another organisation; BAD_USER_INPUT for a school year that is not one.",
  })
  schoolHolidays(
    @Args('organisationId', { type: () => ID, description: 'The organisation.' }, ParseIdPipe)
    organisationId: string,
    @Args('schoolYear', { description: 'The school year, e.g. "2026/27".' }) schoolYear: string,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolHolidaysModel> {
    return this.holidays.get(actor, organisationId, schoolYear);
  }

  @Mutation(() => SchoolHolidaysModel, {
    description:
      "Sets the organisation's school holidays of a school year (the whole list; an empty one goes back to the defaults). Administrators of the organisation only (FORBIDDEN otherwise, NOT_FOUND for another organisation). BAD_USER_INPUT with a field problem per row (REQUIRED, TOO_LONG, INVALID_DATE, ENDS_BEFORE_START, OUTSIDE_SCHOOL_YEAR, HOLIDAYS_OVERLAP) or for the list (TOO_MANY_HOLIDAYS); nothing is saved then.",
  })
  setSchoolHolidays(
    @Args('input', {
      description: 'The organisation and its whole list of holidays, which replaces the old one.',
    })
    input: SetSchoolHolidaysInput,
    @CurrentActor() actor: Actor,
  ): Promise<SchoolHolidaysModel> {
    return this.holidays.set(actor, input);
  }
}
