import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PublicAcceptingInput, SignedIn, clientAddress } from '@stl/api/feature-auth';
import type { Actor, RequestContext } from '@stl/api/feature-auth';
import { ParseIdPipe } from '@stl/api/util-graphql';
import { formatCertificateCode } from '@stl/shared/domain';
import {
  CertificateVerificationModel,
  CohortCertificateRowModel,
  CompletionCertificateModel,
  IssueCertificatesInput,
} from './certificate.models';
import { CertificateService } from './certificate.service';
import type { CertificateView } from './certificate.service';

export function certificateModel(v: CertificateView): CompletionCertificateModel {
  const e = v.entity;
  return {
    id: e.id,
    code: formatCertificateCode(e.code),
    personId: e.personId,
    personName: v.personName,
    cohortId: e.cohortId,
    cohortName: v.cohort.name,
    schoolYear: v.cohort.schoolYear,
    organisationName: v.organisationName,
    issuedAt: e.issuedAt,
    revokedAt: e.revokedAt,
    meetingsAttended: e.meetingsAttended,
    meetingsPlanned: e.meetingsPlanned,
    analysesCompleted: e.analysesCompleted,
  };
}

/** Certificates of completion (issue 14, ADR 0032). Signed in, except the public check of a code. */
@Resolver()
@SignedIn()
export class CertificateResolver {
  constructor(private readonly certificates: CertificateService) {}

  @Query(() => [CohortCertificateRowModel], {
    description:
      "A cohort's current participants, whether each completed, and their certificates. The cohort's course leaders and the organisation's administrators; FORBIDDEN for participants and school leaders, NOT_FOUND for outsiders.",
  })
  async cohortCertificates(
    @CurrentActor() actor: Actor,
    @Args('cohortId', { type: () => ID, description: 'The cohort.' }, ParseIdPipe) cohortId: string,
  ): Promise<CohortCertificateRowModel[]> {
    const rows = await this.certificates.cohortCertificates(actor, cohortId);
    return rows.map((r) => ({ ...r, certificate: r.certificate ? certificateModel(r.certificate) : null }));
  }

  @Query(() => [CompletionCertificateModel], {
    description: 'My own certificates of completion, newest first, revoked ones included.',
  })
  async myCertificates(@CurrentActor() actor: Actor): Promise<CompletionCertificateModel[]> {
    return (await this.certificates.mine(actor)).map(certificateModel);
  }

  @Mutation(() => [CompletionCertificateModel], {
    description:
      "Issues certificates of completion in one transaction to the participants who completed a COMPLETED cohort (CONFLICT before that) and have none yet, or to those named. The cohort's course leaders and the organisation's administrators; returns the certificates issued (none when everyone has one).",
  })
  async issueCertificates(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The cohort and, optionally, whom.' }) input: IssueCertificatesInput,
  ): Promise<CompletionCertificateModel[]> {
    return (await this.certificates.issue(actor, input.cohortId, input.personIds)).map(certificateModel);
  }

  @Mutation(() => CompletionCertificateModel, {
    description:
      'Revokes a certificate of completion: its code answers "not valid" from now on, and it is logged. The cohort\'s course leaders and the organisation\'s administrators; CONFLICT when already revoked or the cohort is archived.',
  })
  async revokeCertificate(
    @CurrentActor() actor: Actor,
    @Args('certificateId', { type: () => ID, description: 'The certificate.' }, ParseIdPipe)
    certificateId: string,
  ): Promise<CompletionCertificateModel> {
    return certificateModel(await this.certificates.revoke(actor, certificateId));
  }

  @PublicAcceptingInput()
  @Query(() => CertificateVerificationModel, {
    description:
      'Anyone, without signing in: is this certificate code real and not revoked? Only the name, course, school year and organisation are told. TOO_MANY_ATTEMPTS (details.retryAfterSeconds) after too many unknown codes from one address.',
  })
  verifyCertificate(
    @Args('code', { description: 'The code on the certificate; case, spaces and dashes do not matter.' })
    code: string,
    @Context() ctx: RequestContext,
  ): Promise<CertificateVerificationModel> {
    return this.certificates.check(code.slice(0, 64), clientAddress(ctx.req));
  }
}
