/** Types of hsds-contract.js (the one HSDS contract of the writer and the reader). */
export interface HsdsContract {
  /** Our vocabularies as HSDS taxonomies: name → description and term codes. */
  readonly taxonomies: Readonly<Record<string, { readonly description: string; readonly terms: readonly string[] }>>;
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
}

export const HSDS_CONTRACT: HsdsContract;
