// Where a guest goes to sign in, and where they come back to afterwards. `next` travels in the URL
// so that it survives the sign-up and confirmation steps and a reload.
export const NEXT_PARAM = 'next';

export function signInPath(next: string): string {
  return `/signin?${NEXT_PARAM}=${encodeURIComponent(next)}`;
}

/** Only same-site paths: an attacker's link must not turn sign-in into an open redirect. */
export function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
