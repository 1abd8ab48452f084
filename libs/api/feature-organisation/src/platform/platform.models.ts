import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationEntity } from '@stl/api/data-access-db';

/** Where an organisation's administrator stands with their account, as an operator sees it. */
export enum AdministratorStatus {
  /** Never invited and without a password: cannot get in until invited. */
  NOT_INVITED = 'NOT_INVITED',
  /** Invited; the link is unused and still valid. */
  INVITED = 'INVITED',
  /** Invited, but the link ran out unused: invite again. */
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  /** Has accepted an invitation or has a password: can sign in. */
  ACTIVE = 'ACTIVE',
  /** The account is switched off. */
  INACTIVE = 'INACTIVE',
}
registerEnumType(AdministratorStatus, {
  name: 'AdministratorStatus',
  description: "An organisation administrator's account, as a platform operator sees it.",
  valuesMap: {
    NOT_INVITED: { description: 'Never invited and without a password: cannot get in until invited.' },
    INVITED: { description: 'Invited; the link is unused and still valid.' },
    INVITATION_EXPIRED: { description: 'Invited, but the link ran out unused: invite again.' },
    ACTIVE: { description: 'Can sign in.' },
    INACTIVE: { description: 'The account is switched off.' },
  },
});

@ObjectType('OrganisationAdministrator', {
  description:
    'An administrator of an organisation, as a platform operator sees them: name, address and whether they have got in. Platform operators only.',
})
export class OrganisationAdministratorModel {
  @Field(() => ID, { description: "The administrator's person id." })
  personId!: string;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field({ description: 'E-mail address (the sign-in name).' })
  email!: string;

  @Field(() => AdministratorStatus, { description: 'Whether they can sign in yet.' })
  status!: AdministratorStatus;
}

@ObjectType('OrganisationOverview', {
  description:
    'An organisation as a platform operator sees it: its name, sizes and administrators, never its course content. Platform operators only.',
})
export class OrganisationOverviewModel {
  @Field(() => OrganisationEntity, { description: 'The organisation (id, name, short name).' })
  organisation!: OrganisationEntity;

  @Field(() => Int, { description: 'Number of schools.' })
  schoolCount!: number;

  @Field(() => Int, { description: 'Number of people with an active account.' })
  peopleCount!: number;

  @Field(() => Int, { description: 'Number of cohorts in any status.' })
  cohortCount!: number;

  @Field(() => [OrganisationAdministratorModel], { description: 'Its administrators, by name.' })
  administrators!: OrganisationAdministratorModel[];

  @Field({ description: 'When the organisation was created.' })
  createdAt!: Date;
}

@ObjectType('PlatformOperator', { description: 'Someone who runs the service. Platform operators only.' })
export class PlatformOperatorModel {
  @Field(() => ID, { description: 'Person id.' })
  personId!: string;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field({ description: 'E-mail address (the sign-in name).' })
  email!: string;

  @Field(() => AdministratorStatus, { description: 'Whether they can sign in yet.' })
  status!: AdministratorStatus;
}
