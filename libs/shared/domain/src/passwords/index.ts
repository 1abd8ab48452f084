export {
  isCommonPassword,
  normalisePassword,
  PASSWORD_MAX_INPUT_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_CODES,
  passwordLength,
  PasswordProblemCode,
  passwordProblems,
  PERSONAL_WORD_MIN_LENGTH,
  personalWords,
} from './password-rule';
export type { PasswordContext } from './password-rule';
