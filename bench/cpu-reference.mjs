// How fast this machine's one core is right now: the same fixed work, timed (wall ms, best of
// three), next to a benchmark's figures. The 2-core machine these benchmarks run on is shared
// and its speed changes by the hour (the same load of 1,000,000 records took 115 s one evening
// and 300 s after a reboot the next night): a figure is read against the reference of its own
// run, never against a figure of another hour alone.
//
// The work is what the HSDS server and its load do most: SHA-1 ids, JSON written and read,
// strings joined. It is no timed assertion: nothing passes or fails on it.
import { createHash } from 'node:crypto';

/** One round of the fixed work; returns a number so that nothing is optimised away. */
function round() {
  let n = 0;
  for (let i = 0; i < 20_000; i++) {
    const id = createHash('sha1').update(`recovery-finder:reference:${i}`).digest('hex');
    const doc = JSON.stringify({ id, name: `Service ${i}`, phones: [{ number: '617-555-0100', position: i % 3 }], note: 'x'.repeat(i % 200) });
    n += JSON.parse(doc).phones.length + doc.length;
  }
  return n;
}

/** The reference in ms (the best of three rounds), and its check number. */
export function cpuReference() {
  let best = Infinity;
  let check = 0;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    check = round();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: Number(best.toFixed(1)), check };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(cpuReference()));
