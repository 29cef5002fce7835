/**
 * `withPlace`: an element that orders what it shows by where the person is. It adds the place
 * attributes (`zip`, `zip-table-url`, `zip-table-national-url`, `geolocation-timeout`) and the
 * PlaceController that reads them; the element hears of each new place through `placeChanged`.
 *
 * ```ts
 * export class RecoveryThing extends withPlace(RecoveryDatasetElement)<Data> { … }
 * ```
 */
import { property } from 'lit/decorators.js';
import { PlaceController, type Place } from './place-controller.js';
import { ZIP_TABLE_MA_URL, ZIP_TABLE_US_URL } from './assets.js';
import type { Constructor, DatasetElementClass } from '../base/dataset-element.js';
import type { UrlAttribute } from '../base/attribute.js';

/** What `withPlace` adds to an element. */
export declare abstract class PlaceMembers {
  /** A default place: a ZIP code whose results are shown nearest first until the person gives their own. */
  zip: string;
  /** URL of the Massachusetts ZIP centroid table (default: the bundled one). */
  zipTableUrl: UrlAttribute;
  /** URL of the whole-US ZIP centroid table, fetched only for a ZIP outside Massachusetts (default: the bundled one). */
  zipTableNationalUrl: UrlAttribute;
  /** How long to wait for the person's location, in milliseconds. */
  geolocationTimeout: number;
  /** Where the person is. */
  protected readonly place: PlaceController;
  /** The place changed (`byPerson` false when it came from the URL or the site's `zip`). */
  protected placeChanged(place: Place | undefined, byPerson: boolean): void;
  /** The ZIP the person typed (never a location). */
  protected get zipGiven(): string | undefined;
}

export const withPlace = <T extends DatasetElementClass>(base: T) => {
  abstract class WithPlace extends base {
    /** A default place: a ZIP code whose results are shown nearest first until the person gives their own. */
    @property() zip = '';
    /** URL of the Massachusetts ZIP centroid table (default: the bundled one). */
    @property({ attribute: 'zip-table-url' }) zipTableUrl: UrlAttribute = ZIP_TABLE_MA_URL;
    /** URL of the whole-US ZIP centroid table, fetched only for a ZIP outside Massachusetts (default: the bundled one). */
    @property({ attribute: 'zip-table-national-url' }) zipTableNationalUrl: UrlAttribute = ZIP_TABLE_US_URL;
    /** How long to wait for the person's location, in milliseconds. */
    @property({ type: Number, attribute: 'geolocation-timeout' }) geolocationTimeout = 10_000;

    /** Where the person is. */
    protected readonly place = new PlaceController(this, () => this, (place, byPerson) => this.placeChanged(place, byPerson));

    /** The place changed (`byPerson` false when it came from the URL or the site's `zip`). */
    protected placeChanged(_place: Place | undefined, _byPerson: boolean): void {}

    /** The ZIP the person typed (never a location). */
    protected get zipGiven(): string | undefined {
      const p = this.place.place;
      return p?.source === 'zip' ? p.zip : undefined;
    }
  }
  return WithPlace as unknown as Constructor<PlaceMembers> & T;
};
