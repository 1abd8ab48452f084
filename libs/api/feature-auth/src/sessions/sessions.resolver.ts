import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { CurrentActor, SignedIn } from '../access.decorators';
import type { Actor } from '../actor';
import type { RequestContext } from '../request-context';
import { SessionService } from '../session.service';
import { SessionModel } from './session.model';
import { summariseUserAgent } from './user-agent';

/**
 * "My sessions" (ADR 0004, amendment 2026-12): everyone signed in sees and ends their own sessions,
 * and only their own. There is no argument naming a person, so nobody can ask about anyone else's.
 */
@Resolver(() => SessionModel)
@SignedIn()
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [SessionModel], {
    description:
      "The signed-in person's own sessions that can still be used, most recently used first, this device's included. Only one's own: nobody, administrators included, sees anyone else's.",
  })
  async mySessions(@CurrentActor() actor: Actor): Promise<SessionModel[]> {
    const rows = await this.sessions.listOwn(actor);
    return rows.map((s) => ({
      id: s.publicId,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      endsAt: this.sessions.absoluteEnd(s.createdAt),
      ...summariseUserAgent(s.userAgent),
      current: s.id === actor.sessionId,
    }));
  }

  @Mutation(() => Boolean, {
    description:
      "Ends one of the signed-in person's own sessions: that browser is signed out at its next request. Someone else's session, or one already ended, answers NOT_FOUND and nothing changes. Ending this device's own session signs out here too. True when it ended.",
  })
  async endMySession(
    @Args('id', { type: () => ID, description: 'The id of one of my sessions (Session.id).' }, ParseIdPipe)
    id: string,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const { current } = await this.sessions.endOwn(actor, id);
    if (current) this.forget(ctx);
    return true;
  }

  @Mutation(() => Int, {
    description:
      "Signs the signed-in person out everywhere: ends all their sessions except this device's, or this one too when keepThisSession is false. Only one's own sessions. Answers how many ended.",
  })
  async signOutEverywhere(
    @Args('keepThisSession', {
      type: () => Boolean,
      defaultValue: true,
      description: "Keep this device signed in (the default); false ends this device's session too.",
    })
    keepThisSession: boolean,
    @CurrentActor() actor: Actor,
    @Context() ctx: RequestContext,
  ): Promise<number> {
    const ended = await this.sessions.endAllOwn(actor, keepThisSession);
    if (!keepThisSession) this.forget(ctx);
    return ended;
  }

  /** This request's session has ended: the browser drops its cookie, and the rest of the request is signed out. */
  private forget(ctx: RequestContext): void {
    ctx.res.clearCookie(this.config.session.cookieName, { path: '/' });
    ctx.req.actor = null;
  }
}
