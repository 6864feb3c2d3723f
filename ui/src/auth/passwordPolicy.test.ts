import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../config/runtimeConfig';
import { passwordRules, unmetPasswordRules } from './passwordPolicy';

const NOTHING: PasswordPolicy = { minimumLength: 8, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false };
const EVERYTHING: PasswordPolicy = { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };

describe('password policy', () => {
  it('names the length always and each class only when the pool requires it, in the form\'s order', () => {
    expect(passwordRules(NOTHING)).toEqual(['minimumLength']);
    expect(passwordRules(EVERYTHING)).toEqual(['minimumLength', 'uppercase', 'lowercase', 'number', 'symbol']);
    expect(passwordRules({ ...NOTHING, requireNumbers: true })).toEqual(['minimumLength', 'number']);
    expect(passwordRules({ ...NOTHING, requireUppercase: true, requireSymbols: true })).toEqual(['minimumLength', 'uppercase', 'symbol']);
    expect(passwordRules({ ...NOTHING, requireLowercase: true })).toEqual(['minimumLength', 'lowercase']);
  });

  it('finds each class missing on its own', () => {
    expect(unmetPasswordRules('Abcdefg1!', EVERYTHING)).toEqual([]);
    expect(unmetPasswordRules('abcdefg1!', EVERYTHING)).toEqual(['uppercase']);
    expect(unmetPasswordRules('ABCDEFG1!', EVERYTHING)).toEqual(['lowercase']);
    expect(unmetPasswordRules('Abcdefgh!', EVERYTHING)).toEqual(['number']);
    expect(unmetPasswordRules('Abcdefgh1', EVERYTHING)).toEqual(['symbol']);
    expect(unmetPasswordRules('', NOTHING)).toEqual(['minimumLength']);
  });

  it('counts characters, not UTF-16 units, against the minimum length', () => {
    expect(unmetPasswordRules('😀😀😀😀😀😀😀', NOTHING)).toEqual(['minimumLength']); // 7 characters, 14 units
    expect(unmetPasswordRules('😀😀😀😀😀😀😀😀', NOTHING)).toEqual([]);
  });

  it('takes Cognito\'s special characters, the space included, and no other', () => {
    for (const symbol of ['^', '$', '"', '\\', "'", '`', '=', '+', '-', ' ']) {
      expect(unmetPasswordRules(`Abcdefg1${symbol}`, EVERYTHING)).toEqual([]);
    }
    expect(unmetPasswordRules('Abcdefg1é', EVERYTHING)).toEqual(['symbol']);
    expect(unmetPasswordRules('Abcdefg1€', EVERYTHING)).toEqual(['symbol']);
  });
});
