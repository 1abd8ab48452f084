import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnalysisTemplateEntity,
  AnalysisTemplateVersionEntity,
  TemplateSectionEntity,
} from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import {
  AnalysisTemplatesArgs,
  CreateAnalysisTemplateInput,
  CreateTemplateVersionArgs,
} from './dto/template.inputs';
import { TemplateService } from './template.service';
import { ParseIdPipe } from '@stl/api/util-graphql';

@Resolver(() => AnalysisTemplateEntity)
@SignedIn()
export class TemplateResolver {
  constructor(private readonly service: TemplateService) {}

  @Query(() => [AnalysisTemplateEntity], { description: "Your organisation's analysis templates, by name." })
  analysisTemplates(@Args() args: AnalysisTemplatesArgs, @CurrentActor() actor: Actor) {
    return this.service.list(actor, args);
  }

  @Query(() => AnalysisTemplateEntity, {
    description: 'An analysis template by id, for members of its organisation.',
  })
  analysisTemplate(
    @Args('id', { type: () => ID, description: 'The template.' }, ParseIdPipe) id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.get(actor, id);
  }

  @Mutation(() => AnalysisTemplateEntity, {
    description: 'Creates a template with its version 1. Administrators only.',
  })
  createAnalysisTemplate(
    @Args('input', { description: 'The new template.' }) input: CreateAnalysisTemplateInput,
    @CurrentActor() actor: Actor,
  ) {
    return this.service.create(actor, input);
  }

  @Mutation(() => AnalysisTemplateVersionEntity, {
    description:
      'Adds a new version; earlier versions, and rounds using them, stay as they are. Administrators only.',
  })
  createAnalysisTemplateVersion(@Args() args: CreateTemplateVersionArgs, @CurrentActor() actor: Actor) {
    return this.service.createVersion(actor, args);
  }

  @ResolveField(() => [AnalysisTemplateVersionEntity], { description: 'Oldest first.' })
  versions(@Parent() template: AnalysisTemplateEntity, @Context() ctx: RequestContext) {
    return this.service.versionsOf(ctx.req, template.id);
  }

  @ResolveField(() => AnalysisTemplateVersionEntity, {
    nullable: true,
    description: "The template's newest version; null before the first.",
  })
  async latestVersion(
    @Parent() template: AnalysisTemplateEntity,
    @Context() ctx: RequestContext,
  ): Promise<AnalysisTemplateVersionEntity | null> {
    const versions = await this.service.versionsOf(ctx.req, template.id);
    return versions[versions.length - 1] ?? null;
  }
}

@Resolver(() => AnalysisTemplateVersionEntity)
@SignedIn()
export class TemplateVersionResolver {
  constructor(private readonly service: TemplateService) {}

  @ResolveField(() => [TemplateSectionEntity], { description: 'In order.' })
  sections(
    @Parent() version: AnalysisTemplateVersionEntity,
    @Context() ctx: RequestContext,
  ): Promise<TemplateSectionEntity[]> {
    return this.service.sectionsOf(ctx.req, version.id);
  }
}
