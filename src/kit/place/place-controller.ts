/**
 * Where a person is, for every element that orders places by distance: a ZIP code they type
 * (looked up in the bundled Census tables: the Massachusetts one first, the US one only for a
 * ZIP outside the state) or their location, asked for only when they press a button. Problems
 * are put into words here, once for every element. Coordinates never leave the browser; a
 * located person's nearest ZIP is worked out from the bundled table.
 */
import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LatLon } from '../../core/geo.js';
import type { ZipTableUrls } from '../../core/zip-lookup.js';
import { Lazy } from '../../core/lazy.js';
import { GeolocationController } from './geolocation-controller.js';

/** The ZIP tables' code (core/zip-lookup.ts), loaded with the first ZIP or location asked for (tried again after a failure). */
const zipLookup = new Lazy(() => import('../../core/zip-lookup.js'));
const lookup = () => zipLookup.load();

/** The place a person gave. */
export interface Place {
  point: LatLon;
  source: 'zip' | 'location';
  /** The ZIP they typed, or for a location the nearest Massachusetts ZIP centre (if any). */
  zip?: string | undefined;
  /** In the City of Boston, as far as the ZIP tells. */
  inBoston: boolean;
}

/** The settings an element gives through its attributes. */
export interface PlaceSettings {
  /** `zip-table-url`: the Massachusetts table. */
  zipTableUrl: string;
  /** `zip-table-national-url`: the whole-US table, fetched only for a ZIP outside Massachusetts. */
  zipTableNationalUrl: string;
  /** `geolocation-timeout`, in milliseconds. */
  geolocationTimeout: number;
}

export type ZipProblem = 'invalid' | 'unknown' | 'table';

export class PlaceController implements ReactiveController {
  place?: Place | undefined;
  zipProblem?: ZipProblem | undefined;
  /** The ZIP a problem is about. */
  private problemZip = '';
  lookingUp = false;
  readonly geo: GeolocationController;
  /** Newer requests make older answers stale. */
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: () => PlaceSettings,
    /** Told of every new place (undefined: cleared or failed); `byPerson` is false for a place set from the URL. */
    private readonly onChange: (place: Place | undefined, byPerson: boolean) => void = () => {},
  ) {
    host.addController(this);
    this.geo = new GeolocationController(host, () => this.settings().geolocationTimeout);
  }

  hostConnected(): void {}

  private get tables(): ZipTableUrls {
    const s = this.settings();
    return { local: s.zipTableUrl, national: s.zipTableNationalUrl };
  }

  /** Look up a typed ZIP. An empty one clears the place. */
  async useZip(text: string, byPerson = true): Promise<Place | undefined> {
    const request = ++this.request;
    const zip = text.trim();
    this.zipProblem = undefined;
    if (!zip) {
      this.clear(byPerson);
      return undefined;
    }
    this.lookingUp = true;
    this.host.requestUpdate();
    try {
      const z = await lookup();
      const found = await z.findZip(zip, this.tables);
      if (request !== this.request) return this.place;
      if (found.ok) {
        this.geo.clear();
        return this.set({ point: found.point, source: 'zip', zip: found.zip, inBoston: z.isBostonZip(found.zip) }, byPerson);
      }
      this.zipProblem = found.reason;
    } catch (e) {
      if (request !== this.request) return this.place;
      console.warn('recovery-finder: ZIP table', e);
      this.zipProblem = 'table';
    } finally {
      if (request === this.request) this.lookingUp = false;
    }
    this.problemZip = zip;
    return this.set(undefined, byPerson);
  }

  /** Ask for the person's location (the browser asks their permission the first time). */
  async useLocation(): Promise<Place | undefined> {
    const request = ++this.request;
    this.zipProblem = undefined;
    this.lookingUp = false;
    const point = await this.geo.request();
    if (request !== this.request) return this.place;
    if (!point) return this.set(undefined, true);
    // Without the ZIP tables the location still orders the list; it only lacks its nearest ZIP.
    const z = await lookup().catch(() => undefined);
    const zip = z ? await z.nearestZipOf(point, this.tables).catch(() => undefined) : undefined;
    if (request !== this.request) return this.place;
    return this.set({ point, source: 'location', zip, inBoston: z?.isBostonZip(zip) ?? false }, true);
  }

  /** Forget the place (and any problem). */
  clear(byPerson = true): void {
    this.request++;
    this.geo.clear();
    this.zipProblem = undefined;
    this.lookingUp = false;
    this.set(undefined, byPerson);
  }

  private set(place: Place | undefined, byPerson: boolean): Place | undefined {
    this.place = place;
    this.host.requestUpdate();
    this.onChange(place, byPerson);
    return place;
  }

  /** A problem to show as an alert: a ZIP that cannot be used, or a location that cannot be had. */
  get problem(): string {
    switch (this.zipProblem) {
      case 'invalid':
        return msg('Type a five-digit ZIP code, for example 02118.');
      case 'unknown':
        return msg(str`We do not know the ZIP code ${this.problemZip}. Check it, or use your location.`);
      case 'table':
        return msg('ZIP codes could not be loaded just now. Try again, or use your location.');
      default:
        return this.geo.failed ? this.geo.message : '';
    }
  }

  /** What is going on, for a status line: looking up a ZIP or finding the location. */
  get progress(): string {
    if (this.lookingUp) return msg('Looking up the ZIP code…');
    return this.geo.state === 'locating' ? this.geo.message : '';
  }

  get busy(): boolean {
    return this.lookingUp || this.geo.state === 'locating';
  }

  /** "near 02118" / "near your location", for counts and headings. */
  get nearText(): string {
    const p = this.place;
    if (!p) return '';
    return p.source === 'zip' && p.zip ? msg(str`near ${p.zip}`) : msg('near your location');
  }
}
