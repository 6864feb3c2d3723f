import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

// Lazy route chunks are transformed on first import; on a busy 2-core CI box that can take longer
// than Testing Library's default one second.
configure({ asyncUtilTimeout: 5000 });
