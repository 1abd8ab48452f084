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
      // Plain HTTP routes declare @Public() (health) or @SignedIn() (downloads) the same way.
      if (level === 'public') return true;
      if (level !== 'signed-in') throw new ForbiddenError('This route declares no access rule.');
    }
    const req =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<RequestContext>().req
        : context.switchToHttp().getRequest<RequestContext['req']>();
    await this.sessions.actorOf(req);
    if (level === 'public') return true;
    if (level === 'signed-in') {
      // Platform operators run the service and never see course content (ADR 0015).
      if (!req.actor && req.operator) throw new ForbiddenError('A platform operator has no access to this.');
      if (!req.actor) throw new UnauthenticatedError();
      return true;
    }
    if (level === 'operator') {
      if (req.operator) return true;
      if (req.actor) throw new ForbiddenError('Only a platform operator may do this.');
      throw new UnauthenticatedError();
    }
    throw new ForbiddenError('This operation declares no access rule.');
  }
}
