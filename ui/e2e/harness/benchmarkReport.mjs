import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

/** One line naming the machine, for a benchmark's figures; the load average says how shared it was. */
export function machine(loadAtStart = os.loadavg()[0]) {
  const cpu = os.cpus();
  return `${cpu.length} CPUs, ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, `
    + `${os.type()} ${os.release()}, Node ${process.version}, shared with other builds (load average `
    + `${loadAtStart.toFixed(2)} at start)`;
}

/** Rewrites the `title` section ("## ...", up to the next "## ") of docs/benchmarks.md, or appends it. */
export function writeSection(title, section) {
  const file = path.join(repoRoot, 'docs/benchmarks.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf(title);
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + title.length);
  const updated = start < 0
    ? `${current.trimEnd()}\n\n${section}`
    : `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next + 1)}`;
  writeFileSync(file, updated.endsWith('\n') ? updated : `${updated}\n`);
  return file;
}
