/** Search words in ht (see types.ts), from search-words-ht.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "sipò kanmarad",
      "sipo kanmarad",
      "kanmarad",
      "sipò parèy",
      "sipo parey"
    ],
    "recovery-coaching": [
      "antrenè rekiperasyon",
      "antrene rekiperasyon",
      "antrenman rekiperasyon",
      "coach"
    ],
    "support-groups": [
      "gwoup sipò",
      "gwoup sipo",
      "gwoup èd mityèl",
      "gwoup ed mityel",
      "aa",
      "na",
      "12 etap",
      "douz etap"
    ],
    "recovery-center": [
      "sant rekiperasyon",
      "sant kanmarad"
    ],
    "family-support": [
      "sipò fanmi",
      "sipo fanmi",
      "fanmi",
      "paran"
    ],
    "transportation": [
      "transpò",
      "transpo",
      "woulib",
      "machin"
    ],
    "employment-education": [
      "travay",
      "djòb",
      "djob",
      "fòmasyon",
      "fomasyon",
      "edikasyon",
      "lekòl",
      "lekol"
    ],
    "housing": [
      "lojman",
      "kay",
      "kote pou rete",
      "kay rekiperasyon",
      "abri"
    ],
    "spiritual-support": [
      "sipò espirityèl",
      "sipo espirityel",
      "espirityèl",
      "espirityel",
      "relijyon",
      "legliz"
    ],
    "outreach": [
      "sèvis sou teren",
      "sevis sou teren",
      "sou teren",
      "outreach"
    ],
    "warmline-crisis": [
      "liy koute",
      "liy èd",
      "liy ed",
      "liy kriz",
      "kriz"
    ],
    "wellness-education": [
      "byennèt",
      "byennet",
      "sante",
      "edikasyon sante"
    ],
    "treatment": [
      "tretman",
      "swen",
      "trete"
    ],
    "outpatient-treatment": [
      "tretman san rete lopital",
      "klinik",
      "ayopatyan"
    ],
    "residential-treatment": [
      "tretman rezidansyèl",
      "tretman rezidansyel",
      "rezidansyèl",
      "rezidansyel"
    ],
    "withdrawal-management": [
      "detoks",
      "detox",
      "sevraj",
      "dezentoksikasyon"
    ],
    "medication-treatment": [
      "medikaman pou dejwe",
      "metadòn",
      "metadon",
      "methadone",
      "bipwenòfin",
      "bipwenofin",
      "suboxone",
      "naltrexone",
      "vivitrol",
      "mat",
      "moud"
    ],
    "harm-reduction": [
      "rediksyon risk",
      "rediksyon danje",
      "echanj srenng",
      "echanj zegwi",
      "srenng pwòp",
      "srenng pwop"
    ],
    "naloxone": [
      "naloxone",
      "nalokzòn",
      "nalokzon",
      "narcan",
      "nakan"
    ],
    "access-to-care": [
      "jwenn swen",
      "èd pou jwenn swen",
      "ed pou jwenn swen",
      "asirans",
      "referans"
    ],
    "youth-prevention": [
      "jèn",
      "jen",
      "timoun",
      "adolesan",
      "prevansyon"
    ],
    "disposal": [
      "jete medikaman",
      "retounen medikaman",
      "zegwi",
      "srenng",
      "bagay ki pike"
    ]
  },
  "stop": [
    "a",
    "la",
    "lan",
    "nan",
    "yo",
    "an",
    "yon",
    "ak",
    "avèk",
    "avek",
    "epi",
    "oswa",
    "osinon",
    "de",
    "pou",
    "sou",
    "mwen",
    "m",
    "ou",
    "li",
    "nou",
    "toupre",
    "pre",
    "bò",
    "bo",
    "kote",
    "ki",
    "kisa",
    "se",
    "gen",
    "jwenn",
    "chèche",
    "cheche",
    "bezwen",
    "vle",
    "tanpri",
    "sa",
    "sila"
  ]
} satisfies SearchWords;
