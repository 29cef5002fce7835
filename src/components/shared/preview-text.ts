/**
 * The words for a view shown from a preview (the first records of a large dataset, while the
 * rest is still loading): the count says it is only "so far" and how much was looked at.
 */
import { msg, str } from '@lit/localize';
import { formatCount } from './format.js';
import type { PreviewInfo } from './dataset-controller.js';

/** "12 results so far, from the first 1,000 of 10,000 entries; still loading…" */
export function soFarText(count: string, preview: PreviewInfo): string {
  const records = formatCount(preview.records);
  const total = formatCount(preview.total);
  return msg(str`${count} so far, from the first ${records} of ${total} entries; still loading…`);
}
