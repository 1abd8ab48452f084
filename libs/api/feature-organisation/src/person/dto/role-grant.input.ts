import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Role } from '@stl/api/data-access-db';
import { IsId } from '../../common/validation';

@InputType({ description: 'A role to grant with a new person.' })
export class RoleGrantInput {
  @Field(() => Role, { description: 'The role.' })
  @IsEnum(Role, { message: 'That is not a known role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The school led; required for SCHOOL_LEADER only.' })
  @IsOptional()
  @IsId('school')
  schoolId?: string | null;
}
