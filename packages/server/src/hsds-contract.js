// @ts-check
/**
 * The one HSDS contract between the writer (packages/server/src/hsds.js, the reference server)
 * and the reader (src/core/sources/hsds-api.ts, the elements' `api`): the taxonomies that carry
 * what HSDS 3.0 has no field for, which record field each list taxonomy holds, the field codes,
 * how a location names its record, and how it words an address HSDS cannot carry. Term codes are the slugs of src/core/schema.ts
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
  /**
   * An address HSDS 3.0 cannot carry (its schema requires a street and a postal code: a place
   * at a town centre, or a street with no ZIP code) is the location's `description`: these
   * fields, those the address has, in this order, joined by `separator` ("Medford, MA",
   * "12 Main St, Malden, MA"). The last two (city and state) are always there.
   * {@link addressToWords} writes it, {@link addressFromWords} reads it back.
   */
  addressInWords: Object.freeze({
    fields: Object.freeze(/** @type {const} */ (['address_1', 'address_2', 'city', 'state_province'])),
    separator: ', ',
  }),
});

/**
 * An address in words, as the contract says (the server writes the same in SQL, from the same
 * fields and separator).
 * @param {Partial<Record<'address_1' | 'address_2' | 'city' | 'state_province', string | null | undefined>>} address
 * @returns {string}
 */
export function addressToWords(address) {
  const { fields, separator } = HSDS_CONTRACT.addressInWords;
  return fields.map((f) => address[f]).filter((v) => v !== null && v !== undefined).join(separator);
}

/**
 * An address read back from its words; undefined when the words are not one (fewer parts than
 * a city and a state, more than the fields, or an empty part): another directory's description
 * is words about the place.
 * @param {string | undefined} words
 * @returns {{ address_1?: string, address_2?: string, city: string, state_province: string } | undefined}
 */
export function addressFromWords(words) {
  const { fields, separator } = HSDS_CONTRACT.addressInWords;
  const parts = words?.split(separator).map((p) => p.trim()) ?? [];
  if (parts.length < 2 || parts.length > fields.length || parts.some((p) => !p)) return undefined;
  // The street lines that are there come first; the city and the state are the last two.
  const [address_1, address_2] = parts.slice(0, -2);
  const [city = '', state_province = ''] = parts.slice(-2);
  return { ...(address_1 ? { address_1 } : {}), ...(address_2 ? { address_2 } : {}), city, state_province };
}
