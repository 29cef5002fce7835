// Drive a running HSDS server with one of bench/server.mjs's uncached question lists (for a profile of the server).
//   node bench/drive.mjs --base http://127.0.0.1:18099 --query zip [--clients 16] [--duration 10]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { questions } from './server-questions.mjs';

const { values } = parseArgs({ options: {
  base: { type: 'string', default: 'http://127.0.0.1:18099' }, query: { type: 'string', default: 'zip' },
  clients: { type: 'string', default: '16' }, duration: { type: 'string', default: '10' },
} });
const list = questions().uncached[values.query];
let i = 0;
const setupRequest = (req) => ({ ...req, path: list[i++ % list.length] });
const r = await autocannon({ url: values.base, connections: Number(values.clients), duration: Number(values.duration), timeout: 60,
  headers: { 'accept-encoding': 'gzip' }, requests: [{ setupRequest }] });
console.log(`${values.query} ${values.clients} clients: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s, non-2xx ${r.non2xx}, errors ${r.errors}`);
