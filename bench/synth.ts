/**
 * SYNTHETIC datasets for the benchmarks only: never shipped, never data. Built with a fixed seed
 * (test/seeded-random.js) from the shapes of the real records in data/resources.json: each
 * synthetic record copies a real record of the same kind (its categories, schedule, languages,
 * cost, delivery, phones' shape) and gets a recombined real name, the real descriptions, and a
 * real Massachusetts address (city, street, ZIP from the shipped datasets) placed at that ZIP's
 * Census centroid (data/zip-centroids-ma.json), jittered. Phone numbers use the fictional
 * 555-01xx range. Every record says it is synthetic in its provenance.
 *
 * bench/harness.mjs compiles this file for Node and serves what it returns over loopback.
 */
import { seededRandom } from '../test/seeded-random.js';

/** A record as JSON: the benchmarks never validate here (the element does). */
type Json = Record<string, unknown>;

interface Place {
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  latitude: number;
  longitude: number;
}

export interface Sources {
  /** data/resources.json, parsed. */
  resources: { time_zone: string; help: unknown; resources: Json[] };
  /** data/zip-centroids-ma.json, parsed. */
  zipsMa: { zips: Record<string, [number, number]> };
  /** data/us-disposal-2018.json, parsed. */
  disposal: { resources: Json[] };
}

const SYNTHETIC = 'SYNTHETIC benchmark record (generated; not a real service)';

function addressOf(r: Json): { address_1?: string; city?: string; state_province?: string; postal_code?: string } | undefined {
  return r['address'] as { address_1?: string; city?: string; state_province?: string; postal_code?: string } | undefined;
}

/** Real Massachusetts addresses of the shipped datasets, each at its ZIP's Census centroid. */
function places(src: Sources): Place[] {
  const out: Place[] = [];
  const seen = new Set<string>();
  for (const r of [...src.resources.resources, ...src.disposal.resources]) {
    const a = addressOf(r);
    if (!a?.address_1 || !a.city || a.state_province !== 'MA' || !a.postal_code) continue;
    const c = src.zipsMa.zips[a.postal_code];
    const key = `${a.address_1}|${a.postal_code}`;
    if (!c || seen.has(key)) continue;
    seen.add(key);
    out.push({ address_1: a.address_1, city: a.city, state_province: 'MA', postal_code: a.postal_code, latitude: c[0], longitude: c[1] });
  }
  return out;
}

/** The part of a real name before a parenthesis, in words. */
function nameWords(name: string): string[] {
  return name.replace(/\(.*?\)/g, '').trim().split(/\s+/).filter(Boolean);
}

/**
 * `n` records shaped like the real records of `kinds` (default: services and PRSCs), with a
 * fixed seed. The dataset wrapper (time zone, help contacts) is the real one.
 */
export function synthResources(src: Sources, n: number, options: { seed?: number; kinds?: string[] } = {}): Json {
  const rnd = seededRandom(options.seed ?? 20260101);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const kinds = options.kinds ?? ['service', 'prsc'];
  const templates = src.resources.resources.filter((r) => kinds.includes(String(r['kind'])));
  const where = places(src);
  const firstWords = templates.map((r) => nameWords(String(r['name']))[0] ?? 'Recovery');
  const descriptions = templates.map((r) => String(r['description'] ?? '')).filter(Boolean);
  const resources: Json[] = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length] as Json;
    const p = pick(where);
    const words = nameWords(String(t['name']));
    if (words.length > 1 && rnd() < 0.5) words[0] = pick(firstWords);
    const name = `${words.join(' ')} (${p.city})`;
    const description = rnd() < 0.5 ? `${String(t['description'] ?? '')} ${pick(descriptions)}`.trim() : String(t['description'] ?? '');
    const org = t['organization'] as { name?: string } | undefined;
    const phones = ((t['phones'] as Json[] | undefined) ?? [{ type: 'voice' }]).map((ph) => ({
      ...ph,
      number: `(${pick(['617', '508', '413', '978', '781'])}) 555-01${String(Math.floor(rnd() * 100)).padStart(2, '0')}`,
    }));
    const precise = rnd() < 0.5;
    const record: Json = {
      ...t,
      id: `syn-${String(t['kind'])}-${i}`,
      name,
      description,
      address: { address_1: p.address_1, city: p.city, state_province: p.state_province, postal_code: p.postal_code },
      location: {
        latitude: Math.round((p.latitude + (rnd() - 0.5) * 0.02) * 1e5) / 1e5,
        longitude: Math.round((p.longitude + (rnd() - 0.5) * 0.03) * 1e5) / 1e5,
        precision: precise ? 'exact' : 'zip-centroid',
      },
      phones,
      provenance: { source: SYNTHETIC, status: 'unverified' },
    };
    if (org?.name) record['organization'] = { name: rnd() < 0.3 ? `${pick(firstWords)} ${org.name}` : org.name };
    delete record['url'];
    delete record['email'];
    resources.push(record);
  }
  return {
    schema_version: '1.0',
    generated_at: '2026-01-01T00:00:00Z',
    title: `SYNTHETIC benchmark dataset (${n} records; not real services)`,
    time_zone: src.resources.time_zone,
    sources: [],
    help: src.resources.help,
    resources,
  };
}

/**
 * `n` disposal sites: the real national 2018 DEA snapshot first, then copies jittered by a few
 * km (as bench/disposal-entry.ts does), with ids marked synthetic.
 */
export function synthDisposal(src: Sources, n: number, seed = 2018): Json {
  const rnd = seededRandom(seed);
  const real = src.disposal.resources;
  const out = real.slice(0, n);
  for (let i = out.length; i < n; i++) {
    const r = real[i % real.length] as Json;
    const loc = r['location'] as { latitude: number; longitude: number; precision?: string };
    out.push({
      ...r,
      id: `${String(r['id'])}-syn${i}`,
      location: {
        ...loc,
        latitude: Math.round((loc.latitude + (rnd() - 0.5) * 0.09) * 1e6) / 1e6,
        longitude: Math.round((loc.longitude + (rnd() - 0.5) * 0.12) * 1e6) / 1e6,
      },
    });
  }
  return { ...src.disposal, title: `Disposal sites: the real 2018 snapshot plus SYNTHETIC jittered copies (${n} sites)`, resources: out };
}
