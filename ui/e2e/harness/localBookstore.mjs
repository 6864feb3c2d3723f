import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { artifactsDir, repoRoot } from './paths.mjs';

const READY = /Bookstore is running at (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 180_000;

/**
 * Starts the bookstore exactly as a person does (scripts/local.sh, its own process group like a shell
 * job), with its output in build/e2e/<name>/local.log. Every server binds a port of its own choosing
 * (BOOKSTORE_PORT=0; other suites run on this machine at the same time) and the launcher prints it. The
 * build step is skipped: the suite's entry point builds once before the tests. `env` adds settings of
 * scripts/local.sh (AWS_REGION, BOOKSTORE_BLOG).
 */
export async function startLocalBookstore(name, env = {}) {
  const dir = path.join(artifactsDir, name);
  rmSync(dir, { recursive: true, force: true }); // this run's artifacts only
  mkdirSync(dir, { recursive: true });
  const log = createWriteStream(path.join(dir, 'local.log'));
  const child = spawn(path.join(repoRoot, 'scripts/local.sh'), [], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BOOKSTORE_PORT: '0',
      BOOKSTORE_SKIP_BUILD: '1',
      BOOKSTORE_STATE_DIR: path.join(dir, 'engines'),
      ...env,
    },
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Bookstore is running" within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      log.write(chunk);
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`scripts/local.sh ended (${code ?? signal}) before it was ready:\n${output}`));
    });
  });

  return {
    url,
    pid: child.pid,
    output: () => output,
    /** Every process the launcher started, found through the process table (parent links). */
    processTree: () => descendants(child.pid),
    /** Ports the launcher reported for moto and redis-server. */
    enginePorts: () => [...output.matchAll(/(?:moto|redis-server) listening on 127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])),
    /** Ctrl-C as a terminal sends it (SIGINT to the job's process group), or SIGTERM to the script alone. */
    async stop({ signal = 'SIGINT', group = true, timeoutMs = 60_000 } = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      process.kill(group ? -child.pid : child.pid, signal);
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scripts/local.sh still running ${timeoutMs} ms after ${signal}`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
        log.end();
      }
    },
  };
}

/** PIDs of every live descendant of `pid` (children first discovered through /proc/<pid>/stat). */
export function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command name may hold spaces and parentheses: fields start after the last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** True while a process with this PID exists and is not a zombie. */
export function isRunning(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** True if something accepts connections on 127.0.0.1:port. */
export function isListening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
