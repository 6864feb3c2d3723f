// The failover drill end to end in the two-region local mode (scripts/drill.sh: two regions in moto,
// a redis-server and a local runtime each, the table replicator and the front door). Asserts the report's
// invariants, never timings: the failover and the failback are detected, every order a region acknowledged
// is accounted for in both regions at the end, and the best-seller boards converge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = 8 * 60_000;

test('a short drill in two local regions fails over, fails back and accounts for every acknowledged order', async (t) => {
  const runs = mkdtempSync(join(tmpdir(), 'bookstore-drill-'));
  t.after(() => rmSync(runs, { recursive: true, force: true }));
  const out = join(runs, 'freeze-1s');   // laid out as scripts/bench-drill.sh lays out its runs
  const child = spawn(join(root, 'scripts/drill.sh'), [], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      FRONT_DOOR_PORT: '0',   // any free port: other suites run on this machine at the same time
      DRILL_OUT: out,
      DRILL_ARGS: '--warm-up-seconds 8 --hold-seconds 10',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGTERM'); reject(new Error(`drill still running after ${TIMEOUT_MS} ms:\n${output}`)); },
      TIMEOUT_MS);
    child.on('exit', (exitCode) => { clearTimeout(timer); resolve(exitCode); });
  });

  assert.equal(code, 0, output);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  assert.deepEqual(report.invariants, {
    failoverDetected: true, failbackDetected: true, everyAcknowledgedOrderAccountedFor: true, boardsConverged: true,
    newcomerSignedInThroughSecondaryAndOrdered: true, signedInShopperRefreshedThroughSecondary: true,
    signUpRefusedClearlyDuringOutage: true,
  });
  // Sign-in while the primary is frozen, at the secondary's own Cognito endpoint (the user pool's replica).
  assert.match(report.signIn.cognitoEndpoint, /^http:\/\/127\.0\.0\.1:\d+\/cognito\/$/);
  assert.equal(report.signIn.signUpError, 'OperationNotEnabledException');
  assert.equal(report.signIn.newcomerOrderRegion, 'ap-southeast-1');
  assert.equal(report.passed, true);
  assert.ok(report.ordersAcknowledged > 0, 'the shoppers placed orders');
  // Both regions' functions wrote their embedded metrics (docs/observability.md): each took orders.
  for (const region of ['eu-west-1', 'ap-southeast-1']) {
    assert.ok(report.telemetry.byRegion[region]?.ordersPlaced > 0, `OrdersPlaced metric lines of ${region}: ${JSON.stringify(report.telemetry)}`);
  }
  assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /## What the functions measured/);
  assert.equal(report.primaryRegion, 'eu-west-1');
  assert.equal(report.secondaryRegion, 'ap-southeast-1');
  assert.match(readFileSync(join(out, 'timeline.svg'), 'utf8'), /^<svg[\s\S]*<\/svg>\s*$/);
  assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /RTO \(fault to sustained service by ap-southeast-1\)/);
  // Failover and failback ran the Region switch plan's workflows through their local mapping, step for step in the
  // order the plan has them (the plan is checked against the same list by RegionSwitchContractTest).
  const plan = JSON.parse(readFileSync(join(root, 'lambdas/ops/src/main/resources/region-switch-steps.json'), 'utf8'));
  const runsOfThePlan = readFileSync(join(out, 'region-switch-steps.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(runsOfThePlan.map((r) => [r.activated, r.mode]), [['ap-southeast-1', 'unplanned'], ['eu-west-1', 'planned']]);
  assert.deepEqual(runsOfThePlan[0].steps.map((s) => s.name), plan.toSecondary);
  assert.deepEqual(runsOfThePlan[1].steps.map((s) => s.name), plan.toPrimary);
  assert.equal(runsOfThePlan[0].steps.find((s) => s.name === 'fault-switch').result, 'skipped', 'unplanned: as on AWS');
  assert.ok(runsOfThePlan.every((r) => ['traffic', 'verify'].every((name) => r.steps.find((s) => s.name === name).result === 'done')));

  // The benchmark's figures writer on this real report: README block and benchmarks section rewritten.
  writeFileSync(join(runs, 'freeze-1s.log'), output);
  const readme = join(runs, 'README.md');
  const benchmarks = join(runs, 'benchmarks.md');
  copyFileSync(join(root, 'README.md'), readme);
  copyFileSync(join(root, 'docs/benchmarks.md'), benchmarks);
  const figures = spawnSync('python3', [join(root, 'scripts/drill_figures.py'), '--runs', runs,
    '--benchmarks', benchmarks, '--readme', readme], { encoding: 'utf8' });
  assert.equal(figures.status, 0, figures.stderr);
  const readmeText = readFileSync(readme, 'utf8');
  assert.match(readmeText, /\| region frozen, 1 s delay, 4 shoppers \| \d+\.\d s \| \d+ of \d+ \| \d+ of \d+ \(\d+\.\d s\) \| 0 of \d+ \| \d+\.\d s \| yes \/ yes \/ yes \|/);
  assert.equal(readmeText.split('drill figures: written by').length, 2, 'one README block, replaced in place');
  const section = readFileSync(benchmarks, 'utf8').split('## Failover drill')[1];
  assert.match(section, /\| every invariant held \| yes \|/);
  assert.match(section, new RegExp(`every acknowledged order in both regions at the end \\| yes \\(${report.ordersAcknowledged}\\)`));
});

/** True once nothing accepts connections on the port any more. */
function closed(port) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

test('make local REGIONS=2 serves both regions behind the front door and SIGTERM stops every process', async (t) => {
  const child = spawn('make', ['--no-print-directory', 'local', 'REGIONS=2'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    env: { ...process.env, FRONT_DOOR_PORT: '0' },
  });
  // SIGTERM, not SIGKILL: should the test fail early, the launcher still stops what it started.
  t.after(() => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 4 * 60_000;
  while (!output.includes('Bookstore (two regions) is running at')) {
    assert.ok(Date.now() < deadline && child.exitCode === null, `not ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const frontDoor = Number(/Bookstore \(two regions\) is running at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)[1]);
  assert.notEqual(frontDoor, 0, 'the launcher names the port the front door got');

  const base = `http://127.0.0.1:${frontDoor}`;
  assert.deepEqual(await (await fetch(`${base}/api/region`)).json(), { region: 'eu-west-1', role: 'primary' });
  const storefront = await fetch(`${base}/`);
  assert.equal(storefront.status, 200);
  assert.match(await storefront.text(), /<div id="root">/);
  const status = await (await fetch(output.match(/curl (http:\/\/127\.0\.0\.1:\d+\/status)/)[1])).json();
  assert.equal(status.frontDoorTarget, 'primary');

  // Every port the launcher printed: both regions, moto, the control endpoint, the front door.
  const ports = [...output.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  assert.ok(new Set(ports).size >= 5, `expected the regions', moto's, control's and front door's ports in:\n${output}`);
  process.kill(-child.pid, 'SIGTERM');   // what a terminal's Ctrl-C or a service manager sends the group
  await exited;
  // make exits at once; the launcher then stops its processes one by one (each gets 5 s before SIGKILL).
  const stopBy = Date.now() + 40_000;
  let open = [...new Set(ports)];
  while (open.length > 0 && Date.now() < stopBy) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    open = (await Promise.all(open.map(async (port) => ((await closed(port)) ? null : port)))).filter(Boolean);
  }
  assert.deepEqual(open, [], `ports still open 40 s after SIGTERM:\n${output}`);
});
