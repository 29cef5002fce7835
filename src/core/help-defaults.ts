/**
 * The help contacts every element shows, even when no dataset loads, and the `help` block the
 * CLI and the data build give a dataset by default. Each contact names its source.
 *
 * DOM-free.
 */
import type { HelpContact } from './schema.js';

/** Where each number comes from, in words (shown to maintainers; kept with the data). */
const NOTES = 'the recovery-finder data-source notes (2026)';

const EMERGENCY_911: HelpContact = {
  id: 'emergency-911',
  name: 'Emergency: 911',
  description: 'Call 911 for an emergency or an overdose.',
  urgency: 'emergency',
  phones: [{ number: '911', type: 'voice' }],
  source: `911: the US emergency number; "911 for an emergency or an overdose" in ${NOTES}`,
};

const LIFELINE_988: HelpContact = {
  id: 'lifeline-988',
  name: '988 Suicide & Crisis Lifeline',
  description: 'Call or text 988 in a crisis.',
  urgency: 'crisis',
  phones: [
    { number: '988', type: 'voice' },
    { number: '988', type: 'text' },
  ],
  source: `988 (call or text): the 988 Suicide & Crisis Lifeline, named in ${NOTES}`,
};

const MA_SUBSTANCE_USE_HELPLINE: HelpContact = {
  id: 'ma-substance-use-helpline',
  name: 'Massachusetts Substance Use Helpline',
  description: 'Free and confidential. Helps you find treatment and Peer Recovery Support Centers.',
  urgency: 'support',
  phones: [
    { number: '800-327-5050', type: 'voice' },
    { number: '800327', type: 'text', text_body: 'HOPE', description: 'Text HOPE to 800327.' },
  ],
  url: 'https://helplinema.org',
  source:
    '800-327-5050 and "text HOPE to 800327": the mass.gov Peer Recovery Support Centers page (Feb 2026), ' +
    `which names the Helpline's phone, text and chat; 800-327-5050 and helplinema.org also in ${NOTES}`,
};

const BOSTON_311: HelpContact = {
  id: 'boston-311',
  name: 'BOS:311 (City of Boston)',
  description: 'For recovery support, and to report a discarded needle.',
  urgency: 'support',
  phones: [
    { number: '3-1-1', type: 'voice' },
    { number: '617-635-4500', type: 'voice' },
  ],
  source:
    '3-1-1 and 617-635-4500: the City of Boston, Office of Recovery Services page ' +
    '(boston.gov/departments/recovery-services: "For recovery support, please call 3-1-1 or 617-635-4500")',
};

/** The default help block: 911, 988, the Massachusetts helpline and Boston's 311. */
export const DEFAULT_HELP_CONTACTS: HelpContact[] = [EMERGENCY_911, LIFELINE_988, MA_SUBSTANCE_USE_HELPLINE, BOSTON_311];

/** Contacts that hold anywhere in the United States (for national datasets). */
export const NATIONAL_HELP_CONTACTS: HelpContact[] = [EMERGENCY_911, LIFELINE_988];
