import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '@stl/api/util-errors';
import { ACCESS_KEY } from './access.decorators';
import type { AccessLevel } from './access.decorators';
import type { RequestContext } from './request-context';
import { SessionService } from './session.service';

/**
 * Global guard, deny by default: a resolver without @Public() or @SignedIn() (on the method or its
 * class) is refused, so forgetting a declaration fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (context.getType<string>() !== 'graphql') {
      // Plain HTTP routes (health) declare @Public() the same way.
      if (level === 'public') return true;
      throw new ForbiddenError('This route declares no access rule.');
    }
    const { req } = GqlExecutionContext.create(context).getContext<RequestContext>();
    await this.sessions.actorOf(req);
    if (level === 'public') return true;
    if (level === 'signed-in') {
      if (!req.actor) throw new UnauthenticatedError();
      return true;
    }
    throw new ForbiddenError('This operation declares no access rule.');
  }
}
