import type { MailLocale } from '../locale';
import type { MailDictionary } from './dictionary';
import { en } from './en';
import { sv } from './sv';

export type { MailDictionary } from './dictionary';

export const DICTIONARIES: Record<MailLocale, MailDictionary> = { sv, en };
