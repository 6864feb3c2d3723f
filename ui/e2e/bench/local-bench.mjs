// Benchmarks of the local mode, written into the "Local mode" section of docs/benchmarks.md:
// start-up time of scripts/local.sh, the gateway's latency per kind of route, and how long an order
// takes to reach the best sellers through the stream poller. Run: scripts/bench-local.sh
import os from 'node:os';
import { BookstoreApi } from '../harness/bookstoreApi.mjs';
import { startLocalBookstore } from '../harness/localBookstore.mjs';
import { machine, writeSection } from '../harness/benchmarkReport.mjs';

const STARTS = 3;
const REQUESTS = 300;
const ORDERS = 5;
const SECTION = '## Local mode';

const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (value) => value.toFixed(1);

async function timeStart() {
  const started = performance.now();
  const bookstore = await startLocalBookstore('bench-start');
  const elapsed = performance.now() - started;
  await bookstore.stop();
  return elapsed;
}

async function latencies(url, headers) {
  const samples = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function orderToBoard(api, token, bookId) {
  const before = (await api.api('GET', '/bestsellers')).items.find((item) => item.book.id === bookId)?.sold ?? 0;
  await api.api('POST', '/cart', { token, body: { bookId, quantity: 1 } });
  const placed = performance.now();
  await api.api('POST', '/orders', { token, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  for (;;) {
    const sold = (await api.api('GET', '/bestsellers')).items.find((item) => item.book.id === bookId)?.sold ?? 0;
    if (sold > before) return performance.now() - placed;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const loadAtStart = os.loadavg()[0];
const starts = [];
for (let i = 0; i < STARTS; i += 1) starts.push(await timeStart());

const bookstore = await startLocalBookstore('bench');
const api = new BookstoreApi(bookstore.url);
const demo = /demo account: (\S+) \/ (\S+)/.exec(bookstore.output());
const token = await api.signIn(demo[1], demo[2]);
const [book] = (await api.api('GET', '/books?limit=1')).items;
const auth = { Authorization: `Bearer ${token}` };
const routes = [
  ['`GET /config.json` (gateway only)', `${bookstore.url}/config.json`, {}],
  ['`GET /api/region` (event + handler, no I/O)', `${bookstore.url}/api/region`, {}],
  ['`GET /api/books/{id}` (handler + DynamoDB on moto)', `${bookstore.url}/api/books/${book.id}`, {}],
  ['`GET /api/cart` (JWT authorizer + handler + DynamoDB)', `${bookstore.url}/api/cart`, auth],
];
const rows = [];
for (const [label, url, headers] of routes) {
  const samples = await latencies(url, headers);
  rows.push(`| ${label}, p50 / p90 (${REQUESTS} sequential) | ${ms(percentile(samples, 50))} / ${ms(percentile(samples, 90))} ms |`);
}
const lags = [];
for (let i = 0; i < ORDERS; i += 1) lags.push(await orderToBoard(api, token, book.id));
await bookstore.stop();

const section = `${SECTION}

Measured by \`scripts/bench-local.sh\` (ui/e2e/bench/local-bench.mjs), which rewrites this section.
The bookstore is started by \`scripts/local.sh\` with the build skipped; requests are sequential \`fetch\`es
from Node on the same machine.

- Date: ${new Date().toISOString()}
- Machine: ${machine(loadAtStart)}

| measure | value |
|---|---|
| \`scripts/local.sh\` to "Bookstore is running" (engines, tables, 56-book seed, user pool), median of ${STARTS} | ${(median(starts) / 1000).toFixed(1)} s (${starts.map((s) => (s / 1000).toFixed(1)).join(', ')}) |
${rows.join('\n')}
| order placed to its copies on \`GET /api/bestsellers\` (stream, poller, consumer, Redis), median of ${ORDERS} | ${ms(median(lags))} ms (max ${ms(Math.max(...lags))}) |

The poller polls an idle shard every 200 ms, so the order-to-board time is mostly that interval.
The first run of this benchmark found every gateway response ~40 ms slow (p50 36 ms for \`/config.json\`):
the JDK server wrote headers and body as two small segments and waited for the client's delayed ACK.
The gateway now turns on TCP_NODELAY (\`sun.net.httpserver.nodelay\`).
`;

writeSection(SECTION, section);
console.log(section);
