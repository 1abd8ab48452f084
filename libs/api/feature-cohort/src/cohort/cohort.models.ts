import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CohortEntity } from '@stl/api/data-access-db';
import type { FieldProblemCode } from '@stl/shared/domain';
import { Paginated } from '@stl/api/util-graphql';
import { CohortViewerRole } from './cohort-rules';

registerEnumType(CohortViewerRole, {
  name: 'CohortViewerRole',
  description: 'How the signed-in person relates to a cohort (the strongest relation when several).',
  valuesMap: {
    ADMINISTRATOR: { description: "An administrator of the cohort's organisation." },
    LEADER: { description: 'A course leader of the cohort.' },
    PARTICIPANT: { description: 'A participant of the cohort.' },
    SCHOOL_LEADER: { description: 'A school leader whose teachers take part.' },
  },
});

export const CohortPage = Paginated(CohortEntity, 'Cohort');

/** One reason the cohort cannot open yet (rule 1), for a readiness checklist. */
@ObjectType('CohortOpeningProblem', {
  description:
    "One reason the cohort cannot open yet (rule 1), for a readiness checklist. Visible to the cohort's course leaders and the organisation's administrators.",
})
export class CohortOpeningProblemModel {
  @Field(() => String, { description: 'TOO_FEW_MEETINGS, TOO_FEW_ROUNDS or NO_CERTIFIED_LEADER.' })
  code!: FieldProblemCode;

  @Field({ description: 'meetings, rounds or leaders: the part of the plan to fix.' })
  field!: string;

  @Field({ description: 'What to do, as a plain English sentence; the web words it from the code.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'How many are needed (meetings, rounds).' })
  required!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many there are now (meetings, rounds).' })
  actual!: number | null;
}
