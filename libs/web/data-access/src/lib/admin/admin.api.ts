import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  AdminAddCertificationDocument,
  AdminCertificationsDocument,
  AdminCohortsDocument,
  AdminCreateCohortDocument,
  AdminCopyCohortDocument,
  AdminDeleteCohortDocument,
  AdminCreatePersonDocument,
  AdminCreateSchoolDocument,
  AdminCreateTemplateDocument,
  AdminCreateTemplateVersionDocument,
  AdminGrantRoleDocument,
  AdminInvitePersonDocument,
  AdminResendInvitationDocument,
  AdminOverviewDocument,
  AdminPeopleDocument,
  AdminPersonDocument,
  AdminRevokeCertificationDocument,
  AdminRevokeRoleDocument,
  AdminSchoolsDocument,
  AdminTemplateDocument,
  AdminTemplatesDocument,
  AdminUpdateCertificationDocument,
  AdminSetProtectedIdentityDocument,
  AdminUpdatePersonDocument,
  AdminUpdateSchoolDocument,
} from '../../generated/graphql';
import type {
  AddCertificationInput,
  AdminAddCertificationMutation,
  AdminCertificationFragment,
  AdminCertificationsQuery,
  AdminCohortFragment,
  AdminCohortsQuery,
  AdminCreateCohortMutation,
  AdminCopyCohortMutation,
  AdminDeleteCohortMutation,
  AdminCreatePersonMutation,
  AdminCreateSchoolMutation,
  AdminCreateTemplateMutation,
  AdminCreateTemplateVersionMutation,
  AdminGrantRoleMutation,
  AdminInvitePersonMutation,
  AdminResendInvitationMutation,
  AdminOverviewQuery,
  AdminPeopleQuery,
  AdminPersonFragment,
  AdminPersonQuery,
  AdminRevokeCertificationMutation,
  AdminRevokeRoleMutation,
  AdminSchoolFragment,
  AdminSchoolsQuery,
  AdminTemplateQuery,
  AdminTemplateSectionFragment,
  AdminTemplatesQuery,
  AdminUpdateCertificationMutation,
  AdminSetProtectedIdentityMutation,
  AdminUpdatePersonMutation,
  AdminUpdateSchoolMutation,
  CertificationStatus,
  CreateAnalysisTemplateInput,
  CreateCohortInput,
  CopyCohortInput,
  CreatePersonInput,
  CreateSchoolInput,
  Locale,
  PeopleFilterInput,
  Role,
  TemplateSectionInput,
  UpdateCertificationInput,
  UpdatePersonInput,
  UpdateSchoolInput,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type AdminOverview = AdminOverviewQuery;
export type AdminSchool = AdminSchoolFragment;
export type AdminPerson = AdminPersonFragment;
export type AdminPersonDetail = AdminPersonQuery['person'];
export type AdminCertification = AdminCertificationFragment;
export type AdminLeader = AdminCertificationsQuery['people']['nodes'][number];
export type AdminTemplateSummary = AdminTemplatesQuery['analysisTemplates'][number];
export type AdminTemplateDetail = AdminTemplateQuery['analysisTemplate'];
export type AdminTemplateSection = AdminTemplateSectionFragment;
export type AdminCohort = AdminCohortFragment;
/** Which template versions rounds are written in: cohorts with their rounds' version ids. */
export type AdminRoundUsage = AdminTemplatesQuery['cohorts']['nodes'];
// Named for this area, so other areas re-exporting the same generated types never collide.
export type AdminCertificationStatus = CertificationStatus;
export type AdminLocale = Locale;
export type AdminPeopleFilter = PeopleFilterInput;
export type AdminSectionInput = TemplateSectionInput;
export type AdminCreatePersonInput = CreatePersonInput;
export type AdminCreateCohortInput = CreateCohortInput;

/**
 * What an administrator manages in their own organisation: schools, people and roles, STL
 * certifications, analysis templates (new versions, never edits) and cohorts. The API refuses
 * anyone else; these calls are for the administrator's screens only.
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly gql = inject(GraphqlClient);

  overview(organisationId: string): Observable<AdminOverviewQuery> {
    return this.gql.request(AdminOverviewDocument, { organisationId });
  }

  schools(organisationId: string, after: string | null = null): Observable<AdminSchoolsQuery> {
    return this.gql.request(AdminSchoolsDocument, { organisationId, after });
  }

  createSchool(input: CreateSchoolInput): Observable<AdminCreateSchoolMutation> {
    return this.gql.request(AdminCreateSchoolDocument, { input });
  }

  updateSchool(id: string, input: UpdateSchoolInput): Observable<AdminUpdateSchoolMutation> {
    return this.gql.request(AdminUpdateSchoolDocument, { id, input });
  }

  people(
    organisationId: string,
    filter: PeopleFilterInput,
    first: number,
    after: string | null = null,
  ): Observable<AdminPeopleQuery> {
    return this.gql.request(AdminPeopleDocument, { organisationId, filter, first, after });
  }

  person(id: string): Observable<AdminPersonQuery> {
    return this.gql.request(AdminPersonDocument, { id });
  }

  createPerson(input: CreatePersonInput): Observable<AdminCreatePersonMutation> {
    return this.gql.request(AdminCreatePersonDocument, { input });
  }

  updatePerson(id: string, input: UpdatePersonInput): Observable<AdminUpdatePersonMutation> {
    return this.gql.request(AdminUpdatePersonDocument, { id, input });
  }

  /**
   * Marks the person as having a protected identity (skyddade personuppgifter), or clears it
   * (ADR 0031): others then see a pseudonym, and only administrators the address.
   */
  setProtectedIdentity(id: string, on: boolean): Observable<AdminSetProtectedIdentityMutation> {
    return this.gql.request(AdminSetProtectedIdentityDocument, { personId: id, protected: on });
  }

  /**
   * Mails the person an invitation link (ADR 0013); `resend` replaces a link sent before. CONFLICT
   * once they accepted; BAD_USER_INPUT for a deactivated account (or, resending, someone never invited).
   */
  invite(id: string, resend: boolean): Observable<AdminInvitePersonMutation['invitePerson']> {
    return resend
      ? this.gql
          .request(AdminResendInvitationDocument, { id })
          .pipe(map((r: AdminResendInvitationMutation) => r.resendInvitation))
      : this.gql
          .request(AdminInvitePersonDocument, { id })
          .pipe(map((r: AdminInvitePersonMutation) => r.invitePerson));
  }

  grantRole(personId: string, role: Role, schoolId: string | null): Observable<AdminGrantRoleMutation> {
    return this.gql.request(AdminGrantRoleDocument, { personId, role, schoolId });
  }

  /** Refused with FORBIDDEN for the administrator's own ADMINISTRATOR role. */
  revokeRole(personId: string, role: Role, schoolId: string | null): Observable<AdminRevokeRoleMutation> {
    return this.gql.request(AdminRevokeRoleDocument, { personId, role, schoolId });
  }

  /** Course leaders with their certifications. */
  certifications(organisationId: string, after: string | null = null): Observable<AdminCertificationsQuery> {
    return this.gql.request(AdminCertificationsDocument, { organisationId, after });
  }

  /** Also makes the person a course leader if they were not one. */
  addCertification(input: AddCertificationInput): Observable<AdminAddCertificationMutation> {
    return this.gql.request(AdminAddCertificationDocument, { input });
  }

  updateCertification(
    id: string,
    input: UpdateCertificationInput,
  ): Observable<AdminUpdateCertificationMutation> {
    return this.gql.request(AdminUpdateCertificationDocument, { id, input });
  }

  revokeCertification(id: string): Observable<AdminRevokeCertificationMutation> {
    return this.gql.request(AdminRevokeCertificationDocument, { id });
  }

  templates(organisationId: string): Observable<AdminTemplatesQuery> {
    return this.gql.request(AdminTemplatesDocument, { organisationId });
  }

  template(id: string): Observable<AdminTemplateQuery> {
    return this.gql.request(AdminTemplateDocument, { id });
  }

  createTemplate(input: CreateAnalysisTemplateInput): Observable<AdminCreateTemplateMutation> {
    return this.gql.request(AdminCreateTemplateDocument, { input });
  }

  /** A new version after the latest; versions in use never change. */
  createTemplateVersion(
    templateId: string,
    sections: TemplateSectionInput[],
  ): Observable<AdminCreateTemplateVersionMutation> {
    return this.gql.request(AdminCreateTemplateVersionDocument, { templateId, sections });
  }

  cohorts(organisationId: string, after: string | null = null): Observable<AdminCohortsQuery> {
    return this.gql.request(AdminCohortsDocument, { organisationId, after });
  }

  createCohort(input: CreateCohortInput): Observable<AdminCreateCohortMutation> {
    return this.gql.request(AdminCreateCohortDocument, { input });
  }

  copyCohort(input: CopyCohortInput): Observable<AdminCopyCohortMutation> {
    return this.gql.request(AdminCopyCohortDocument, { input });
  }

  deleteCohort(id: string): Observable<AdminDeleteCohortMutation> {
    return this.gql.request(AdminDeleteCohortDocument, { id });
  }
}
