import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CohortEntity } from '@stl/api/data-access-db';
import type { FieldProblemCode } from '@stl/shared/domain';
import { Paginated } from '@stl/api/util-graphql';
import { CohortViewerRole } from './cohort-rules';

registerEnumType(CohortViewerRole, {
  name: 'CohortViewerRole',
  description: 'How the signed-in person relates to a cohort (the strongest relation when several).',
});

export const CohortPage = Paginated(CohortEntity, 'Cohort');

/** One reason the cohort cannot open yet (rule 1), for a readiness checklist. */
@ObjectType('CohortOpeningProblem')
export class CohortOpeningProblemModel {
  @Field(() => String, { description: 'TOO_FEW_MEETINGS, TOO_FEW_ROUNDS or NO_CERTIFIED_LEADER.' })
  code!: FieldProblemCode;

  @Field({ description: 'meetings, rounds or leaders: the part of the plan to fix.' })
  field!: string;

  @Field()
  message!: string;

  @Field(() => Int, { nullable: true, description: 'How many are needed (meetings, rounds).' })
  required!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many there are now (meetings, rounds).' })
  actual!: number | null;
}
