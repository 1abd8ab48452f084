import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, SignedIn } from '@stl/api/feature-auth';
import type { Actor } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { StaffImportPreviewModel, StaffImportResultModel } from './staff-import.models';
import { StaffImportService } from './staff-import.service';

const FILE = {
  description:
    'The file as base64: an .xlsx workbook (first sheet) or a CSV text in UTF-8 (semicolons or commas; a byte-order mark is fine), at most 300 KB. First row: name/namn, e-mail/e-post, school/skola, roles/roller.',
};

@Resolver()
@SignedIn()
export class StaffImportResolver {
  constructor(private readonly imports: StaffImportService) {}

  @Mutation(() => StaffImportPreviewModel, {
    description:
      'What importing a staff file would do, row by row; writes nothing (a mutation only because the file is large). Administrators of the organisation only. BAD_USER_INPUT on `file` when it cannot be read (FILE_TOO_LARGE, FILE_UNREADABLE, FILE_EMPTY, TOO_MANY_ROWS, COLUMNS_MISSING).',
  })
  previewStaffImport(
    @Args('organisationId', { type: () => ID, description: 'Your organisation.' }, ParseIdPipe)
    organisationId: string,
    @Args('file', FILE) file: string,
    @CurrentActor() actor: Actor,
  ): Promise<StaffImportPreviewModel> {
    return this.imports.preview(actor, organisationId, file);
  }

  @Mutation(() => StaffImportResultModel, {
    description:
      'Imports a staff file all or nothing, in one transaction: new people are added, people matched by e-mail address updated and given the roles named (roles are never removed). Any row with a problem refuses the whole file: BAD_USER_INPUT with each problem as rows.<line>.<column>. Administrators of the organisation only.',
  })
  applyStaffImport(
    @Args('organisationId', { type: () => ID, description: 'Your organisation.' }, ParseIdPipe)
    organisationId: string,
    @Args('file', FILE) file: string,
    @Args('sendInvitations', { description: 'Mail the new people an invitation to choose a password.' })
    sendInvitations: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<StaffImportResultModel> {
    return this.imports.apply(actor, organisationId, file, sendInvitations);
  }
}
