/** Search words in so (see types.ts), from search-words-so.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "taageerada asaagga",
      "asaag",
      "taageero asaag",
      "taageerada dadka la midka ah"
    ],
    "recovery-coaching": [
      "tababarka soo kabashada",
      "lataliye",
      "tababare",
      "coach"
    ],
    "support-groups": [
      "kooxaha taageerada",
      "kooxda taageerada",
      "koox taageero",
      "is-caawin",
      "is caawin",
      "iscaawin",
      "alcoholics anonymous",
      "narcotics anonymous",
      "12 tallaabo"
    ],
    "recovery-center": [
      "xarunta soo kabashada",
      "xarun soo kabasho",
      "xarumaha soo kabashada"
    ],
    "family-support": [
      "taageerada qoyska",
      "qoys",
      "qoyska",
      "qoysaska",
      "waalidiin",
      "ehel"
    ],
    "transportation": [
      "gaadiid",
      "gaadiidka",
      "safar",
      "baabuur"
    ],
    "employment-education": [
      "shaqo",
      "shaqada",
      "waxbarasho",
      "tababar",
      "fasal"
    ],
    "housing": [
      "guri",
      "guryeyn",
      "hoy",
      "hoyga",
      "guriga soo kabashada"
    ],
    "spiritual-support": [
      "taageero ruuxi ah",
      "ruuxi",
      "diin",
      "masjid",
      "wadaad"
    ],
    "outreach": [
      "gaarsiinta bulshada",
      "kooxda guuraysa",
      "bulshada"
    ],
    "warmline-crisis": [
      "khadka dhegeysiga",
      "khadka taageerada",
      "xiisad",
      "khadka caawimaadda"
    ],
    "wellness-education": [
      "fayoobaan",
      "caafimaad",
      "waxbarashada caafimaadka",
      "caafimaadka maskaxda",
      "ka hortag"
    ],
    "treatment": [
      "daaweyn",
      "daaweynta",
      "daawo",
      "balwad",
      "balwadda"
    ],
    "outpatient-treatment": [
      "bukaan-socod",
      "bukaan socod",
      "bukaansocod",
      "daaweyn bukaan-socod ah",
      "daaweyn bukaan socod ah",
      "daaweyn bukaansocod ah",
      "rugta caafimaadka"
    ],
    "residential-treatment": [
      "daaweyn lagu deggan yahay",
      "deggan",
      "xarun daaweyn"
    ],
    "withdrawal-management": [
      "detox",
      "ka-goyn",
      "ka goyn",
      "kagoyn",
      "ka-goynta",
      "ka goynta",
      "kagoynta",
      "ka saarista sunta",
      "calaamadaha ka-goynta",
      "calaamadaha ka goynta",
      "calaamadaha kagoynta"
    ],
    "medication-treatment": [
      "daaweyn dawo",
      "dawo",
      "methadone",
      "buprenorphine",
      "suboxone",
      "naltrexone"
    ],
    "harm-reduction": [
      "yaraynta waxyeellada",
      "yarayn waxyeello",
      "sirinjiyo nadiif ah",
      "irbado nadiif ah"
    ],
    "naloxone": [
      "naloxone",
      "narcan",
      "nalokson"
    ],
    "access-to-care": [
      "helitaanka daryeelka",
      "daryeel",
      "caawimaad lagu helo daryeel",
      "caymis",
      "caymiska caafimaadka"
    ],
    "youth-prevention": [
      "dhallinyaro",
      "dhallinyarada",
      "carruur",
      "ka-hortag",
      "ka hortag",
      "kahortag",
      "ka-hortagga",
      "ka hortagga",
      "kahortagga"
    ],
    "disposal": [
      "tuurid",
      "tuurista",
      "tuurid ammaan ah",
      "dawo-celin",
      "dawo celin",
      "dawocelin",
      "dawooyin dhacay",
      "irbado"
    ]
  },
  "stop": [
    "iyo",
    "ama",
    "ee",
    "oo",
    "u",
    "ku",
    "ka",
    "la",
    "waa",
    "wax",
    "ah",
    "in",
    "inaan",
    "aan",
    "ayaa",
    "waxaan",
    "baa",
    "i",
    "ii",
    "kuu",
    "halkee",
    "xaggee",
    "u dhow",
    "dhow",
    "ag",
    "agtayda",
    "kan",
    "kani",
    "tan",
    "tani",
    "kaas",
    "taas",
    "kuwa",
    "miyaa",
    "sida",
    "ilaa",
    "kale",
    "dhan"
  ]
} satisfies SearchWords;
