// The local blog as the tests start it: scripts/blog/start.sh in its own process, its URL from the line it
// prints when ready, and a stop that waits for it (and, through its trap, MariaDB and PHP) to end.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Starts the blog on `port` (0: any free port) with its data in `data`; `ready` resolves to its URL. */
export function startBlog(port, data, env = {}) {
  const child = spawn(join(here, 'start.sh'), ['--port', String(port), '--data', data],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`blog did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/Blog is running at (\S+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`blog exited with ${code}:\n${output}`)); });
  });
  return { child, ready, log: () => output };
}

/** SIGTERM, then the exit code (or signal) once the launcher has stopped what it started. */
export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGTERM');
  });
}
