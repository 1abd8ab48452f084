import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

/**
 * A new organisation and its first administrator. Checked by the onboarding service itself (the
 * same rules for the web and for `npm run stl -- org:create`), so the problems' codes are one set.
 */
@InputType({ description: 'A new organisation with its first administrator. Platform operators only.' })
export class CreateOrganisationInput {
  @Field({ description: 'The organisation\'s name, e.g. "Lärkby kommun"; 1–200 characters.' })
  @IsString()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Short URL-safe name, unique on the platform (lower-case a–z, digits, hyphens); derived from the name when left out.',
  })
  @IsOptional()
  @IsString()
  slug?: string | null;

  @Field({ description: "The first administrator's full name." })
  @IsString()
  adminName!: string;

  @Field({
    description: "The first administrator's e-mail address: their sign-in name, unique on the platform.",
  })
  @IsString()
  adminEmail!: string;
}

@InputType({ description: 'An administrator to add to an organisation and invite. Platform operators only.' })
export class InviteAdministratorInput {
  @Field({ description: 'Full name.' })
  @IsString()
  name!: string;

  @Field({ description: 'E-mail address: the sign-in name, unique on the platform.' })
  @IsString()
  email!: string;
}
