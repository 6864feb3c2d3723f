/// <reference types="node" />
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps src/api on the generated wire types (eslint.config.js) must really refuse
// a hand-written response shape, wherever one would be written.
const lint = async (code: string) => {
  const [result] = await new ESLint().lintText(code, { filePath: 'src/api/handWritten.ts' });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.line);
};

describe('hand-written wire types in src/api', () => {
  it('are refused as interfaces, type literals, endpoint results and casts', async () => {
    const code = [
      'export interface OrderLine { bookId: string; price: number }',
      'export type Order = { orderId: string; lines: OrderLine[] };',
      'declare const build: { query<R, A>(x: A): R };',
      'build.query<{ items: string[] }, void>(undefined);',
      'export const read = (body: unknown) => body as { unitPrice: number };',
    ].join('\n');
    expect(await lint(code)).toEqual([1, 2, 4, 5]); // line 3 only declares `build` for the example
  }, 60_000);

  it('allow types named from the generated document', async () => {
    const code = [
      "import type { components } from './openapi';",
      "export type Order = components['schemas']['Order'];",
    ].join('\n');
    expect(await lint(code)).toEqual([]);
  }, 60_000);
});
