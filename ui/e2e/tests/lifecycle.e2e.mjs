// `make local` must leave nothing behind: Ctrl-C (SIGINT to the job's process group, as a terminal
// sends it) or SIGTERM to the launcher alone stops moto, redis-server, the blog (MariaDB + WordPress) and
// the Java runtime.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isListening, isRunning, startLocalBookstore } from '../harness/localBookstore.mjs';

async function assertStopsCleanly(name, stopOptions) {
  const bookstore = await startLocalBookstore(name);
  const processes = bookstore.processTree();
  const ports = [Number(new URL(bookstore.url).port), ...bookstore.enginePorts()];
  assert.ok(processes.length >= 3, `moto, redis-server and java run under the launcher: ${processes}`);
  for (const port of ports) assert.ok(await isListening(port), `port ${port} is served while running`);

  await bookstore.stop(stopOptions);

  const survivors = processes.filter(isRunning);
  assert.deepEqual(survivors, [], 'no process of the local mode survives');
  for (const port of ports) assert.equal(await isListening(port), false, `port ${port} is closed`);
  // moto, redis-server, the blog's launcher (which stops MariaDB and PHP) and the Java runtime
  assert.match(bookstore.output(), /stopping 4 process\(es\)/);
}

test('Ctrl-C stops every process the local bookstore started', async () => {
  await assertStopsCleanly('lifecycle-ctrl-c', { signal: 'SIGINT', group: true });
});

test('SIGTERM to the launcher stops every process it started', async () => {
  await assertStopsCleanly('lifecycle-sigterm', { signal: 'SIGTERM', group: false });
});
