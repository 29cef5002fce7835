/** Search words in kea (see types.ts), from search-words-kea.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "apoiu di kumpanheru",
      "kumpanheru",
      "apoiu di pares"
    ],
    "recovery-coaching": [
      "treinu pa rekuperason",
      "treinador di rekuperason",
      "coach"
    ],
    "support-groups": [
      "grupu di apoiu",
      "grupus di apoiu",
      "djuda mútuu",
      "djuda mutuu",
      "aa",
      "na",
      "12 pasu",
      "dozi pasu"
    ],
    "recovery-center": [
      "sentru di rekuperason"
    ],
    "family-support": [
      "apoiu pa família",
      "apoiu pa familia",
      "família",
      "familia",
      "pai",
      "mai"
    ],
    "transportation": [
      "transporti",
      "buleia",
      "boleia",
      "karu"
    ],
    "employment-education": [
      "trabadju",
      "emprégu",
      "empregu",
      "formason",
      "edukason",
      "skola"
    ],
    "housing": [
      "kaza",
      "morada",
      "kaza di rekuperason",
      "abrigu"
    ],
    "spiritual-support": [
      "apoiu spiritual",
      "spiritual",
      "igreja",
      "relijion"
    ],
    "outreach": [
      "trabadju na rua",
      "outreach"
    ],
    "warmline-crisis": [
      "linha di skuta",
      "linha di djuda",
      "linha di krizi",
      "krizi"
    ],
    "wellness-education": [
      "bon saúdi",
      "bon saudi",
      "saúdi",
      "saudi",
      "edukason pa saúdi"
    ],
    "treatment": [
      "tratamentu",
      "trata"
    ],
    "outpatient-treatment": [
      "tratamentu sen fika internadu",
      "ambulatóriu",
      "ambulatoriu",
      "klínika",
      "klinika"
    ],
    "residential-treatment": [
      "tratamentu residensial",
      "residensial",
      "internadu",
      "internamentu"
    ],
    "withdrawal-management": [
      "detox",
      "dizintoksikason",
      "abstinénsia",
      "abstinensia",
      "disintoxikason"
    ],
    "medication-treatment": [
      "remédiu pa dependénsia",
      "remediu pa dependensia",
      "metadona",
      "metadon",
      "methadone",
      "buprenorfina",
      "suboxone",
      "naltrexona",
      "vivitrol",
      "mat",
      "moud"
    ],
    "harm-reduction": [
      "redukson di danu",
      "redukson di risku",
      "troka di seringa",
      "seringa linpu"
    ],
    "naloxone": [
      "naloxone",
      "nalokson",
      "naloxona",
      "narcan",
      "narkan"
    ],
    "access-to-care": [
      "djuda pa atxa kuidadu",
      "atxa tratamentu",
      "sigúru",
      "siguru",
      "enkaminhamentu"
    ],
    "youth-prevention": [
      "jóvens",
      "jovens",
      "jovem",
      "mininus",
      "prevenson"
    ],
    "disposal": [
      "djuga fora remédiu",
      "djuga fora remediu",
      "debolve remédiu",
      "debolve remediu",
      "agulha",
      "agulhas",
      "seringa",
      "seringas"
    ]
  },
  "stop": [
    "a",
    "di",
    "da",
    "na",
    "ku",
    "pa",
    "pur",
    "y",
    "e",
    "o",
    "un",
    "uns",
    "es",
    "kel",
    "kes",
    "nha",
    "nhas",
    "bu",
    "bus",
    "se",
    "ses",
    "mi",
    "ami",
    "n",
    "nu",
    "li",
    "la",
    "pertu",
    "undi",
    "ki",
    "kusé",
    "kuse",
    "ta",
    "sta",
    "ten",
    "kre",
    "meste",
    "atxa",
    "buska",
    "purfavor",
    "só",
    "so",
    "tanbe"
  ]
} satisfies SearchWords;
