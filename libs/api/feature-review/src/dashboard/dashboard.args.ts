import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';

@ArgsType()
export class OrganisationDashboardArgs {
  @Field(() => ID, { nullable: true, description: "The organisation; the viewer's own when left out." })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a valid id.' })
  organisationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The school year to show, as Swedes write it ("2026/27"); when left out, the current one if the viewer has cohorts in it, else the latest before it, else the newest.',
  })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'schoolYear must be written like 2026/27.' })
  schoolYear?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only participants enrolled from this school.' })
  @IsOptional()
  @IsUUID('all', { message: 'schoolId must be a valid id.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this cohort.' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a valid id.' })
  cohortId?: string | null;
}
