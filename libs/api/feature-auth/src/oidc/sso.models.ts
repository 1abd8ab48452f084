import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

@ObjectType('OrganisationSso', {
  description:
    "An organisation's single sign-on through its own OpenID Connect provider (docs/sso.md). Only the organisation's administrators see it. The client secret is never shown: only whether one is stored.",
})
export class OrganisationSsoModel {
  @Field(() => ID, { description: 'The organisation these settings belong to.' })
  organisationId!: string;

  @Field({
    description:
      'The redirect URI to register at the provider for this platform (the same for every organisation): where the provider sends people back after signing in.',
  })
  redirectUri!: string;

  @Field({ description: 'True once settings have been saved; until then the other fields are empty.' })
  configured!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The provider's issuer URL; its settings are read from `<issuer>/.well-known/openid-configuration`.",
  })
  issuer!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The client (application) id registered at the provider.',
  })
  clientId!: string | null;

  @Field({ description: 'Whether a client secret is stored (encrypted). The secret itself is never shown.' })
  clientSecretSet!: boolean;

  @Field(() => [String], {
    description: 'E-mail domains (lower case) whose addresses may sign in this way, e.g. "larkby.se".',
  })
  allowedDomains!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The name on the sign-in button: "Logga in med <displayName>".',
  })
  displayName!: string | null;

  @Field({ description: 'Whether the sign-in page offers single sign-on to the allowed domains.' })
  enabled!: boolean;

  @Field({
    description:
      "Whether password sign-in (and password reset) is refused for the organisation's people while single sign-on is on. Its administrators keep password sign-in as the way back in when the provider fails.",
  })
  passwordSignInDisabled!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the settings were last saved.' })
  updatedAt!: Date | null;
}

@InputType({ description: "An organisation's single sign-on settings, saved whole." })
export class SaveOrganisationSsoInput {
  @Field(() => ID, { description: 'The organisation; the caller must be one of its administrators.' })
  @IsUUID('all', { message: 'Not an organisation id.' })
  organisationId!: string;

  @Field({ description: 'The issuer URL, https (http only for localhost outside production).' })
  @IsString()
  @MinLength(1, { message: 'Enter the issuer URL.' })
  @MaxLength(500)
  issuer!: string;

  @Field({ description: 'The client (application) id registered at the provider.' })
  @IsString()
  @MinLength(1, { message: 'Enter the client id.' })
  @MaxLength(300)
  clientId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A new client secret, stored encrypted. Leave out (or null) to keep the stored one.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'Enter the client secret, or leave the field out to keep the stored one.' })
  @MaxLength(2000)
  clientSecret?: string | null;

  @Field(() => [String], { description: 'E-mail domains whose addresses may sign in this way.' })
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  @ArrayMaxSize(50)
  allowedDomains!: string[];

  @Field({ description: 'The name on the sign-in button, e.g. "Lärkby kommun".' })
  @IsString()
  @MinLength(1, { message: 'Enter the name for the sign-in button.' })
  @MaxLength(100)
  displayName!: string;

  @Field({ description: 'Turns single sign-on on or off.' })
  @IsBoolean()
  enabled!: boolean;

  @Field({ description: "Refuses password sign-in for the organisation's people (administrators excepted)." })
  @IsBoolean()
  passwordSignInDisabled!: boolean;
}

@ObjectType('SsoOption', {
  description:
    "Single sign-on offered for an e-mail address's domain (public: it says only that the domain's organisation uses single sign-on, never whether the address has an account).",
})
export class SsoOptionModel {
  @Field({ description: 'The name for the button: "Logga in med <displayName>".' })
  displayName!: string;

  @Field({ description: "The organisation's short name, as in /auth/oidc/<slug>/start." })
  organisationSlug!: string;

  @Field({
    description:
      'Where the browser goes to start signing in (on the API, relative to its origin), with the address as a hint for the provider.',
  })
  startPath!: string;
}

@InputType({ description: 'An e-mail address typed on the sign-in page.' })
export class SsoLookupInput {
  @Field({ description: 'The e-mail address; only its domain is looked at.' })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(320)
  email!: string;
}
