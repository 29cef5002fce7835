/**
 * The form pieces of a place, the same in every element: the ZIP box, "Use my location" and
 * the problem line. Each element arranges them in its own form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PlaceController } from './place-controller.js';

/** The id of the problem line, which the ZIP box names in `aria-describedby`. */
const PLACE_PROBLEM_ID = 'zip-error';

export interface ZipInputOptions {
  /** The label's words (default "ZIP code"). */
  label?: string;
  /** The input's part name (default "input"). */
  part?: string;
  /** The ZIP to show (a place set from the URL). */
  value?: string;
  /** Called when the box's value is committed (change, or Enter outside a form). */
  onCommit?: (zip: string) => void;
}

export function renderZipInput(place: PlaceController, o: ZipInputOptions = {}): TemplateResult {
  const problem = !!place.zipProblem;
  const commit = o.onCommit;
  return html`<div class="zip-field">
    <label for="zip">${o.label ?? msg('ZIP code')}</label>
    <input id="zip" name="zip" part=${o.part ?? 'input'} inputmode="numeric" autocomplete="postal-code" maxlength="10"
      .value=${o.value ?? ''}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? PLACE_PROBLEM_ID : nothing}
      @change=${commit ? (e: Event) => commit((e.target as HTMLInputElement).value) : nothing}
      @keydown=${commit
        ? (e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            commit((e.target as HTMLInputElement).value);
          }
        : nothing} />
  </div>`;
}

export function renderLocateButton(place: PlaceController, onClick: () => void): TemplateResult {
  return html`<button type="button" class="secondary locate" ?disabled=${place.geo.state === 'locating'} @click=${onClick}>
    ${msg('Use my location')}</button>`;
}

/** The problem line, an alert (announced as it appears); nothing when all is well. */
export function renderPlaceProblem(place: PlaceController): TemplateResult | typeof nothing {
  const problem = place.problem;
  return problem ? html`<p id=${PLACE_PROBLEM_ID} class="place-problem" role="alert">${problem}</p>` : nothing;
}
