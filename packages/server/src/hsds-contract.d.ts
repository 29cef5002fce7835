/** Types of hsds-contract.js (the one HSDS contract of the writer and the reader). */
export interface HsdsContract {
  /**
   * Our vocabularies as HSDS taxonomies: name → description, term codes and each term's id (in
   * the order of the codes). Attributes name their term by id only (`taxonomy_term_id`): the ids
   * are how a reader knows our terms.
   */
  readonly taxonomies: Readonly<Record<string, { readonly description: string; readonly terms: readonly string[]; readonly ids: readonly string[] }>>;
  /** The taxonomy of each record field that is a list of slugs. */
  readonly links: {
    readonly kind: string;
    readonly category: string;
    readonly population: string;
    readonly disposal_item: string;
    readonly delivery: string;
  };
  /** The taxonomy of the facts HSDS has no field for (the attribute's value holds the fact). */
  readonly fieldTaxonomy: string;
  /** A location's `external_identifier_type` when its `external_identifier` is our record id. */
  readonly recordIdType: string;
  /**
   * How a location words an address HSDS 3.0 cannot carry (no street or no ZIP code), in its
   * `description`: these fields, those present, in this order, joined by `separator`.
   */
  readonly addressInWords: {
    readonly fields: readonly ['address_1', 'address_2', 'city', 'state_province'];
    readonly separator: string;
  };
}

/** An address as worded in a location's description: the street lines may be missing, the city and state never. */
export type AddressInWords = {
  address_1?: string;
  address_2?: string;
  city: string;
  state_province: string;
};

export const HSDS_CONTRACT: HsdsContract;

/** An address in words, as the contract says ("12 Main St, Malden, MA"). */
export function addressToWords(address: Partial<Record<'address_1' | 'address_2' | 'city' | 'state_province', string | null | undefined>>): string;

/** An address read back from its words; undefined when they are not one (another directory's description). */
export function addressFromWords(words: string | undefined): AddressInWords | undefined;
