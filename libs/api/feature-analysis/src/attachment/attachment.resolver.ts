import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnalysisEntity, AnalysisVersionEntity, AttachmentEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { ParseIdPipe, groupBy, requestLoader } from '@stl/api/util-graphql';
import { AttachmentService } from './attachment.service';

/** An attachment's own fields: where its file and thumbnail are served. */
@Resolver(() => AttachmentEntity)
@SignedIn()
export class AttachmentResolver {
  constructor(private readonly attachments: AttachmentService) {}

  @ResolveField(() => String, {
    description:
      'Where the file is served (GET, same origin, with the session cookie): to the people who may read the analysis or version it is listed on.',
  })
  url(@Parent() a: AttachmentEntity): string {
    return `/files/${a.id}`;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'A small WebP picture of an image (at most 320 pixels a side); null for a PDF.',
  })
  thumbnailUrl(@Parent() a: AttachmentEntity): string | null {
    return a.hasThumbnail ? `/files/${a.id}/thumbnail` : null;
  }

  @Mutation(() => AttachmentEntity, {
    description:
      "Removes a file from my analysis's working copy (the author only; others get NOT_FOUND). A file that a published version lists stays with that version until a new one is published without it; any other file is deleted. Files are uploaded with POST /files (multipart), not through GraphQL.",
  })
  removeAttachment(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The attachment.' }, ParseIdPipe) id: string,
  ): Promise<AttachmentEntity> {
    return this.attachments.remove(actor, id);
  }
}

/** The working copy's attachments, on the analysis. */
@Resolver(() => AnalysisEntity)
@SignedIn()
export class AnalysisAttachmentsResolver {
  constructor(private readonly attachments: AttachmentService) {}

  @ResolveField(() => [AttachmentEntity], {
    description:
      "The files attached to the working copy, oldest first: for its author only (anyone else gets an empty list; readers see a published version's `attachments`).",
  })
  async draftAttachments(
    @Parent() a: AnalysisEntity,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<AttachmentEntity[]> {
    if (a.authorId !== actor.personId) return [];
    return requestLoader<string, AttachmentEntity[]>(
      ctx.req,
      'analysis.draftAttachments',
      async (ids) => groupBy(await this.attachments.ofDrafts(ids), (x) => x.analysisId),
      [],
    ).load(a.id);
  }
}

/** A published version's attachments: frozen when it was published. */
@Resolver(() => AnalysisVersionEntity)
@SignedIn()
export class VersionAttachmentsResolver {
  constructor(private readonly service: AttachmentService) {}

  @ResolveField(() => [AttachmentEntity], {
    description:
      'The files this version was published with, oldest first; they never change. Seen by whoever may read the analysis.',
  })
  attachments(
    @Parent() v: AnalysisVersionEntity,
    @Context() ctx: RequestContext,
  ): Promise<AttachmentEntity[]> {
    return requestLoader<string, AttachmentEntity[]>(
      ctx.req,
      'analysisVersion.attachments',
      async (ids) => {
        const rows = await this.service.ofVersions(ids);
        const grouped = groupBy(rows, (r) => r.versionId);
        return new Map([...grouped].map(([k, list]) => [k, list.map((r) => r.attachment)]));
      },
      [],
    ).load(v.id);
  }
}
