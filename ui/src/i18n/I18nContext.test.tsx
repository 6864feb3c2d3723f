import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useI18n } from './I18nContext';

describe('useI18n', () => {
  it('says where it must be used instead of failing later on a missing translation', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the thrown error too
    expect(() => renderHook(() => useI18n())).toThrow('useI18n must be used inside <I18nProvider>');
  });
});
