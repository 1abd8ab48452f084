import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { OrganisationDashboardArgs } from './dashboard.args';
import { OrganisationDashboardModel } from './dashboard.models';
import { DashboardService } from './dashboard.service';

@Resolver(() => OrganisationDashboardModel)
@SignedIn()
export class DashboardResolver {
  constructor(private readonly dashboard: DashboardService) {}

  @Query(() => OrganisationDashboardModel, {
    description:
      "The organisation's follow-up across cohorts, schools and school years (issue 14): administrators see every cohort of their organisation, course leaders the cohorts they lead; teachers and school leaders are refused.",
  })
  organisationDashboard(
    @CurrentActor() actor: Actor,
    @Args() args: OrganisationDashboardArgs,
  ): Promise<OrganisationDashboardModel> {
    return this.dashboard.dashboard(actor, args);
  }
}
