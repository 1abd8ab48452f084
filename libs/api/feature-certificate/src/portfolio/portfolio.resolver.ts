import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { PortfolioModel } from './portfolio.models';
import { PortfolioService } from './portfolio.service';

/** The teacher's portfolio (issue 14, ADR 0032): the teacher's own, nobody else's. */
@Resolver()
@SignedIn()
export class PortfolioResolver {
  constructor(private readonly portfolios: PortfolioService) {}

  @Query(() => PortfolioModel, {
    description:
      'My portfolio of a cohort I take part in: my analyses in round order with the feedback I received and my replies, and my closing reflection. The teacher only: FORBIDDEN for leaders, administrators and other participants, NOT_FOUND for outsiders.',
  })
  myPortfolio(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, description: 'The cohort.' }, ParseIdPipe) cohortId: string,
  ): Promise<PortfolioModel> {
    return this.portfolios.portfolio(actor, cohortId);
  }

  @Mutation(() => PortfolioModel, {
    description:
      'Saves my closing reflection in my portfolio of a cohort (plain text, at most 10 000 characters: BAD_USER_INPUT TOO_LONG); an empty text removes it. The teacher only. Returns the portfolio.',
  })
  async savePortfolioReflection(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, description: 'The cohort.' }, ParseIdPipe) cohortId: string,
    @Args('body', { description: 'The reflection, as plain text.' }) body: string,
  ): Promise<PortfolioModel> {
    await this.portfolios.saveReflection(actor, cohortId, body);
    return this.portfolios.portfolio(actor, cohortId);
  }
}
