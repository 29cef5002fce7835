/**
 * What to do when nothing near takes the item: translatable guidance, each block naming its
 * source on screen.
 *
 * Sources:
 *  - Boston needles: the City of Boston's Office of Recovery Services page (the Mobile Sharps
 *    Team answers 311 requests for syringes) and the project's data-source notes
 *    (data-sources/README.md: BOS:311 is 3-1-1 or 617-635-4500; needles and syringes in
 *    household trash or recycling are illegal in Boston; pharmacies, syringe service programs
 *    and public health kiosks take them). When the data holds a sourced record about needles
 *    (findNeedlePage: the Mobile Sharps Team's City of Boston page in the shipped data), its
 *    page is linked with its source; otherwise the text says how to find it on boston.gov.
 *  - Medicines at home: the US Food and Drug Administration, "Disposal of Unused Medicines:
 *    What You Should Know" (URL below, named by the project lead's brief).
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Guidance, NeedlePage } from '../../core/disposal.js';
import { safeHttpUrl } from '../../core/links.js';
import { renderHeading, type HeadingLevel } from '../../kit/ui/heading.js';

/** The FDA's page on disposing of unused medicines. */
const FDA_DISPOSAL_URL = 'https://www.fda.gov/drugs/safe-disposal-medicines/disposal-unused-medicines-what-you-should-know';

/** The data's own page about needles when it has one (with its source); otherwise how to find the city's. */
function needlePageItem(page: NeedlePage | undefined): TemplateResult {
  const url = safeHttpUrl(page?.url);
  if (!page || !url) return html`<li>${msg('For the city’s needle-disposal page, search boston.gov for “needle disposal”.')}</li>`;
  return html`<li>
    ${msg('More from the city:')}
    <a href=${url} target="_blank" rel="noopener noreferrer" aria-label=${msg(str`${page.name} (opens in a new tab)`)}>${page.name}</a>
    <span class="muted">(${msg(str`source: ${page.source}`)})</span>
  </li>`;
}

function bostonSharps(level: HeadingLevel, page: NeedlePage | undefined): TemplateResult {
  return html`<section class="guidance" part="guidance" aria-labelledby="g-boston-sharps">
    ${renderHeading(level, msg('Needles in Boston'), { id: 'g-boston-sharps', class: 'subtitle' })}
    <ul>
      <li>
        ${msg('Found a needle outside? Do not pick it up. Report it to BOS:311 and the Mobile Sharps Team will pick it up:', { desc: 'Boston needle guidance. BOS:311 is the city services line (dial 3-1-1 or 617-635-4500): keep the name and every number exactly as written, in Western digits.' })}
        <a href="tel:311" aria-label=${msg('Call 3-1-1 (BOS:311)', { desc: 'Boston needle guidance. BOS:311 is the city services line (dial 3-1-1 or 617-635-4500): keep the name and every number exactly as written, in Western digits.' })} dir="ltr">3-1-1</a>
        ${msg('or')}
        <a href="tel:6176354500" aria-label=${msg('Call 617-635-4500 (BOS:311)', { desc: 'Boston needle guidance. BOS:311 is the city services line (dial 3-1-1 or 617-635-4500): keep the name and every number exactly as written, in Western digits.' })} dir="ltr">617-635-4500</a>.
      </li>
      <li>${msg('In Boston, needles and syringes must not go in household trash or recycling.')}</li>
      <li>${msg('Pharmacies, syringe service programs and public health kiosks take used needles. Keep them in a closed, hard container until you drop them off.')}</li>
      ${needlePageItem(page)}
    </ul>
    <p class="source muted">${msg('Source: City of Boston, Office of Recovery Services.')}</p>
  </section>`;
}

function sharps(level: HeadingLevel): TemplateResult {
  return html`<section class="guidance" part="guidance" aria-labelledby="g-sharps">
    ${renderHeading(level, msg('Needles and other sharps'), { id: 'g-sharps', class: 'subtitle' })}
    <ul>
      <li>${msg('Pharmacies, syringe service programs and public health kiosks take used needles. Call first to ask.')}</li>
      <li>${msg('Keep them in a closed, hard container until you drop them off. Never put loose needles in the trash or recycling.')}</li>
      <li>${msg('In Boston, report a needle found outside to BOS:311 (3-1-1 or 617-635-4500).', { desc: 'Boston needle guidance. BOS:311 is the city services line (dial 3-1-1 or 617-635-4500): keep the name and every number exactly as written, in Western digits.' })}</li>
    </ul>
    <p class="source muted">${msg('Source: City of Boston, Office of Recovery Services.')}</p>
  </section>`;
}

function fdaMedicines(level: HeadingLevel): TemplateResult {
  return html`<section class="guidance" part="guidance" aria-labelledby="g-fda">
    ${renderHeading(level, msg('Getting rid of medicines at home'), { id: 'g-fda', class: 'subtitle' })}
    <p>${msg('When no take-back place or event is near, the US Food and Drug Administration says:')}</p>
    <ol>
      <li>${msg('Check the FDA’s flush list first. A few medicines, such as some opioid patches, should be flushed down the toilet when no take-back is near.')}</li>
      <li>${msg('For other medicines, mix them (do not crush tablets or capsules) with something unappealing, such as used coffee grounds, dirt or cat litter.')}</li>
      <li>${msg('Put the mix in a sealed plastic bag or a closed container, and put it in your household trash.')}</li>
      <li>${msg('Scratch out your name and other personal information on the empty bottle or package before you throw it away.')}</li>
      <li>${msg('Inhalers can explode: do not puncture them or put them in a fire. Ask your trash and recycling service what to do.')}</li>
    </ol>
    <p>
      <a href=${FDA_DISPOSAL_URL} target="_blank" rel="noopener noreferrer"
        aria-label=${msg('Disposal of unused medicines, on the FDA website (opens in a new tab)')}>${msg('Disposal of unused medicines (FDA)')}</a>
    </p>
    <p class="source muted">${msg('Source: US Food and Drug Administration.')}</p>
  </section>`;
}

/** The guidance blocks; their headings at `level` (one below the element's, 3 by default). */
export function renderGuidance(kinds: readonly Guidance[], level: HeadingLevel = 3, needlePage?: NeedlePage): TemplateResult[] {
  return kinds.map((k) => (k === 'boston-sharps' ? bostonSharps(level, needlePage) : k === 'sharps' ? sharps(level) : fdaMedicines(level)));
}
