import { describe, expect, it } from 'vitest';
import { htmlText } from './htmlText';

describe('htmlText', () => {
  it('decodes entities, drops tags and trims', () => {
    expect(htmlText('  Tom &#038; Jerry <em>again</em>\n')).toBe('Tom & Jerry again');
    expect(htmlText('')).toBe('');
  });

  it('runs nothing it parses', () => {
    expect(htmlText('<img src="x" onerror="window.__ran = true">New')).toBe('New');
    expect((window as { __ran?: boolean }).__ran).toBeUndefined();
  });
});
