import type { MessageKey } from '../i18n/i18n';
import { en } from '../i18n/messages/en';
import { CognitoError } from './cognitoClient';

/** The message for a failed Cognito call: a known exception name, else a generic one. */
export function authErrorKey(error: unknown): MessageKey {
  if (error instanceof CognitoError) {
    const key = `auth.error.${error.code}`;
    if (Object.hasOwn(en, key)) return key as MessageKey;
  }
  return 'auth.error.unknown';
}
