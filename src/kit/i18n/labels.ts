/** Words for the data model's controlled vocabularies, in the page's language. */
import { msg } from '@lit/localize';
import type { Category, DisposalItem, LocationPrecision, Population } from '../../core/schema.js';
import { getLocale } from './localize.js';

export function categoryLabel(c: Category): string {
  switch (c) {
    case 'peer-support': return msg('Peer support');
    case 'recovery-coaching': return msg('Recovery coaching');
    case 'support-groups': return msg('Support groups');
    case 'recovery-center': return msg('Recovery center');
    case 'family-support': return msg('Family support');
    case 'transportation': return msg('Transportation');
    case 'employment-education': return msg('Employment and education');
    case 'housing': return msg('Housing');
    case 'spiritual-support': return msg('Spiritual support');
    case 'outreach': return msg('Outreach');
    case 'warmline-crisis': return msg('Warmlines and crisis support');
    case 'wellness-education': return msg('Wellness education');
    case 'treatment': return msg('Treatment');
    case 'outpatient-treatment': return msg('Outpatient treatment');
    case 'residential-treatment': return msg('Residential treatment');
    case 'withdrawal-management': return msg('Withdrawal management (detox)');
    case 'medication-treatment': return msg('Medication for addiction treatment');
    case 'harm-reduction': return msg('Harm reduction');
    case 'naloxone': return msg('Naloxone (Narcan)');
    case 'access-to-care': return msg('Help finding care');
    case 'youth-prevention': return msg('Youth and prevention');
    case 'disposal': return msg('Safe disposal');
    case 'other': return msg('Other');
  }
}

export function populationLabel(p: Population): string {
  switch (p) {
    case 'adults': return msg('Adults');
    case 'youth': return msg('Youth');
    case 'young-adults': return msg('Young adults');
    case 'women': return msg('Women');
    case 'men': return msg('Men');
    case 'families': return msg('Families');
    case 'veterans': return msg('Veterans');
    case 'lgbtq': return msg('LGBTQ+ people');
    case 'pregnant-parenting': return msg('Pregnant and parenting people');
    case 'people-experiencing-homelessness': return msg('People experiencing homelessness');
    case 'justice-involved': return msg('People leaving jail or prison');
  }
}

export function itemLabel(i: DisposalItem): string {
  switch (i) {
    case 'pills': return msg('Pills and tablets');
    case 'liquids': return msg('Liquid medicines');
    case 'patches': return msg('Medicine patches');
    case 'inhalers': return msg('Inhalers');
    case 'sharps': return msg('Needles and other sharps');
  }
}

/** A language's name in the page's language: `es` -> "Spanish" / "español". */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** How an approximate point was placed, in words (a popup's line, a card's note). */
export function approximateLabel(precision: LocationPrecision | undefined): string {
  switch (precision) {
    case 'town-centre':
    case 'city-centroid':
      return msg('Location approximate (town centre)');
    case 'source-geocoded':
      return msg('Location approximate (as geocoded by the source)');
    default:
      return msg('Location approximate (ZIP code centre)');
  }
}
