import { Args, Field, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnalysisDraftSnapshotEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { Paginated, ParseIdPipe } from '@stl/api/util-graphql';
import { AnswerModel } from '../analysis/analysis.models';
import { summarise } from './draft-history';
import { DraftHistoryArgs } from './draft-history.inputs';
import { DraftHistoryService } from './draft-history.service';

@ObjectType('DraftSnapshotSection', {
  description: "One section of a draft snapshot, summarised for a list. Seen by the analysis's author only.",
})
export class DraftSnapshotSectionModel {
  @Field({ description: "The template section's key." })
  sectionKey!: string;

  @Field(() => Int, { description: 'How many words the section held.' })
  words!: number;

  @Field({ description: 'The beginning of its text, as plain text (at most 160 characters).' })
  excerpt!: string;
}

const SnapshotPage = Paginated(AnalysisDraftSnapshotEntity, 'AnalysisDraftSnapshot');
type SnapshotPage = InstanceType<typeof SnapshotPage>;

/** Snapshots are reached only through the author-only queries below, so their fields need no further check. */
@Resolver(() => AnalysisDraftSnapshotEntity)
@SignedIn()
export class DraftHistoryResolver {
  constructor(private readonly history: DraftHistoryService) {}

  @Query(() => SnapshotPage, {
    description:
      "My draft's history (ADR 0028), newest first: earlier revisions and texts set aside in conflicts. The author only; for anyone else, leaders and administrators included, NOT_FOUND. Published versions are Analysis.versions.",
  })
  analysisDraftHistory(@CurrentActor() actor: Actor, @Args() args: DraftHistoryArgs): Promise<SnapshotPage> {
    return this.history.list(actor, args);
  }

  @Query(() => AnalysisDraftSnapshotEntity, {
    description:
      "One snapshot of my draft, with its full text. The analysis's author only; anyone else gets NOT_FOUND.",
  })
  analysisDraftSnapshot(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The snapshot, from analysisDraftHistory.' }, ParseIdPipe)
    id: string,
  ) {
    return this.history.read(actor, id);
  }

  @ResolveField(() => [DraftSnapshotSectionModel], {
    description: 'Per section: words and the beginning of the text, in the template’s order.',
  })
  sections(@Parent() s: AnalysisDraftSnapshotEntity): DraftSnapshotSectionModel[] {
    return summarise(s.answers);
  }

  @ResolveField(() => [AnswerModel], {
    description: 'The sections’ full sanitised HTML (for a text set aside: only the sections set aside).',
  })
  answers(@Parent() s: AnalysisDraftSnapshotEntity): AnswerModel[] {
    return Object.entries(s.answers).map(([sectionKey, html]) => ({ sectionKey, html }));
  }
}
