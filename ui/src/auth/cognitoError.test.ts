import { describe, expect, it } from 'vitest';
import { CognitoError } from './cognitoClient';

// "Unanswered" sends the call to the next endpoint; a verdict (4xx) must not, or a wrong password would be tried twice.
describe('CognitoError', () => {
  it('counts no answer, and a 5xx from the 500 up, as no verdict', () => {
    expect(new CognitoError('network', 'Failed to fetch').unanswered).toBe(true);
    expect(new CognitoError('InternalErrorException', 'boom', 500).unanswered).toBe(true);
    expect(new CognitoError('unknown', 'Service Unavailable', 503).unanswered).toBe(true);
  });

  it('counts a 4xx, and any other error without a status, as a verdict', () => {
    expect(new CognitoError('NotAuthorizedException', 'Incorrect username or password.', 400).unanswered).toBe(false);
    expect(new CognitoError('TooManyRequestsException', 'slow down', 499).unanswered).toBe(false);
    expect(new CognitoError('ChallengeNotSupported', 'NEW_PASSWORD_REQUIRED').unanswered).toBe(false);
  });
});
