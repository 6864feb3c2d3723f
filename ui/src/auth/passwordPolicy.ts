import type { PasswordPolicy } from '../config/runtimeConfig';

/** One requirement of the pool's password policy, in the order the form names them. */
export type PasswordRule = 'minimumLength' | 'uppercase' | 'lowercase' | 'number' | 'symbol';

// Cognito's own character classes: ASCII letters and digits, and its list of special characters (space included).
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

interface Check {
  rule: PasswordRule;
  applies: (policy: PasswordPolicy) => boolean;
  met: (password: string, policy: PasswordPolicy) => boolean;
}

const CHECKS: Check[] = [
  // Cognito counts characters, not UTF-16 units.
  { rule: 'minimumLength', applies: () => true, met: (pw, policy) => [...pw].length >= policy.minimumLength },
  { rule: 'uppercase', applies: (policy) => policy.requireUppercase, met: (pw) => /[A-Z]/.test(pw) },
  { rule: 'lowercase', applies: (policy) => policy.requireLowercase, met: (pw) => /[a-z]/.test(pw) },
  { rule: 'number', applies: (policy) => policy.requireNumbers, met: (pw) => /[0-9]/.test(pw) },
  { rule: 'symbol', applies: (policy) => policy.requireSymbols, met: (pw) => [...pw].some((c) => SYMBOLS.has(c)) },
];

/** Every rule of the policy. */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  return CHECKS.filter((check) => check.applies(policy)).map((check) => check.rule);
}

/** The rules of the policy this password breaks; none means Cognito will accept it. */
export function unmetPasswordRules(password: string, policy: PasswordPolicy): PasswordRule[] {
  return CHECKS.filter((check) => check.applies(policy) && !check.met(password, policy)).map((check) => check.rule);
}
