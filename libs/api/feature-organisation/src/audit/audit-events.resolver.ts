import { Args, Context, Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditEventEntity, PersonEntity } from '@stl/api/data-access-db';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { Paginated, requestLoader } from '@stl/api/util-graphql';
import { AuditEventsArgs } from './audit-events.args';
import { AuditLogService } from './audit-log.service';

@ObjectType({ description: 'One key and value of an audit event: an id, a code, a number or a yes/no.' })
export class AuditDetailModel {
  @Field({ description: 'What the value is, e.g. role, method, code, export, format, cohortId.' })
  key!: string;

  @Field({ description: 'The value as text; a list is joined with commas.' })
  value!: string;
}

/** `AuditEventPage`: a page of audit events, newest first. */
export const AuditEventPage = Paginated(AuditEventEntity, 'AuditEvent');
type AuditEventPage = InstanceType<typeof AuditEventPage>;

/** The details as key and value, in key order. */
export function auditDetails(event: AuditEventEntity): AuditDetailModel[] {
  return Object.keys(event.details ?? {})
    .sort()
    .map((key) => {
      const v = event.details[key];
      return { key, value: Array.isArray(v) ? v.join(',') : v === null ? '' : String(v) };
    });
}

/** The audit log (issue 12, ADR 0029): searched by the organisation's administrators only. */
@Resolver(() => AuditEventEntity)
@SignedIn()
export class AuditEventsResolver {
  constructor(
    private readonly log: AuditLogService,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
  ) {}

  @Query(() => AuditEventPage, {
    description:
      "Searches an organisation's audit log, newest first. Its administrators only; everyone else FORBIDDEN, another organisation NOT_FOUND, platform operators FORBIDDEN.",
  })
  auditEvents(@CurrentActor() actor: Actor, @Args() args: AuditEventsArgs): Promise<AuditEventPage> {
    return this.log.page(actor, args.organisationId, args.filter, args);
  }

  @ResolveField(() => [AuditDetailModel], {
    description:
      'Ids and codes saying more (role, method, error code, export, format…); never names or text.',
  })
  details(@Parent() event: AuditEventEntity): AuditDetailModel[] {
    return auditDetails(event);
  }

  @ResolveField(() => PersonEntity, {
    nullable: true,
    description:
      'The person who did it, while they are a person of this organisation; null when not signed in, erased or of no organisation (a platform operator).',
  })
  actor(
    @Parent() event: AuditEventEntity,
    @Context() ctx: RequestContext,
  ): Promise<PersonEntity | null> | null {
    if (!event.actorId || !event.organisationId) return null;
    const organisationId = event.organisationId;
    return requestLoader<string, PersonEntity | null>(
      ctx.req,
      'audit:actor',
      async (ids) =>
        new Map(
          (await this.people.findBy({ id: In([...ids]) }))
            .filter((p) => p.organisationId === organisationId)
            .map((p) => [p.id, p]),
        ),
      null,
    ).load(event.actorId);
  }
}
