export {
  CERTIFICATE_CODE_ALPHABET,
  CERTIFICATE_CODE_LENGTH,
  CERTIFICATE_VERIFY_PATH,
  formatCertificateCode,
  normaliseCertificateCode,
} from './certificate-code';
