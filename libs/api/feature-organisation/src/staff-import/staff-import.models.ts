import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@stl/api/data-access-db';
import { StaffImportOutcome } from './staff-import.rules';

registerEnumType(StaffImportOutcome, {
  name: 'StaffImportOutcome',
  description: 'What applying one row of a staff file does.',
  valuesMap: {
    NEW: { description: 'A new person is added with the roles named.' },
    UPDATE: { description: 'The person with this address is updated (name, school) and/or given roles.' },
    UNCHANGED: { description: 'The person with this address already is as the row says.' },
    ERROR: {
      description: 'The row cannot be applied; see problems. While any row has one, nothing is applied.',
    },
  },
});

@ObjectType('StaffImportProblem', { description: 'Why a row of a staff file cannot be applied.' })
export class StaffImportProblemModel {
  @Field({ description: 'The column: name, email, school or roles.' })
  field!: string;

  @Field({
    description:
      'Stable code: NAME_MISSING, NAME_TOO_LONG, EMAIL_MISSING, EMAIL_INVALID, DUPLICATE_IN_FILE, EMAIL_TAKEN, UNKNOWN_SCHOOL, SCHOOL_REQUIRED, UNKNOWN_ROLE, ROLE_MISSING.',
  })
  code!: string;

  @Field({ description: 'The problem in English, for logs; the web app words it from the code.' })
  message!: string;
}

@ObjectType('StaffImportChange', { description: 'One field of an existing person that the row changes.' })
export class StaffImportChangeModel {
  @Field({ description: 'fullName or school.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value now (a school by name); null when empty.' })
  from!: string | null;

  @Field({ description: 'The value after applying.' })
  to!: string;
}

@ObjectType('StaffImportRow', { description: 'One row of a staff file and what applying it does.' })
export class StaffImportRowModel {
  @Field(() => Int, { description: 'Line in the CSV file, or row number in the workbook.' })
  line!: number;

  @Field({ description: 'Name as in the file.' })
  name!: string;

  @Field({ description: 'E-mail address, normalised when valid.' })
  email!: string;

  @Field({ description: 'School as in the file; may be empty.' })
  school!: string;

  @Field({ description: 'Roles as in the file.' })
  roles!: string;

  @Field(() => StaffImportOutcome, { description: 'What applying this row does.' })
  outcome!: StaffImportOutcome;

  @Field(() => ID, { nullable: true, description: 'The person matched by e-mail address, if any.' })
  personId!: string | null;

  @Field(() => [StaffImportChangeModel], { description: 'For UPDATE: the name or school changed.' })
  changes!: StaffImportChangeModel[];

  @Field(() => [Role], { description: 'Roles the row gives that the person does not hold yet.' })
  rolesAdded!: Role[];

  @Field(() => [Role], {
    description: 'Roles the person holds that the row does not name: kept, an import never removes roles.',
  })
  rolesKept!: Role[];

  @Field(() => [StaffImportProblemModel], { description: 'For ERROR: every problem of the row.' })
  problems!: StaffImportProblemModel[];
}

@ObjectType('StaffImportPreview', {
  description: 'What applying a staff file would do, row by row; nothing is written. Administrators only.',
})
export class StaffImportPreviewModel {
  @Field({ description: 'CSV or XLSX, as recognised from the content.' })
  kind!: string;

  @Field(() => [StaffImportRowModel], { description: 'The rows in file order.' })
  rows!: StaffImportRowModel[];

  @Field(() => Int, { description: 'Rows that add a new person.' })
  newCount!: number;

  @Field(() => Int, { description: 'Rows that update a person already there.' })
  updateCount!: number;

  @Field(() => Int, { description: 'Rows that change nothing.' })
  unchangedCount!: number;

  @Field(() => Int, { description: 'Rows with problems; while any, applyStaffImport refuses the file.' })
  errorCount!: number;
}

@ObjectType('StaffImportResult', { description: 'What applying a staff file did. Administrators only.' })
export class StaffImportResultModel {
  @Field(() => Int, { description: 'People added.' })
  created!: number;

  @Field(() => Int, { description: 'People updated.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that changed nothing.' })
  unchanged!: number;

  @Field(() => Int, { description: 'New people sent an invitation.' })
  invited!: number;
}
