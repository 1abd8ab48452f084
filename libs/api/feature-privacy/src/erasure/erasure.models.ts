import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('ErasePersonInput', {
  description:
    "Erase a person's data on request (GDPR art. 17, ADR 0030). Administrators of the person's organisation only.",
})
export class ErasePersonInput {
  @Field(() => ID, { description: 'The person whose data is erased.' })
  @IsUUID('all', { message: 'Not a person id.' })
  personId!: string;

  @Field({
    description:
      "The person's full name, typed by the administrator as confirmation (compared exactly, spaces at the ends ignored).",
  })
  @IsString()
  @MaxLength(200)
  confirmation!: string;
}

@ObjectType('ErasureCount', { description: 'How many rows of one kind of record an erasure changed.' })
export class ErasureCountModel {
  @Field({ description: 'The kind of record, e.g. "sessions", "drafts", "unsentMail".' })
  kind!: string;

  @Field(() => Int, { description: 'Rows deleted, blanked or anonymised.' })
  count!: number;
}

@ObjectType('PersonErasure', {
  description:
    'What an erasure did: the placeholder that now stands in for the person, and counts per kind of record (never what was erased). Seen by the administrator who erased.',
})
export class PersonErasureModel {
  @Field(() => ID, { description: 'The person row, kept as the placeholder so course figures stand.' })
  personId!: string;

  @Field({
    description: 'The placeholder name now shown wherever the person was, e.g. "Borttagen person 1a2b3c4d".',
  })
  placeholderName!: string;

  @Field(() => [ErasureCountModel], {
    description: 'Rows changed per kind of record; kinds with none are left out.',
  })
  counts!: ErasureCountModel[];
}
