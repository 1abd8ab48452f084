import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganisationEntity, PersonEntity, RoleGrantEntity } from '@stl/api/data-access-db';
import { APP_CONFIG } from '@stl/api/util-config';
import type { AppConfig } from '@stl/api/util-config';
import { DomainError } from '@stl/api/util-errors';
import { Public } from './access.decorators';
import { SignInInput } from './dto/sign-in.input';
import type { RequestContext } from './request-context';
import { clientAddress, LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SsoSettingsService } from './oidc/sso-settings.service';
import { SessionService, sessionCookieOptions } from './session.service';
import { ViewerModel } from './viewer.model';

@Resolver(() => ViewerModel)
@Public()
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly sso: SsoSettingsService,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(RoleGrantEntity) private readonly grants: Repository<RoleGrantEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => ViewerModel, { nullable: true, description: 'The signed-in person, or null.' })
  async me(@Context() ctx: RequestContext): Promise<ViewerModel | null> {
    const actor = ctx.req.actor;
    return actor ? this.viewer(actor.personId) : null;
  }

  @Mutation(() => ViewerModel, {
    description:
      'Signs in with e-mail and password; sets the session cookie. INVALID_CREDENTIALS for a wrong e-mail or password alike; TOO_MANY_ATTEMPTS (details.retryAfterSeconds) after too many attempts on the account or from the address, also for the right password, until the wait is over. PASSWORD_SIGN_IN_DISABLED (details.ssoStartPath) for the right password of someone whose organisation uses single sign-on with password sign-in off.',
  })
  async signIn(@Args('input') input: SignInInput, @Context() ctx: RequestContext): Promise<ViewerModel> {
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
    if (!person || !ok)
      throw new DomainError('INVALID_CREDENTIALS', 'That e-mail address and password do not match.');
    // Said only after the right password, so it reveals nothing about who has an account (ADR 0014).
    const refusal = await this.sso.passwordRefusal(person);
    if (refusal)
      throw new DomainError(
        'PASSWORD_SIGN_IN_DISABLED',
        'Your organisation signs you in with single sign-on; password sign-in is off.',
        [],
        refusal,
      );
    await this.throttle.succeeded(email, address);
    // Session fixation: a token the browser brought along is never adopted; it ends, and a new one starts.
    const presented = (ctx.req.cookies as Record<string, string> | undefined)?.[
      this.config.session.cookieName
    ];
    if (presented) await this.sessions.end(presented);
    const { token, cookieExpiresAt } = await this.sessions.start(
      person.id,
      ctx.req.get('user-agent') ?? null,
    );
    ctx.res.cookie(this.config.session.cookieName, token, sessionCookieOptions(this.config, cookieExpiresAt));
    // Fields of the answer (Person.roles, Person.email…) check the actor: it is the person just signed in.
    ctx.req.actor = await this.sessions.resolve(token);
    return this.viewer(person.id);
  }

  @Mutation(() => Boolean, { description: 'Ends this session; true when one was signed in.' })
  async signOut(@Context() ctx: RequestContext): Promise<boolean> {
    const token = (ctx.req.cookies as Record<string, string> | undefined)?.[this.config.session.cookieName];
    ctx.res.clearCookie(this.config.session.cookieName, { path: '/' });
    if (!token) return false;
    await this.sessions.end(token);
    ctx.req.actor = null;
    return true;
  }

  private async viewer(personId: string): Promise<ViewerModel> {
    const person = await this.people.findOneOrFail({ where: { id: personId } });
    const [organisation, roles] = await Promise.all([
      this.organisations.findOneOrFail({ where: { id: person.organisationId } }),
      this.grants.find({ where: { personId }, order: { role: 'ASC' } }),
    ]);
    return { person, email: person.email, organisation, roles };
  }
}
