export { CertificateFeatureModule } from './certificate-feature.module';
export { CertificateService, CERTIFICATE_CHECK_SCOPE } from './certificate/certificate.service';
export { PortfolioService, REFLECTION_MAX_LENGTH } from './portfolio/portfolio.service';
