import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import {
  CohortCertificatesDocument,
  IssueCertificatesDocument,
  MyCertificatesDocument,
  MyPortfolioDocument,
  RevokeCertificateDocument,
  SavePortfolioReflectionDocument,
  VerifyCertificateDocument,
} from '../../generated/graphql';
import type {
  CohortCertificatesQuery,
  CompletionCertificateFieldsFragment,
  PortfolioFieldsFragment,
  VerifyCertificateQuery,
} from '../../generated/graphql';
import { GraphqlClient } from '../graphql/graphql-client';

export type CompletionCertificate = CompletionCertificateFieldsFragment;
export type CohortCertificateRow = CohortCertificatesQuery['cohortCertificates'][number];
export type CertificateVerification = VerifyCertificateQuery['verifyCertificate'];
export type Portfolio = PortfolioFieldsFragment;
export type PortfolioEntry = Portfolio['entries'][number];

/** Where a certificate's PDF is downloaded (plain HTTP, rendered on the server; ADR 0020, 0032). */
export function certificatePdfUrl(certificateId: string): string {
  return `/export/certificates/${certificateId}.pdf`;
}

/** Where the teacher's portfolio of a cohort is downloaded as a PDF. */
export function portfolioPdfUrl(cohortId: string): string {
  return `/export/portfolio/${cohortId}.pdf`;
}

/** Certificates of completion and the teacher's portfolio (issue 14, ADR 0032). */
@Injectable({ providedIn: 'root' })
export class CertificateApi {
  private readonly gql = inject(GraphqlClient);

  cohortCertificates(cohortId: string): Observable<CohortCertificateRow[]> {
    return this.gql.request(CohortCertificatesDocument, { cohortId }).pipe(map((r) => r.cohortCertificates));
  }

  mine(): Observable<CompletionCertificate[]> {
    return this.gql.request(MyCertificatesDocument).pipe(map((r) => r.myCertificates));
  }

  issue(cohortId: string, personIds?: string[]): Observable<CompletionCertificate[]> {
    return this.gql
      .request(IssueCertificatesDocument, { input: { cohortId, personIds: personIds ?? null } })
      .pipe(map((r) => r.issueCertificates));
  }

  revoke(certificateId: string): Observable<CompletionCertificate> {
    return this.gql
      .request(RevokeCertificateDocument, { certificateId })
      .pipe(map((r) => r.revokeCertificate));
  }

  verify(code: string): Observable<CertificateVerification> {
    return this.gql.request(VerifyCertificateDocument, { code }).pipe(map((r) => r.verifyCertificate));
  }

  portfolio(cohortId: string): Observable<Portfolio> {
    return this.gql.request(MyPortfolioDocument, { cohortId }).pipe(map((r) => r.myPortfolio));
  }

  saveReflection(cohortId: string, body: string): Observable<Portfolio> {
    return this.gql
      .request(SavePortfolioReflectionDocument, { cohortId, body })
      .pipe(map((r) => r.savePortfolioReflection));
  }
}
