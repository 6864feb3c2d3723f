import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { reactRefresh } from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const WIRE_TYPE_MESSAGE =
  'Wire types come from the OpenAPI document: use components[...] / operations[...] from ./openapi (npm run api-types), not a hand-written shape.';
const TRANSPORT_TYPES = /^(ApiRequest|ApiRootState|ApiError)$/;
export const WIRE_TYPE_RULES = [
  { selector: `TSInterfaceDeclaration[id.name!=${TRANSPORT_TYPES}]`, message: WIRE_TYPE_MESSAGE },
  // (a conditional type's `extends { content: ... }` only reads the generated types)
  {
    selector: `TSTypeAliasDeclaration[id.name!=${TRANSPORT_TYPES}] TSTypeLiteral:not(TSConditionalType TSTypeLiteral)`,
    message: WIRE_TYPE_MESSAGE,
  },
  // build.query<Result, Arg> / build.mutation<Result, Arg>: the result is what the API answers.
  {
    selector: "CallExpression[callee.object.name='build'] > TSTypeParameterInstantiation > TSTypeLiteral:first-child",
    message: WIRE_TYPE_MESSAGE,
  },
  { selector: "TSAsExpression > TSTypeLiteral", message: WIRE_TYPE_MESSAGE },
];

export default defineConfig([
  globalIgnores(['dist', 'node_modules', 'src/api/openapi.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat['recommended-latest'],
      reactRefresh.configs.vite(),
    ],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
  },
  {
    // The route table declares the lazy pages; it is data, not a component that hot-reloads.
    files: ['src/app/routes.tsx'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
  {
    // The API's wire types are generated from its OpenAPI document into src/api/openapi.ts (docs/ui.md#wire-types).
    // Here a body the API sends or accepts is named from `components`/`operations`, never written out by hand;
    // the transport's own request, state and error shapes are the only hand-written object types.
    files: ['src/api/**/*.ts'],
    ignores: ['src/api/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...WIRE_TYPE_RULES],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.node },
  },
]);
