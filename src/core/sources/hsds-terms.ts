/**
 * Another directory's taxonomy terms read as our categories, without a hand-made map: by the
 * term's code where it is a code of a taxonomy we know (the 211/AIRS taxonomy, SAMHSA's
 * treatment locator), else by the words of its name. A term neither names is left out; a
 * service with no term we can read is kept under "other" by the reader. What a disposal place
 * takes is read only from a term's words that say it ("Medication take-back", "Sharps disposal"):
 * a place whose terms do not say is never assumed to take anything.
 *
 * DOM-free.
 */
import type { Category, DisposalItem } from '../schema.js';

/** A taxonomy term as a directory gives it (any part may be missing). */
export interface TermFacts {
  code?: string | undefined;
  name?: string | undefined;
}

/**
 * 211/AIRS taxonomy codes (a code and every code under it) and SAMHSA treatment locator service
 * codes. The longest matching AIRS prefix wins.
 */
const AIRS: [string, Category][] = [
  ['PN-8100.0500', 'support-groups'], // Addictions/substance use disorder support groups
  ['PN-8100', 'support-groups'], // Mutual support
  ['RX-8450.1150', 'outpatient-treatment'], // Comprehensive outpatient substance use disorder treatment
  ['RX-8450', 'treatment'], // Substance use disorder treatment programs
];

const SAMHSA: Record<string, Category> = {
  SA: 'treatment',
  DT: 'withdrawal-management',
  OP: 'outpatient-treatment',
  RES: 'residential-treatment',
  OTP: 'medication-treatment',
  MM: 'medication-treatment',
  BU: 'medication-treatment',
  NU: 'medication-treatment',
};

/** Words of a term's name, most specific first: the first that matches names the category. */
const BY_NAME: [RegExp, Category][] = [
  [/take[- ]?back|disposal|drop[- ]?(box|off)/i, 'disposal'],
  [/naloxone|narcan/i, 'naloxone'],
  [/harm reduction|syringe|needle exchange/i, 'harm-reduction'],
  [/detox|withdrawal/i, 'withdrawal-management'],
  [/medication[- ]assisted|medications? for (opioid|addiction)|methadone|buprenorphine|suboxone|opioid treatment program/i, 'medication-treatment'],
  [/residential|inpatient/i, 'residential-treatment'],
  [/outpatient/i, 'outpatient-treatment'],
  [/recovery (community |support )?cent(er|re)|drop[- ]in/i, 'recovery-center'],
  [/recovery coach/i, 'recovery-coaching'],
  [/peer/i, 'peer-support'],
  [/support groups?|mutual (aid|support)|12[- ]step|twelve[- ]step/i, 'support-groups'],
  [/famil/i, 'family-support'],
  [/transport/i, 'transportation'],
  [/employment|job|vocational|education/i, 'employment-education'],
  [/housing|sober (living|home)|shelter/i, 'housing'],
  [/spiritual|faith/i, 'spiritual-support'],
  [/outreach/i, 'outreach'],
  [/crisis|warm ?line|hotline/i, 'warmline-crisis'],
  [/wellness/i, 'wellness-education'],
  [/prevention|youth/i, 'youth-prevention'],
  [/navigation|referral|case management/i, 'access-to-care'],
  [/treatment|counsel/i, 'treatment'],
];

/** Our category for another directory's term, or undefined when neither its code nor its name says. */
export function categoryOfTerm(term: TermFacts): Category | undefined {
  const code = term.code?.trim().toUpperCase() ?? '';
  if (code) {
    const airs = AIRS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}.`) || code.startsWith(`${prefix}-`));
    if (airs) return airs[1];
    const samhsa = SAMHSA[code];
    if (samhsa) return samhsa;
  }
  const name = term.name?.trim() ?? '';
  return name ? BY_NAME.find(([words]) => words.test(name))?.[1] : undefined;
}

/** Words of a term's name that say a place takes things back. */
const TAKES_BACK = /take[- ]?back|disposal|drop[- ]?(box|off)|collection/i;
/** What it takes, by the words of the same name. */
const ITEMS: [RegExp, DisposalItem][] = [
  [/medication|medicine|drug|pill|prescription|pharmac/i, 'pills'],
  [/sharps|needle|syringe/i, 'sharps'],
];

/** The disposal items a term's name says a place takes ("Medication Take-Back Sites": pills); none when it does not say. */
export function disposalItemsOfTerm(term: TermFacts): DisposalItem[] {
  const name = term.name?.trim() ?? '';
  return TAKES_BACK.test(name) ? ITEMS.filter(([words]) => words.test(name)).map(([, item]) => item) : [];
}
