/**
 * Asks for the person's location only when they press a button, and says in words what
 * happened when it cannot be had (denied, timed out, unavailable, unsupported).
 */
import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LatLon } from '../../core/geo.js';

export type GeolocationState = 'idle' | 'locating' | 'located' | 'denied' | 'timeout' | 'unavailable' | 'unsupported';

export class GeolocationController implements ReactiveController {
  state: GeolocationState = 'idle';
  position?: LatLon;

  /** `timeoutMs` is read at each request, so an element's attribute can change it at any time. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly timeoutMs: () => number = () => 10_000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Ask the browser for the position (shows its permission prompt the first time). */
  async request(): Promise<LatLon | undefined> {
    if (!('geolocation' in navigator)) {
      this.set('unsupported');
      return undefined;
    }
    this.set('locating');
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (p) => {
          this.position = { latitude: p.coords.latitude, longitude: p.coords.longitude };
          this.set('located');
          resolve(this.position);
        },
        (err) => {
          this.set(err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable');
          resolve(undefined);
        },
        { enableHighAccuracy: false, timeout: this.timeout(), maximumAge: 300_000 },
      );
    });
  }

  private timeout(): number {
    const ms = this.timeoutMs();
    return Number.isFinite(ms) && ms > 0 ? ms : 10_000;
  }

  /** Forget the position (the person typed a ZIP instead). */
  clear(): void {
    this.position = undefined;
    this.set('idle');
  }

  /** What to tell the person, or '' when there is nothing to say. */
  get message(): string {
    switch (this.state) {
      case 'locating':
        return msg('Finding your location…');
      case 'denied':
        return msg('Location permission was denied. Type a ZIP code instead, or allow location for this site in your browser settings.');
      case 'timeout':
        return msg('Finding your location took too long. Try again, or type a ZIP code.');
      case 'unavailable':
        return msg('Your location is not available right now. Type a ZIP code instead.');
      case 'unsupported':
        return msg('This browser cannot share your location. Type a ZIP code instead.');
      default:
        return '';
    }
  }

  get failed(): boolean {
    return this.state === 'denied' || this.state === 'timeout' || this.state === 'unavailable' || this.state === 'unsupported';
  }

  private set(state: GeolocationState) {
    this.state = state;
    this.host.requestUpdate();
  }
}
