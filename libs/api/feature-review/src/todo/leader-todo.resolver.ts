import { Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { LeaderTaskModel } from './leader-todo.models';
import { LeaderToDoService } from './leader-todo.service';

@Resolver(() => LeaderTaskModel)
@SignedIn()
export class LeaderToDoResolver {
  constructor(private readonly todo: LeaderToDoService) {}

  @Query(() => [LeaderTaskModel], {
    description:
      "The signed-in person's to-do as course leader, across the open cohorts they lead, oldest first: analyses awaiting their leader feedback, rounds ready to allocate, late publishers without a critical friend, meetings held without registered attendance. Personal: an administrator sees only the cohorts they lead themselves; anyone else gets an empty list.",
  })
  leaderToDo(@CurrentActor() actor: Actor): Promise<LeaderTaskModel[]> {
    return this.todo.forLeader(actor);
  }
}
