import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  ApplyStaffImportDocument,
  OperatorCreateOrganisationDocument,
  OperatorInviteAdministratorDocument,
  OperatorOrganisationDocument,
  OperatorOrganisationsDocument,
  OperatorRenameOrganisationDocument,
  OperatorResendInvitationDocument,
  PreviewStaffImportDocument,
} from '../../generated/graphql';
import type {
  AdministratorStatus,
  ApplyStaffImportMutation,
  CreateOrganisationInput,
  InviteAdministratorInput,
  OperatorOrganisationFragment,
  PreviewStaffImportMutation,
  StaffImportOutcome,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type OperatorOrganisation = OperatorOrganisationFragment;
export type { AdministratorStatus, CreateOrganisationInput, StaffImportOutcome };
export type StaffImportPreview = PreviewStaffImportMutation['previewStaffImport'];
export type StaffImportRow = StaffImportPreview['rows'][number];
export type StaffImportResult = ApplyStaffImportMutation['applyStaffImport'];

/** What platform operators do (ADR 0015): organisations and their administrators, never course content. */
@Injectable({ providedIn: 'root' })
export class OperatorApi {
  private readonly gql = inject(GraphqlClient);

  organisations(): Observable<OperatorOrganisation[]> {
    return this.gql.request(OperatorOrganisationsDocument).pipe(map((r) => r.platformOrganisations));
  }

  organisation(id: string): Observable<OperatorOrganisation> {
    return this.gql.request(OperatorOrganisationDocument, { id }).pipe(map((r) => r.platformOrganisation));
  }

  create(input: CreateOrganisationInput): Observable<OperatorOrganisation> {
    return this.gql
      .request(OperatorCreateOrganisationDocument, { input })
      .pipe(map((r) => r.createOrganisation));
  }

  rename(id: string, name: string): Observable<OperatorOrganisation> {
    return this.gql
      .request(OperatorRenameOrganisationDocument, { id, name })
      .pipe(map((r) => r.renameOrganisation));
  }

  inviteAdministrator(
    organisationId: string,
    input: InviteAdministratorInput,
  ): Observable<OperatorOrganisation> {
    return this.gql
      .request(OperatorInviteAdministratorDocument, { organisationId, input })
      .pipe(map((r) => r.inviteOrganisationAdministrator));
  }

  resendInvitation(personId: string): Observable<OperatorOrganisation> {
    return this.gql
      .request(OperatorResendInvitationDocument, { personId })
      .pipe(map((r) => r.resendAdministratorInvitation));
  }
}

/** Staff import for administrators: the file travels as base64; the server reads and checks it. */
@Injectable({ providedIn: 'root' })
export class StaffImportApi {
  private readonly gql = inject(GraphqlClient);

  preview(organisationId: string, file: string): Observable<StaffImportPreview> {
    return this.gql
      .request(PreviewStaffImportDocument, { organisationId, file })
      .pipe(map((r) => r.previewStaffImport));
  }

  apply(organisationId: string, file: string, sendInvitations: boolean): Observable<StaffImportResult> {
    return this.gql
      .request(ApplyStaffImportDocument, { organisationId, file, sendInvitations })
      .pipe(map((r) => r.applyStaffImport));
  }
}
