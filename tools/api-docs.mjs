#!/usr/bin/env node
// docs/api.md is generated from custom-elements.json (itself generated from the JSDoc in
// src/), so the API is written once, where it is declared.
//   node tools/api-docs.mjs            write docs/api.md
//   node tools/api-docs.mjs --stdout   print it (used by check-cem.mjs)
import { readFileSync, writeFileSync } from 'node:fs';

const esc = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const table = (head, rows) =>
  rows.length ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`), ''].join('\n') : '';

export function apiDocs(manifest) {
  const out = ['# Elements API', '', '_Generated from `custom-elements.json` by `tools/api-docs.mjs`: edit the JSDoc in `src/`, then `npm run cem`._', ''];
  const decls = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: m.path })));
  decls.sort((a, b) => a.tagName.localeCompare(b.tagName));
  for (const d of decls) {
    out.push(`## \`<${d.tagName}>\``, '', d.summary ?? '', '', d.description ?? '', '', `Source: \`${d.path}\`. Class: \`${d.name}\`.`, '');
    const attrs = (d.attributes ?? []).map((a) => [`\`${a.name}\``, a.fieldName ? `\`${a.fieldName}\`` : '', a.type?.text ?? '', a.default ?? '', a.description ?? '']);
    if (attrs.length) out.push('### Attributes', '', table(['attribute', 'property', 'type', 'default', 'description'], attrs));
    const props = (d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && !(d.attributes ?? []).some((a) => a.fieldName === m.name) && m.description);
    if (props.length) out.push('### Properties (no attribute)', '', table(['property', 'type', 'description'], props.map((p) => [`\`${p.name}\``, p.type?.text ?? '', p.description])));
    const methods = (d.members ?? []).filter((m) => m.kind === 'method' && !m.privacy && !m.static && m.description);
    if (methods.length) out.push('### Methods', '', table(['method', 'description'], methods.map((m) => [`\`${m.name}()\``, m.description])));
    if (d.events?.length) out.push('### Events', '', table(['event', 'type', 'description'], d.events.map((e) => [`\`${e.name}\``, e.type?.text ?? '', e.description ?? ''])));
    if (d.slots?.length) out.push('### Slots', '', table(['slot', 'description'], d.slots.map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? ''])));
    if (d.cssParts?.length) out.push('### CSS parts', '', table(['part', 'description'], d.cssParts.map((p) => [`\`${p.name}\``, p.description ?? ''])));
    if (d.cssProperties?.length) out.push('### CSS custom properties', '', table(['property', 'default', 'description'], d.cssProperties.map((p) => [`\`${p.name}\``, p.default ?? '', p.description ?? ''])));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const md = apiDocs(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  if (process.argv.includes('--stdout')) process.stdout.write(md);
  else writeFileSync('docs/api.md', md);
}
