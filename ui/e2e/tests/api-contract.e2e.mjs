// schemathesis against the running local gateway with the repository's OpenAPI document, signed in and
// not: no 5xx, declared status codes, content types, headers and bodies that match the document.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BookstoreApi } from '../harness/bookstoreApi.mjs';
import { startLocalBookstore } from '../harness/localBookstore.mjs';
import { artifactsDir, repoRoot } from '../harness/paths.mjs';

const NAME = 'api-contract';
const SPEC = path.join(repoRoot, 'lambdas/api-contract/src/main/resources/openapi.yaml');
const VENV = path.join(repoRoot, '.venv/bin');
// "Responses match the spec". The data-acceptance checks are left out on purpose: the API refuses
// schema-valid input for reasons a schema cannot state (an unknown book id is a 422), and an undeclared
// method gets API Gateway's 404, not the 405 schemathesis expects.
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance',
  'response_headers_conformance', 'response_schema_conformance'];
const MAX_EXAMPLES = process.env.SCHEMATHESIS_MAX_EXAMPLES ?? '15';

let bookstore;
const workDir = path.join(artifactsDir, NAME);
// Where make test's closing line (scripts/test-summary.py) counts them, as suite e2e-schemathesis.
const reports = path.join(repoRoot, 'build', 'test-results', 'e2e-schemathesis');

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

before(async () => {
  bookstore = await startLocalBookstore(NAME);
  mkdirSync(workDir, { recursive: true });
  mkdirSync(reports, { recursive: true });
});

after(async () => {
  await bookstore?.stop();
});

async function schemathesis(label, headers) {
  // The document as shipped, no overlay: it declares API Gateway's own 401 body itself.
  const args = ['run', SPEC, '--url', `${bookstore.url}/api`, '--checks', CHECKS.join(','),
    '--max-examples', MAX_EXAMPLES, '--seed', '20261127', '--generation-database', 'none', '--no-color',
    '--report', 'junit', '--report-junit-path', path.join(reports, `${label}.xml`)];
  for (const header of headers) args.push('-H', header);
  const { code, output } = await run(path.join(VENV, 'schemathesis'), args);
  assert.equal(code, 0, `schemathesis (${label}) found failures:\n${output}`);
  assert.match(output, /Tested: 13/, 'every operation of the document was exercised');
}

test('unauthenticated: public routes conform and protected ones answer the authorizer 401', async () => {
  await schemathesis('guest', []);
});

test('signed in: every route conforms to the OpenAPI document', async () => {
  const demo = /demo account: (\S+) \/ (\S+)/.exec(bookstore.output());
  const token = await new BookstoreApi(bookstore.url).signIn(demo[1], demo[2]);
  await schemathesis('signed-in', [`Authorization: Bearer ${token}`]);
});
