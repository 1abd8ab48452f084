import { SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '@stl/api/util-errors';
import type { Actor, OperatorActor } from './actor';
import type { RequestContext } from './request-context';

export const ACCESS_KEY = 'stl:access';
export type AccessLevel = 'public' | 'signed-in' | 'operator';

/**
 * Every resolver declares who may call it; the global AccessGuard refuses anything undeclared.
 * Finer rules (admin of this organisation, leader of this cohort) live in AccessPolicy, per object.
 */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies AccessLevel);
export const SignedIn = () => SetMetadata(ACCESS_KEY, 'signed-in' satisfies AccessLevel);
/** Platform operators only (ADR 0015); organisation members, administrators included, are FORBIDDEN. */
export const PlatformOperatorOnly = () => SetMetadata(ACCESS_KEY, 'operator' satisfies AccessLevel);

export const PUBLIC_ACCEPTING_INPUT_KEY = 'stl:public-accepting-input';
/**
 * Public, and accepts input from anyone signed out: any well-formed value gets an answer, not a
 * refusal, e.g. the certificate check (any code is answered "valid" or "not valid", ADR 0032) and
 * an accessibility report (any description of 10 characters or more, ADR 0036). The fuzz test
 * (apps/api/test/fuzz.int-spec.ts) lets only operations with this mark accept a made-up value
 * from a signed-out caller; every other public operation must refuse it.
 */
export const PublicAcceptingInput = () =>
  applyDecorators(Public(), SetMetadata(PUBLIC_ACCEPTING_INPUT_KEY, true));

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  // GraphQL resolvers, and plain HTTP routes declared @SignedIn() (downloads).
  const req =
    ctx.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(ctx).getContext<RequestContext>().req
      : ctx.switchToHttp().getRequest<RequestContext['req']>();
  // Field resolvers are not guarded; a platform operator still never gets an organisation actor.
  if (!req.actor && req.operator) throw new ForbiddenError('A platform operator has no access to this.');
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
});

/** The signed-in platform operator; only on resolvers declared @PlatformOperatorOnly(). */
export const CurrentOperator = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): OperatorActor => {
    const req = GqlExecutionContext.create(ctx).getContext<RequestContext>().req;
    if (!req.operator) throw new ForbiddenError('Only a platform operator may do this.');
    return req.operator;
  },
);
