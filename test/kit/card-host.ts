// A bare host that draws result cards the way the elements do, for the card tests: the records,
// the moment they are drawn at, the distance and the ZIP it is from, the staleness setting.
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { cardStyles, renderCard } from '../../src/kit/card/result-card.js';
import { baseStyles } from '../../src/kit/ui/styles.js';
import { define } from '../../src/kit/base/define.js';
import { LocaleController } from '../../src/kit/i18n/localize.js';
import type { Resource } from '../../src/core/schema.js';

@localized()
export class CardHost extends LitElement {
  static override styles = [baseStyles, cardStyles];
  @property({ attribute: false }) records: Resource[] = [];
  @property({ attribute: false }) now = new Date('2026-11-27T15:00:00-05:00');
  @property({ type: Number }) km = 1.2;
  @property({ attribute: false }) fromZip?: string;
  @property({ type: Number }) staleAfterDays?: number;
  constructor() {
    super();
    new LocaleController(this);
  }
  override render() {
    const { now, km, fromZip, staleAfterDays } = this;
    return html`<div class="base" part="base" style="max-width: 24rem">
      <h2>Cards</h2>
      <ul class="plain">
        ${this.records.map((r) => html`<li>${renderCard(r, { now, timeZone: 'America/New_York', km, fromZip, staleAfterDays })}</li>`)}
      </ul>
    </div>`;
  }
}
define('card-host', CardHost);
