// @ts-check
/**
 * The one HSDS contract between the writer (packages/server/src/hsds.js, the reference server)
 * and the reader (src/core/sources/hsds-api.ts, the elements' `api`): the taxonomies that carry
 * what HSDS 3.0 has no field for, which record field each list taxonomy holds, the field codes,
 * and how a location names its record. Term codes are the slugs of src/core/schema.ts
 * (test/core/hsds-contract.test.ts checks they match). Plain JavaScript, so Node runs it as it
 * is; its types are in hsds-contract.d.ts.
 */
export const HSDS_CONTRACT = Object.freeze({
  taxonomies: {
    'recovery-finder-category': {
      description: 'Categories of recovery support used by recovery-finder (based on SAMHSA recovery support services).',
      terms: [
        'peer-support', 'recovery-coaching', 'support-groups', 'recovery-center', 'family-support',
        'transportation', 'employment-education', 'housing', 'spiritual-support', 'outreach',
        'warmline-crisis', 'wellness-education', 'treatment', 'outpatient-treatment',
        'residential-treatment', 'withdrawal-management', 'medication-treatment', 'harm-reduction',
        'naloxone', 'access-to-care', 'youth-prevention', 'disposal', 'other',
      ],
    },
    'recovery-finder-kind': {
      description: 'What a recovery-finder record is: a service, a Peer Recovery Support Center, a drug disposal site or an event.',
      terms: [
        'service', 'prsc', 'disposal', 'event',
      ],
    },
    'recovery-finder-population': {
      description: 'Groups of people a service is for. A service with none serves everyone.',
      terms: [
        'adults', 'youth', 'young-adults', 'women', 'men', 'families', 'veterans', 'lgbtq',
        'pregnant-parenting', 'people-experiencing-homelessness', 'justice-involved',
      ],
    },
    'recovery-finder-disposal-item': {
      description: 'Things a drug disposal site accepts.',
      terms: [
        'pills', 'liquids', 'patches', 'inhalers', 'sharps',
      ],
    },
    'recovery-finder-delivery': {
      description: 'How a service is delivered.',
      terms: [
        'in-person', 'online', 'both',
      ],
    },
    'recovery-finder-field': {
      description: 'Facts of a recovery-finder record that HSDS 3.0 has no field for; the attribute value holds the fact.',
      terms: [
        'record-id', 'provenance-source', 'provenance-source-url', 'provenance-source-date',
        'provenance-status', 'provenance-note', 'location-precision', 'disposal-restrictions',
        'event-starts-at', 'event-ends-at', 'cost-free', 'phone-text-body', 'schedule-time-zone',
        'translations', 'worded-description', 'worded-restrictions', 'worded-note',
        'eligibility', 'location-detail', 'accepts-text', 'not-accepted-text',
      ],
    },
  },
  /** The taxonomy of each record field that is a list of slugs. */
  links: {
    kind: 'recovery-finder-kind',
    category: 'recovery-finder-category',
    population: 'recovery-finder-population',
    disposal_item: 'recovery-finder-disposal-item',
    delivery: 'recovery-finder-delivery',
  },
  /** The taxonomy of the facts HSDS has no field for (the attribute's value holds the fact). */
  fieldTaxonomy: 'recovery-finder-field',
  /** A location's `external_identifier_type` when its `external_identifier` is our record id. */
  recordIdType: 'recovery-finder record id',
});
