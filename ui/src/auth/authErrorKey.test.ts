import { describe, expect, it } from 'vitest';
import { authErrorKey } from './authErrorKey';
import { CognitoError } from './cognitoClient';

describe('authErrorKey', () => {
  it('names a Cognito exception the catalogue has a message for', () => {
    expect(authErrorKey(new CognitoError('NotAuthorizedException', 'Incorrect username or password.', 400))).toBe(
      'auth.error.NotAuthorizedException',
    );
  });

  it('falls back to the generic message for an unknown exception, a name an object inherits, or another error', () => {
    expect(authErrorKey(new CognitoError('SomethingNewException', 'new', 400))).toBe('auth.error.unknown');
    expect(authErrorKey(new CognitoError('toString', 'odd', 400))).toBe('auth.error.unknown');
    expect(authErrorKey(new Error('NotAuthorizedException'))).toBe('auth.error.unknown');
    expect(authErrorKey({ code: 'NotAuthorizedException' })).toBe('auth.error.unknown');
  });
});
