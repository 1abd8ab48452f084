export { certificateVerifyRoutes, cohortCertificateRoutes, portfolioRoutes } from './lib/certificate.routes';
