import { Module } from '@nestjs/common';
import { CohortCommandsModule } from '@stl/api/feature-cohort-commands';
import { CertificateResolver } from './certificate/certificate.resolver';
import { CertificateService } from './certificate/certificate.service';
import { CertificateDownloadController } from './http/certificate-download.controller';
import { PortfolioResolver } from './portfolio/portfolio.resolver';
import { PortfolioService } from './portfolio/portfolio.service';

/**
 * Certificates of completion and the teacher's portfolio (issue 14, ADR 0032): GraphQL for the
 * screens, PDFs over plain HTTP, and the public check of a certificate's code.
 */
@Module({
  imports: [CohortCommandsModule],
  providers: [CertificateService, CertificateResolver, PortfolioService, PortfolioResolver],
  controllers: [CertificateDownloadController],
  exports: [CertificateService, PortfolioService],
})
export class CertificateFeatureModule {}
