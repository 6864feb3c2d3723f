// Where a guest goes to sign in, and where they come back to afterwards. `next` travels in the URL
// so that it survives the sign-up and confirmation steps and a reload.
export const NEXT_PARAM = 'next';

/** The sign-in page, coming back to `next`; with `email` its field is filled in. */
export function signInPath(next: string, email?: string): string {
  const path = `/signin?${NEXT_PARAM}=${encodeURIComponent(next)}`;
  return email ? `${path}&email=${encodeURIComponent(email)}` : path;
}

/** Only same-site paths: an attacker's link must not turn sign-in into an open redirect. */
export function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
