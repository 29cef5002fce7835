// Generators of hostile addresses for the allowed-origins tests (core and embed page).
import fc from 'fast-check';

/**
 * Hostile addresses, each built to lead somewhere off the list (the evil host is known by
 * construction, so the check is judged against that, not against the URL parser it uses).
 */
export function hostileAddress(allowedHost: string): fc.Arbitrary<{ cls: string; value: string }> {
  const evil = fc.domain().filter((d) => d !== allowedHost && !d.endsWith(`.${allowedHost}`) && d !== 'localhost');
  const path = fc.webPath();
  const ws = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\u0000', '\u001f'), minLength: 1, maxLength: 3 });
  const base = fc.oneof(
    fc.tuple(fc.constantFrom('http', 'https', 'HTTPS', 'hTtP'), evil, path).map(([s, d, p]) => ({ cls: 'other origin', value: `${s}://${d}${p}` })),
    fc.tuple(fc.constantFrom('javascript:', 'JavaScript:', 'data:', 'data:text/html,', 'blob:', 'file:///', 'ftp://', 'vbscript:'), fc.string()).map(([s, r]) => ({ cls: 'scheme', value: `${s}${r}` })),
    fc.tuple(fc.constantFrom('//', '\\\\', '/\\', '\\/', '///'), evil, path).map(([p, d, q]) => ({ cls: 'protocol-relative/backslashes', value: `${p}${d}${q}` })),
    fc.tuple(fc.constantFrom('http', 'https'), fc.constantFrom(allowedHost, `${allowedHost}:80`, `user:${allowedHost}`), evil).map(([s, u, d]) => ({ cls: 'userinfo', value: `${s}://${u}@${d}/` })),
    fc.tuple(fc.constantFrom('bücher', 'пример', '例え', 'xn--80ak6aa92e', 'ｅｖｉｌ'), fc.constantFrom('com', 'org', 'рф')).map(([l, t]) => ({ cls: 'IDN', value: `https://${l}.${t}/data.json` })),
  );
  return fc.oneof(base, fc.tuple(ws, base, ws).map(([a, b, c]) => ({ cls: `whitespace + ${b.cls}`, value: `${a}${b.value}${c}` })));
}
