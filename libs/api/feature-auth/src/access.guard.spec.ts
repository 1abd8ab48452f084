import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError } from '@stl/api/util-errors';
import { AccessGuard } from './access.guard';
import {
  PUBLIC_ACCEPTING_INPUT_KEY,
  PlatformOperatorOnly,
  Public,
  PublicAcceptingInput,
  SignedIn,
} from './access.decorators';
import type { Actor, OperatorActor, SessionHolder } from './actor';
import { hasRole, schoolsLedBy } from './actor';
import { SessionService } from './session.service';
import { loadConfig } from '@stl/api/util-config';

class Undeclared {
  handler(): void {
    return;
  }
}
@Public()
class PublicResolver {
  handler(): void {
    return;
  }
}
@SignedIn()
class SignedInResolver {
  handler(): void {
    return;
  }
  @Public()
  open(): void {
    return;
  }
  @PublicAcceptingInput()
  openToAnyInput(): void {
    return;
  }
}

@PlatformOperatorOnly()
class OperatorResolver {
  handler(): void {
    return;
  }
}

const operator: OperatorActor = { personId: 'op1', locale: 'sv' as Actor['locale'], sessionId: 'y' };

const actor: Actor = {
  personId: 'p1',
  organisationId: 'o1',
  schoolId: 's1',
  locale: 'sv' as Actor['locale'],
  sessionId: 'x',
  grants: [
    { role: 'SCHOOL_LEADER' as Actor['grants'][0]['role'], organisationId: 'o1', schoolId: 's1' },
    { role: 'TEACHER' as Actor['grants'][0]['role'], organisationId: 'o1', schoolId: null },
  ],
};

function graphqlContext(cls: new () => object, method: string, cookies: Record<string, string> = {}) {
  const req: { cookies: Record<string, string>; actor?: Actor | null; operator?: OperatorActor | null } = {
    cookies,
  };
  const ctx = {
    getType: () => 'graphql',
    getHandler: () => (cls.prototype as Record<string, unknown>)[method],
    getClass: () => cls,
    getArgs: () => [{}, {}, { req }, {}],
    getArgByIndex: (i: number) => [{}, {}, { req }, {}][i],
  } as unknown as ExecutionContext;
  return { ctx, req };
}

/** A plain HTTP route (a download), as Nest hands it to a guard. */
function httpContext(cls: new () => object, method: string, cookies: Record<string, string> = {}) {
  const req: { cookies: Record<string, string>; actor?: Actor | null; operator?: OperatorActor | null } = {
    cookies,
  };
  const ctx = {
    getType: () => 'http',
    getHandler: () => (cls.prototype as Record<string, unknown>)[method],
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, req };
}

describe('AccessGuard (deny by default)', () => {
  const sessions = {
    resolveHolder: jest.fn(async (t: string): Promise<SessionHolder | null> =>
      t === 'good-token-good-token-1'
        ? { actor, operator: null }
        : t === 'operator-token-operator-1'
          ? { actor: null, operator }
          : null,
    ),
  };
  // SessionService's own actorOf (cookie → holder, once per request) over a mocked lookup.
  const service = Object.assign(Object.create(SessionService.prototype) as SessionService, sessions, {
    config: loadConfig({}),
  });
  const guard = new AccessGuard(new Reflector(), service);

  it('refuses a resolver that declares no access level, even for a signed-in person', async () => {
    const { ctx } = graphqlContext(Undeclared, 'handler', { stl_session: 'good-token-good-token-1' });
    await expect(guard.canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets anyone call a public resolver and still resolves who they are', async () => {
    const { ctx, req } = graphqlContext(PublicResolver, 'handler', {
      stl_session: 'good-token-good-token-1',
    });
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(req.actor).toBe(actor);
  });

  it('asks for sign-in on a signed-in resolver without a valid session', async () => {
    const { ctx } = graphqlContext(SignedInResolver, 'handler', { stl_session: 'unknown-token-unknown' });
    await expect(guard.canActivate(ctx)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a platform operator everything declared for members (ADR 0015)', async () => {
    const { ctx, req } = graphqlContext(SignedInResolver, 'handler', {
      stl_session: 'operator-token-operator-1',
    });
    await expect(guard.canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenError);
    expect(req).toMatchObject({ actor: null, operator });
  });

  it('lets operators, and only operators, call operator resolvers', async () => {
    const asOperator = graphqlContext(OperatorResolver, 'handler', {
      stl_session: 'operator-token-operator-1',
    });
    await expect(guard.canActivate(asOperator.ctx)).resolves.toBe(true);
    const asMember = graphqlContext(OperatorResolver, 'handler', { stl_session: 'good-token-good-token-1' });
    await expect(guard.canActivate(asMember.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    const anonymous = graphqlContext(OperatorResolver, 'handler');
    await expect(guard.canActivate(anonymous.ctx)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('applies the same levels to plain HTTP routes (downloads), and no operator level there', async () => {
    const signedIn = httpContext(SignedInResolver, 'handler', { stl_session: 'good-token-good-token-1' });
    await expect(guard.canActivate(signedIn.ctx)).resolves.toBe(true);
    expect(signedIn.req.actor).toBe(actor);
    const anonymous = httpContext(SignedInResolver, 'handler');
    await expect(guard.canActivate(anonymous.ctx)).rejects.toBeInstanceOf(UnauthenticatedError);
    const asOperator = httpContext(SignedInResolver, 'handler', { stl_session: 'operator-token-operator-1' });
    await expect(guard.canActivate(asOperator.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    const operatorRoute = httpContext(OperatorResolver, 'handler', {
      stl_session: 'operator-token-operator-1',
    });
    await expect(guard.canActivate(operatorRoute.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    const undeclared = httpContext(Undeclared, 'handler', { stl_session: 'good-token-good-token-1' });
    await expect(guard.canActivate(undeclared.ctx)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(guard.canActivate(httpContext(PublicResolver, 'handler').ctx)).resolves.toBe(true);
  });

  it('lets a method override its class', async () => {
    const { ctx } = graphqlContext(SignedInResolver, 'open');
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
  });

  it('takes @PublicAcceptingInput() as public, marked for the fuzz test (and @Public() unmarked)', async () => {
    const { ctx } = graphqlContext(SignedInResolver, 'openToAnyInput');
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    const reflector = new Reflector();
    expect(reflector.get(PUBLIC_ACCEPTING_INPUT_KEY, SignedInResolver.prototype.openToAnyInput)).toBe(true);
    expect(reflector.get(PUBLIC_ACCEPTING_INPUT_KEY, SignedInResolver.prototype.open)).toBeUndefined();
  });
});

describe('actor helpers', () => {
  it('reads roles per organisation', () => {
    expect(hasRole(actor, 'TEACHER' as Actor['grants'][0]['role'])).toBe(true);
    expect(hasRole(actor, 'TEACHER' as Actor['grants'][0]['role'], 'o2')).toBe(false);
    expect(hasRole(actor, 'ADMINISTRATOR' as Actor['grants'][0]['role'])).toBe(false);
    expect(schoolsLedBy(actor)).toEqual(['s1']);
  });
});
