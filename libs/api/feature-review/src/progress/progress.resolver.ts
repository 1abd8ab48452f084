import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { Paginated } from '@stl/api/util-graphql';
import { CohortProgressArgs, MyProgressArgs } from './dto/progress.args';
import { ParticipantProgressModel } from './progress.models';
import { ProgressService } from './progress.service';

const ParticipantProgressPage = Paginated(ParticipantProgressModel, 'ParticipantProgress');
type ParticipantProgressPage = InstanceType<typeof ParticipantProgressPage>;

@Resolver(() => ParticipantProgressModel)
@SignedIn()
export class ProgressResolver {
  constructor(private readonly progress: ProgressService) {}

  @Query(() => ParticipantProgressPage, {
    description:
      "Progress and completion of a cohort's participants (by school, then name): course leaders and admins see everyone, school leaders their own school's participants.",
  })
  cohortProgress(
    @CurrentActor() actor: Actor,
    @Args() args: CohortProgressArgs,
  ): Promise<ParticipantProgressPage> {
    return this.progress.cohortProgress(actor, args);
  }

  @Query(() => ParticipantProgressModel, { description: 'My own progress and completion in a cohort.' })
  myProgress(@CurrentActor() actor: Actor, @Args() args: MyProgressArgs): Promise<ParticipantProgressModel> {
    return this.progress.myProgress(actor, args.cohortId);
  }
}
