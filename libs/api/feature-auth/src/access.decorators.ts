import { SetMetadata, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '@stl/api/util-errors';
import type { Actor } from './actor';
import type { RequestContext } from './request-context';

export const ACCESS_KEY = 'stl:access';
export type AccessLevel = 'public' | 'signed-in';

/**
 * Every resolver declares who may call it; the global AccessGuard refuses anything undeclared.
 * Finer rules (admin of this organisation, leader of this cohort) live in AccessPolicy, per object.
 */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies AccessLevel);
export const SignedIn = () => SetMetadata(ACCESS_KEY, 'signed-in' satisfies AccessLevel);

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = GqlExecutionContext.create(ctx).getContext<RequestContext>().req;
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
});
