// Issue #23: translations of the texts a resident reads. A bad translation costs only itself
// (a warning, the record kept); a page language finds its translation by tag, then by its
// shorter forms (pt-BR -> pt), never another script's or region's.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateDataset, validateResource, type ResourceInput } from '../../src/core/schema.js';
import { contactText, phoneLabel, recordText, translationFor } from '../../src/core/translations.js';

const record = (extra: Record<string, unknown> = {}): ResourceInput =>
  ({
    id: 'r',
    kind: 'service',
    name: 'A service',
    description: 'Free help.',
    categories: ['peer-support'],
    phones: [{ number: '617-555-0100', description: 'Front desk' }],
    provenance: { source: 'Test', status: 'verified' },
    ...extra,
  }) as ResourceInput;

describe('translations: validation (#23)', () => {
  it('keeps good translations and leaves a bad one out with a warning, never the record', () => {
    const result = validateResource(
      record({
        translations: {
          es: { description: 'Ayuda gratuita.', phones: [{ description: 'Recepción' }] },
          fr: { description: '' },
          'not a tag': { description: 'x' },
          ar: { hours_text: 42 },
        },
      }),
      0,
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(Object.keys(result.resource.translations ?? {})).to.deep.equal(['es']);
    expect(result.resource.translations?.['es']?.description).to.equal('Ayuda gratuita.');
    const paths = (result.warnings ?? []).map((w) => w.path);
    expect(paths).to.include.members(['translations.fr.description', 'translations.not a tag', 'translations.ar.hours_text']);
    expect((result.warnings ?? []).every((w) => w.kept === true && w.message.includes('translation is left out'))).to.equal(true);
  });

  it('never loses a record, whatever its translations hold', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())), (translations) => {
        const result = validateResource(record({ translations }), 0);
        expect(result.ok).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a help contact whose translation is bad, and says so', () => {
    const result = validateDataset({
      schema_version: '1.0',
      generated_at: '2026-11-01T12:00:00Z',
      title: 'T',
      time_zone: 'America/New_York',
      sources: [],
      help: {
        contacts: [
          { id: 'line', name: 'A line', urgency: 'support', phones: [{ number: '617-555-0100' }], translations: { es: { name: 'Una línea' }, ar: { name: '' } } },
        ],
      },
      resources: [],
    });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.dataset.help.contacts[0]?.translations).to.deep.equal({ es: { name: 'Una línea' } });
    expect(result.helpProblems.map((p) => p.path)).to.deep.equal(['translations.ar.name']);
  });
});

describe('translations: the page language finds its text (#23)', () => {
  const t = { es: 'es', pt: 'pt', 'zh-Hant': 'zh-Hant', 'PT-br': 'br' };
  it('by tag, then by its shorter forms, any case; English is the data itself', () => {
    expect(translationFor(t, 'es')?.texts).to.equal('es');
    expect(translationFor(t, 'es-US')).to.deep.equal({ lang: 'es', texts: 'es' });
    expect(translationFor(t, 'pt-BR')?.texts).to.equal('br');
    expect(translationFor(t, 'pt-PT')?.texts).to.equal('pt');
    expect(translationFor(t, 'zh-Hant-TW')?.lang).to.equal('zh-Hant');
    expect(translationFor(t, 'zh-Hans')).to.equal(undefined);
    expect(translationFor(t, 'en')).to.equal(undefined);
    expect(translationFor({ en: 'x' }, 'en-US')).to.equal(undefined);
    expect(translationFor(t, '')).to.equal(undefined);
  });

  it('gives the English text, marked English, where a translation lacks the field', () => {
    const r = validateResource(record({ translations: { es: { description: 'Ayuda gratuita.' } } }));
    if (!r.ok) throw new Error('invalid');
    expect(recordText(r.resource, 'description', 'es')).to.deep.equal({ text: 'Ayuda gratuita.', lang: 'es' });
    expect(recordText(r.resource, 'description', 'fr')).to.deep.equal({ text: 'Free help.', lang: 'en' });
    expect(phoneLabel(r.resource, 0, 'es')).to.deep.equal({ text: 'Front desk', lang: 'en' });
    expect(recordText(r.resource, 'hours_text', 'es')).to.equal(undefined);
    expect(contactText({ id: 'c', name: 'Line', urgency: 'support', phones: [{ number: '911', type: 'voice' }], translations: { ar: { name: 'خط' } } }, 'name', 'ar')).to.deep.equal({ text: 'خط', lang: 'ar' });
  });
});
