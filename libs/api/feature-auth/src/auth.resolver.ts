import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEventKind, AuditOutcome, PersonEntity } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { DomainError } from '@stl/api/util-errors';
import { Public } from './access.decorators';
import { AuditService } from './audit/audit.service';
import { SignInInput } from './dto/sign-in.input';
import type { RequestContext } from './request-context';
import { clientAddress, LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SsoSettingsService } from './oidc/sso-settings.service';
import { SessionService } from './session.service';
import { ViewerModel } from './viewer.model';
import { ViewerService } from './viewer.service';

@Resolver(() => ViewerModel)
@Public()
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly sso: SsoSettingsService,
    private readonly viewers: ViewerService,
    private readonly audit: AuditService,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => ViewerModel, { nullable: true, description: 'The signed-in person, or null.' })
  async me(@Context() ctx: RequestContext): Promise<ViewerModel | null> {
    const personId = ctx.req.actor?.personId ?? ctx.req.operator?.personId;
    return personId ? this.viewers.load(personId) : null;
  }

  @Mutation(() => ViewerModel, {
    description:
      'Signs in with e-mail and password; sets the session cookie. INVALID_CREDENTIALS for a wrong e-mail or password alike; TOO_MANY_ATTEMPTS (details.retryAfterSeconds) after too many attempts on the account or from the address, also for the right password, until the wait is over. PASSWORD_SIGN_IN_DISABLED (details.ssoStartPath) for the right password of someone whose organisation uses single sign-on with password sign-in off.',
  })
  async signIn(
    @Args('input', { description: 'E-mail address and password.' }) input: SignInInput,
    @Context() ctx: RequestContext,
  ): Promise<ViewerModel> {
    const email = input.email.trim().toLowerCase();
    const address = clientAddress(ctx.req);
    // Counted before anything is hashed; refused while locked (known and unknown e-mails alike).
    await this.throttle.admit(email, address);
    const person = await this.people
      .createQueryBuilder('p')
      .addSelect('p.passwordHash')
      .where('p.email = :email AND p.active', { email })
      .getOne();
    const ok = await this.passwords.verify(person?.passwordHash ?? null, input.password);
    if (!person || !ok) {
      // An address of nobody is not logged: it names no one of any organisation (ADR 0029).
      // Not awaited: a known address must not answer measurably slower than an unknown one.
      if (person) void this.failedSignIn(person, AuditOutcome.FAILED, 'INVALID_CREDENTIALS');
      throw new DomainError('INVALID_CREDENTIALS', 'That e-mail address and password do not match.');
    }
    // Said only after the right password, so it reveals nothing about who has an account (ADR 0014).
    const refusal = await this.sso.passwordRefusal(person);
    if (refusal) {
      void this.failedSignIn(person, AuditOutcome.REFUSED, 'PASSWORD_SIGN_IN_DISABLED');
      throw new DomainError(
        'PASSWORD_SIGN_IN_DISABLED',
        'Your organisation signs you in with single sign-on; password sign-in is off.',
        [],
        refusal,
      );
    }
    await this.throttle.succeeded(email, address);
    // A new session id; fields of the answer (Person.roles, Person.email…) see the person just signed in.
    await this.sessions.signInOn(ctx, person.id, 'PASSWORD');
    return this.viewers.load(person.id);
  }

  /** A password sign-in of a known person that did not sign them in, logged on its own (ADR 0029). */
  private failedSignIn(person: PersonEntity, outcome: AuditOutcome, code: string): Promise<void> {
    return this.audit.recordQuietly({
      kind: AuditEventKind.SIGN_IN,
      outcome,
      actorId: person.id,
      organisationId: person.organisationId,
      target: null,
      details: { method: 'PASSWORD', code },
    });
  }

  @Mutation(() => Boolean, { description: 'Ends this session; true when one was signed in.' })
  async signOut(@Context() ctx: RequestContext): Promise<boolean> {
    const token = (ctx.req.cookies as Record<string, string> | undefined)?.[this.config.session.cookieName];
    ctx.res.clearCookie(this.config.session.cookieName, { path: '/' });
    if (!token) return false;
    await this.sessions.end(token);
    ctx.req.actor = null;
    ctx.req.operator = null;
    return true;
  }
}
