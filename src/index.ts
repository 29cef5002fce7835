/**
 * recovery-finder: registers every element (each registration guarded, so a second copy of
 * the bundle on a page does not throw) and exports their classes, the events and the core.
 */
export { RecoveryResourceSearch } from './components/resource-search/resource-search.js';
export { RecoveryPrscMap } from './components/prsc-map/prsc-map.js';
export { RecoveryDisposalLocator } from './components/disposal-locator/disposal-locator.js';
export { RecoveryNewsletterSignup } from './components/newsletter-signup/newsletter-signup.js';
export { RecoveryMyList } from './components/my-list/my-list.js';
export * from './events.js';
export type {
  Dataset,
  DatasetInput,
  Resource,
  ResourceInput,
  HelpContact,
  Category,
  DisposalItem,
  Population,
} from './core/schema.js';
export { setLocale, getLocale } from './kit/i18n/localize.js';
