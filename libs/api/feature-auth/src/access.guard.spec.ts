import 'reflect-metadata';
import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError } from '@stl/api/util-errors';
import { AccessGuard } from './access.guard';
import { Public, SignedIn } from './access.decorators';
import type { Actor } from './actor';
import { hasRole, schoolsLedBy } from './actor';
import type { SessionService } from './session.service';

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
}

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
  const req: { cookies: Record<string, string>; actor?: Actor | null } = { cookies };
  const ctx = {
    getType: () => 'graphql',
    getHandler: () => (cls.prototype as Record<string, unknown>)[method],
    getClass: () => cls,
    getArgs: () => [{}, {}, { req }, {}],
    getArgByIndex: (i: number) => [{}, {}, { req }, {}][i],
  } as unknown as ExecutionContext;
  return { ctx, req };
}

describe('AccessGuard (deny by default)', () => {
  // The session lookup itself (cookie → session → actor) is SessionService's, tested with it.
  const sessions = {
    actorOf: jest.fn(async (req: { cookies: Record<string, string>; actor?: Actor | null }) => {
      req.actor ??= req.cookies['stl_session'] === 'good-token-good-token-1' ? actor : null;
      return req.actor;
    }),
  };
  const guard = new AccessGuard(new Reflector(), sessions as unknown as SessionService);

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

  it('lets a method override its class', async () => {
    const { ctx } = graphqlContext(SignedInResolver, 'open');
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
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
