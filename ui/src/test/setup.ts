import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { forgetUnansweredEndpoints } from '../auth/cognitoClient';
import { takeContractViolations } from './fakeBackend';

afterEach(() => {
  // Every API request and scripted answer of the test, checked against openapi.yaml (fakeBackend.ts).
  expect(takeContractViolations(), 'requests and fake answers that break the API contract').toEqual([]);
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  forgetUnansweredEndpoints();
});

// Lazy route chunks are transformed on first import; on a busy 2-core CI box that can take longer
// than Testing Library's default one second.
configure({ asyncUtilTimeout: 5000 });
