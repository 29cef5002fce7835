/**
 * The benchmark's baseline, never shipped: plain fuse.js over every record, rendering the same
 * result cards as `<recovery-resource-search>` (the shared card renderer and its styles), as
 * a simple directory would be built. No validation, no index of its own, no typing pause: each
 * input event searches every record and renders the first 20 hits.
 *
 * `<bench-fuse-search src="...">`; the same public surface the benchmark reads from our element:
 * `input[part~="input"]`, `[part~="status"]`, `[part~="result"]` cards.
 */
import { LitElement, html, css } from 'lit';
import Fuse from 'fuse.js';
import { baseStyles } from '../src/kit/ui/styles.js';
import { cardStyles, renderCard } from '../src/kit/card/result-card.js';
import type { Resource } from '../src/core/schema.js';

interface Loaded {
  resources: Resource[];
  timeZone: string;
  fuse: Fuse<Resource>;
}

class BenchFuseSearch extends LitElement {
  static override styles = [baseStyles, cardStyles, css`ul { list-style: none; padding: 0; }`];
  static override properties = { src: {}, query: { state: true }, loaded: { state: true } };
  src = '';
  query = '';
  loaded?: Loaded;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    const res = await fetch(this.src);
    const data = (await res.json()) as { resources: Resource[]; time_zone: string };
    const fuse = new Fuse(data.resources, {
      keys: ['name', 'organization.name', 'address.city', 'categories'],
      threshold: 0.3,
      ignoreLocation: true,
    });
    this.loaded = { resources: data.resources, timeZone: data.time_zone, fuse };
  }

  override render() {
    const l = this.loaded;
    const hits = !l ? [] : this.query.trim() ? l.fuse.search(this.query).map((h) => h.item) : l.resources;
    const now = new Date();
    return html`<div class="base" part="base">
      <label for="q">Search for support</label>
      <input id="q" type="search" part="input" autocomplete="off"
        .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p part="status" role="status">${l ? `${hits.length} results` : 'Loading services…'}</p>
      ${l
        ? html`<ul part="results">
            ${hits.slice(0, 20).map((r) => html`<li>${renderCard(r, { now, timeZone: l.timeZone, headingLevel: 3 })}</li>`)}
          </ul>`
        : ''}
    </div>`;
  }
}

if (!customElements.get('bench-fuse-search')) customElements.define('bench-fuse-search', BenchFuseSearch);
