import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  AnalysisEntity,
  AnalysisRoundEntity,
  AnalysisVersionEntity,
  PersonEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { Paginated, ParseIdPipe, groupBy, requestLoader } from '@stl/api/util-graphql';
import { AnalysisService } from './analysis.service';
import { DraftModel, SharedSpaceSchoolModel, SharedSpaceSearchPage } from './analysis.models';
import {
  PublishAnalysisInput,
  SaveAnalysisDraftInput,
  SearchSharedSpaceArgs,
  SharedSpaceArgs,
} from './dto/analysis.inputs';

const AnalysisPage = Paginated(AnalysisEntity, 'Analysis');
type AnalysisPage = InstanceType<typeof AnalysisPage>;

@Resolver(() => AnalysisEntity)
@SignedIn()
export class AnalysisResolver {
  constructor(
    private readonly analyses: AnalysisService,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(AnalysisRoundEntity) private readonly rounds: Repository<AnalysisRoundEntity>,
  ) {}

  @Query(() => AnalysisEntity, {
    nullable: true,
    description: 'My analysis for a round, or null before the first save.',
  })
  myAnalysis(
    @CurrentActor() actor: Actor,
    @Args('roundId', { type: () => ID, description: 'The round whose analysis to return.' }, ParseIdPipe)
    roundId: string,
  ) {
    return this.analyses.mine(actor, roundId);
  }

  @Query(() => AnalysisEntity, {
    description:
      "An analysis by id: its author always; once published, the cohort's participants, course leaders and the organisation's administrators. NOT_FOUND for anyone else, so its existence is not revealed.",
  })
  analysis(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The analysis.' }, ParseIdPipe) id: string,
  ) {
    return this.analyses.read(actor, id);
  }

  @Query(() => AnalysisPage, {
    description:
      "The cohort's shared space: its published analyses, newest first, for the cohort's participants, course leaders and administrators (not school leaders).",
  })
  sharedSpace(@CurrentActor() actor: Actor, @Args() args: SharedSpaceArgs): Promise<AnalysisPage> {
    return this.analyses.sharedSpace(actor, args);
  }

  @Query(() => SharedSpaceSearchPage, {
    description:
      "Searches the cohort's shared space in Swedish (ranked, with highlighted excerpts): the published analyses the caller may read there (the cohort's participants, course leaders and administrators; not school leaders), filtered like sharedSpace.",
  })
  searchSharedSpace(
    @CurrentActor() actor: Actor,
    @Args() args: SearchSharedSpaceArgs,
  ): Promise<SharedSpaceSearchPage> {
    return this.analyses.searchSharedSpace(actor, args);
  }

  @Query(() => [SharedSpaceSchoolModel], {
    description:
      "The schools whose teachers' analyses are in the cohort's shared space, by name, for filtering it; for those who may read the shared space.",
  })
  sharedSpaceSchools(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, description: 'The cohort whose shared space is meant.' }, ParseIdPipe)
    cohortId: string,
  ): Promise<SharedSpaceSchoolModel[]> {
    return this.analyses.sharedSpaceSchools(actor, cohortId);
  }

  @Mutation(() => AnalysisEntity, {
    description:
      'Saves my working copy (autosave). Refused with EDIT_CONFLICT, carrying the newer text, when the draft moved on since expectedRevision.',
  })
  saveAnalysisDraft(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The sections to save and the revision they start from.' })
    input: SaveAnalysisDraftInput,
  ) {
    return this.analyses.saveDraft(actor, input);
  }

  @Mutation(() => AnalysisEntity, {
    description:
      'Publishes my working copy to the cohort as a new version (feedback stays with earlier versions).',
  })
  publishAnalysis(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The analysis and the draft revision to publish.' })
    input: PublishAnalysisInput,
  ) {
    return this.analyses.publish(actor, input);
  }

  @ResolveField(() => DraftModel, { nullable: true, description: 'The working copy: its author only.' })
  draft(@Parent() a: AnalysisEntity, @CurrentActor() actor: Actor): DraftModel | null {
    if (a.authorId !== actor.personId) return null;
    return {
      revision: a.draftRevision,
      savedAt: a.draftSavedAt,
      answers: Object.entries(a.draftAnswers).map(([sectionKey, html]) => ({ sectionKey, html })),
    };
  }

  @ResolveField(() => [AnalysisVersionEntity], { description: 'Published versions, oldest first.' })
  versions(@Parent() a: AnalysisEntity, @Context() ctx: RequestContext) {
    return this.versionLoader(ctx).load(a.id);
  }

  @ResolveField(() => AnalysisVersionEntity, { nullable: true, description: 'The latest published version.' })
  async current(@Parent() a: AnalysisEntity, @Context() ctx: RequestContext) {
    const all = await this.versionLoader(ctx).load(a.id);
    return all.find((v) => v.version === a.publishedVersion) ?? null;
  }

  @ResolveField(() => PersonEntity, {
    description: "The analysis's author (names follow the viewer's right to see them).",
  })
  author(@Parent() a: AnalysisEntity, @Context() ctx: RequestContext) {
    // A list that joined the author's whole row in hands it over (myReviewTasks): never part of it,
    // as the name shown depends on protectedIdentity and pseudonym. Else the loader.
    if (a.author) return Promise.resolve(a.author);
    return requestLoader<string, PersonEntity | null>(
      ctx.req,
      'analysis.author',
      async (ids) => new Map((await this.people.findBy({ id: In([...ids]) })).map((p) => [p.id, p])),
      null,
    ).load(a.authorId);
  }

  @ResolveField(() => AnalysisRoundEntity, { description: 'The round the analysis answers.' })
  round(@Parent() a: AnalysisEntity, @Context() ctx: RequestContext) {
    if (a.round) return Promise.resolve(a.round);
    return requestLoader<string, AnalysisRoundEntity | null>(
      ctx.req,
      'analysis.round',
      async (ids) => new Map((await this.rounds.findBy({ id: In([...ids]) })).map((r) => [r.id, r])),
      null,
    ).load(a.roundId);
  }

  @ResolveField(() => Boolean, { description: "First published after the round's submission deadline." })
  async publishedLate(@Parent() a: AnalysisEntity, @Context() ctx: RequestContext): Promise<boolean> {
    if (!a.firstPublishedAt) return false;
    const round = await this.round(a, ctx);
    return !!round && a.firstPublishedAt.getTime() > round.submissionDeadline.getTime();
  }

  private versionLoader(ctx: RequestContext) {
    return requestLoader<string, AnalysisVersionEntity[]>(
      ctx.req,
      'analysis.versions',
      async (ids) => groupBy(await this.analyses.versionsOf(ids), (v) => v.analysisId),
      [],
    );
  }
}
