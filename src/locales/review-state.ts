// Do not modify this file by hand: node tools/locale-status.mjs writes it from xliff/*.xlf.

/** Strings in all, strings translated, and translations a reviewer has marked, per language. */
export const reviewState: Readonly<Record<string, { total: number; translated: number; reviewed: number }>> = {
  'es': { total: 392, translated: 392, reviewed: 0 },
  'ht': { total: 392, translated: 1, reviewed: 0 },
  'zh-Hant': { total: 392, translated: 1, reviewed: 0 },
  'zh-Hans': { total: 392, translated: 1, reviewed: 0 },
  'vi': { total: 392, translated: 1, reviewed: 0 },
  'kea': { total: 392, translated: 1, reviewed: 0 },
  'ru': { total: 392, translated: 1, reviewed: 0 },
  'ar': { total: 392, translated: 1, reviewed: 0 },
  'pt-BR': { total: 392, translated: 1, reviewed: 0 },
  'fr': { total: 392, translated: 1, reviewed: 0 },
  'so': { total: 392, translated: 1, reviewed: 0 },
};
