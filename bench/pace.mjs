// How steady this machine's pace is: the same small piece of work (200 SHA-1 digests) done over
// and over on one core for a while, counted in quarter-seconds. On a steady machine every
// quarter-second counts about the same; here, idle, the count halves for seconds at a time
// (BENCHMARKS.md). Prints each quarter-second's count and the share of them under 75 % of the
// run's best. It asserts nothing; run it on an idle machine before a benchmark.
//
//   node bench/pace.mjs [seconds]   (default 30)
import { createHash } from 'node:crypto';

const seconds = Number(process.argv[2] ?? 30);
const start = performance.now();
const counts = [];
let quarter = 0;
let count = 0;
let check = 0;
while (performance.now() - start < seconds * 1000) {
  for (let i = 0; i < 200; i++) check += createHash('sha1').update(`recovery-finder:pace:${i}`).digest()[0];
  count++;
  const q = Math.floor((performance.now() - start) / 250);
  if (q !== quarter) {
    counts.push(count);
    count = 0;
    quarter = q;
  }
}
const best = Math.max(...counts);
const slow = counts.filter((c) => c < 0.75 * best).length;
console.log(JSON.stringify({ seconds, best, slowShare: Number((slow / counts.length).toFixed(2)), median: [...counts].sort((a, b) => a - b)[counts.length >> 1], counts, check }));
