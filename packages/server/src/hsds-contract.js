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
      // Each term's id, in the order of `terms` (uuidFor('taxonomy_term', taxonomy, code) in hsds.js).
      ids: [
        '163217b2-2a23-55fe-8f90-c10f88f842a1', 'aada902c-0750-5e96-bfbb-14b2295cc713',
        '3b8594a4-2254-5ef5-b7db-ff67acf5a7cc', '0b3403d0-4685-5719-91a9-66800cf7ca6c',
        '5bd13c32-eb15-5354-890b-ff15e4dfb61c', 'b37744e5-a91d-52a2-98ca-366863f4aea6',
        '25c4d30c-58c9-5753-a33d-637a46a2aba6', '45006f2f-53d2-5103-84d6-83668e1a050e',
        '888f9481-6d31-5248-9cf2-8c4b96cb6a3b', '0c4f947e-8874-5c23-88b7-700b005c688d',
        '355c253a-5754-5175-8e47-348edd7f48a1', 'fe6fac9c-de07-5fd8-a8ee-1d3351aaead5',
        '86235068-6217-5b1d-b050-5aebe428e45c', 'cf597deb-3164-574e-a393-c6d45aee2a4d',
        'f634d11f-5269-5194-ada5-9350d8971eb9', '9f5a93bf-fe25-559a-b739-67be341509e3',
        'd3483d79-04a1-5eb0-90cd-0a12bd772853', '80a48d55-6589-5bb7-b228-1c5b4a3cd481',
        '80062f6d-1546-5f86-985b-37fc669b4570', 'f44d925d-0273-5c1a-b990-b945957cf071',
        '74c42f2c-75e3-5662-a1b8-14e848782ef9', '3994405a-394b-53b9-bc21-09de7b3b523d',
        'bc45f6d2-a86e-5ab5-b6ad-6f2094d70403',
      ],
    },
    'recovery-finder-kind': {
      description: 'What a recovery-finder record is: a service, a Peer Recovery Support Center, a drug disposal site or an event.',
      terms: [
        'service', 'prsc', 'disposal', 'event',
      ],
      // Each term's id, in the order of `terms` (uuidFor('taxonomy_term', taxonomy, code) in hsds.js).
      ids: [
        '83368698-bd76-5d85-affb-e410e6a0d6f3', '32803e6e-5f87-5112-8d90-8d4eb69d0eb0',
        '4c5368bb-943a-5e87-97a6-b6c909d86305', '72f2eb59-e2c0-55a0-8da3-73e2cce0439e',
      ],
    },
    'recovery-finder-population': {
      description: 'Groups of people a service is for. A service with none serves everyone.',
      terms: [
        'adults', 'youth', 'young-adults', 'women', 'men', 'families', 'veterans', 'lgbtq',
        'pregnant-parenting', 'people-experiencing-homelessness', 'justice-involved',
      ],
      // Each term's id, in the order of `terms` (uuidFor('taxonomy_term', taxonomy, code) in hsds.js).
      ids: [
        '2682559d-a1d7-5468-9789-396a338baf14', '517379ad-0cd1-5e6d-bb0b-ec395ec7e87f',
        '32f42be2-414f-59d2-b95c-4c1fb7458285', '45980dbd-ffc9-58ec-8a13-fd6127546c7f',
        'ddd2ec96-8ed4-5060-844f-ebd96e93fecd', '80f567c5-9956-56af-a6b1-b34091ad1b95',
        '8de3a530-ab17-5153-a6d4-27c7d6f5a8bd', 'bf8df364-0f78-5f8f-ada6-8dd4a91f02a6',
        '7c55af21-07e7-5c5a-8acb-0e118afe7b6d', '91038b4e-a25b-5d19-8e8f-9b08a79efd37',
        'a142ceb8-4c76-5b4d-8e97-29c9e9e3f81e',
      ],
    },
    'recovery-finder-disposal-item': {
      description: 'Things a drug disposal site accepts.',
      terms: [
        'pills', 'liquids', 'patches', 'inhalers', 'sharps',
      ],
      // Each term's id, in the order of `terms` (uuidFor('taxonomy_term', taxonomy, code) in hsds.js).
      ids: [
        'f0307e77-a317-51cf-a72c-a0b7d9a28ec3', '7783412e-afce-55dd-8b77-3da00843f959',
        'a0c5c77f-7ea8-58c2-8abe-b8d40a2ba438', 'b0d57548-476e-5efc-8f7c-85dc3ea6ecec',
        'a2a42b39-ff17-5c5a-9596-934048fc4334',
      ],
    },
    'recovery-finder-delivery': {
      description: 'How a service is delivered.',
      terms: [
        'in-person', 'online', 'both',
      ],
      // Each term's id, in the order of `terms` (uuidFor('taxonomy_term', taxonomy, code) in hsds.js).
      ids: [
        '972a6b86-ab47-5d59-a171-5923ab3a066a', '1bb68409-d9fa-5124-af43-46eba4f4211e',
        '7de07d5c-16ab-576f-8a98-d6be0ef85912',
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
      // Each term's id, in the order of `terms` (uuidFor('taxonomy_term', taxonomy, code) in hsds.js).
      ids: [
        'dcf73d32-20cc-59c9-abe2-1320584d6a93', '435d7301-dffd-52bd-9cd8-eb563ccdf2a8',
        '41bf373e-8d03-5519-855f-bb605e8718b3', 'eb28c9c4-963a-5d5c-a786-6b5d454c2fc9',
        'df10a4af-27d8-55b0-9ebf-75c428a06946', 'dd9e15b3-d538-5d11-890e-a85784e241b6',
        '5c76b3f8-df1b-55c6-a74e-9d2e0e1df65f', '914558b3-0fc8-5cd6-b811-4db42dc0ea4a',
        'bcff8a1d-83a3-5342-a5c3-4d8bf431175e', '72d6709b-0040-5bbc-8be5-331fcd3da422',
        '94fcaa99-d50d-5a3d-9f46-dfc835f092a6', '575dacf9-fc6f-5f21-a3ff-240723515776',
        '5dfc774f-b560-5b3c-b13d-cb28fdc75b3f', '6b4e374a-d847-5a48-9d01-fe21f2b40a42',
        'b662fb3f-4dce-585f-9630-1f80c145aa68', 'b6ab970c-9c08-585a-a08b-44631b9e4e01',
        'a4007341-ac27-557b-ad02-a58a42e69119', '08ae40a0-66a9-5f4b-b1b8-30cf90c030f0',
        'e70fe4b1-c0ab-59fb-a1d0-db4d457afad6', '39285d0e-b110-509f-a274-dbf98f103c7e',
        '3a620dda-3fa9-5286-93a0-449b7f41e45e',
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
