/** Search words in fr (see types.ts), from search-words-fr.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "soutien par les pairs",
      "pair aidant",
      "pairs aidants",
      "entraide par les pairs",
      "pair-aidance",
      "pair aidance"
    ],
    "recovery-coaching": [
      "accompagnement au rétablissement",
      "accompagnement au retablissement",
      "coach de rétablissement",
      "coach de retablissement",
      "coaching de rétablissement",
      "coaching de retablissement",
      "accompagnateur"
    ],
    "support-groups": [
      "groupe d’entraide",
      "groupes d’entraide",
      "groupe de soutien",
      "groupes de soutien",
      "groupe de parole",
      "entraide",
      "alcooliques anonymes",
      "narcotiques anonymes",
      "12 étapes",
      "12 etapes",
      "douze étapes",
      "douze etapes"
    ],
    "recovery-center": [
      "centre de rétablissement",
      "centre de retablissement",
      "centre communautaire de rétablissement",
      "centre communautaire de retablissement",
      "centre de soutien par les pairs"
    ],
    "family-support": [
      "soutien aux familles",
      "famille",
      "familles",
      "proches",
      "aidants"
    ],
    "transportation": [
      "transport",
      "transports",
      "trajet",
      "navette"
    ],
    "employment-education": [
      "emploi",
      "travail",
      "formation",
      "éducation",
      "education",
      "études",
      "etudes",
      "recherche d’emploi"
    ],
    "housing": [
      "logement",
      "hébergement",
      "hebergement",
      "maison de rétablissement",
      "maison de retablissement",
      "logement sobre",
      "foyer"
    ],
    "spiritual-support": [
      "soutien spirituel",
      "spirituel",
      "spiritualité",
      "spiritualite",
      "aumônier",
      "aumonier"
    ],
    "outreach": [
      "travail de proximité",
      "travail de proximite",
      "maraude",
      "travail de rue",
      "aller vers",
      "équipe mobile",
      "equipe mobile"
    ],
    "warmline-crisis": [
      "ligne d’écoute",
      "ligne d’ecoute",
      "écoute",
      "ecoute",
      "ligne de crise",
      "crise",
      "ligne d’aide"
    ],
    "wellness-education": [
      "bien-être",
      "bien-etre",
      "bien être",
      "bien etre",
      "éducation à la santé",
      "education a la sante",
      "prévention santé",
      "prevention sante",
      "santé mentale",
      "sante mentale"
    ],
    "treatment": [
      "traitement",
      "soins",
      "prise en charge",
      "thérapie",
      "therapie",
      "addictologie"
    ],
    "outpatient-treatment": [
      "ambulatoire",
      "traitement ambulatoire",
      "consultation",
      "consultations externes",
      "soins externes"
    ],
    "residential-treatment": [
      "traitement en résidence",
      "traitement en residence",
      "résidentiel",
      "residentiel",
      "cure",
      "postcure",
      "centre de soins résidentiel",
      "centre de soins residentiel"
    ],
    "withdrawal-management": [
      "sevrage",
      "désintoxication",
      "desintoxication",
      "détox",
      "detox",
      "cure de sevrage"
    ],
    "medication-treatment": [
      "traitement médicamenteux",
      "traitement medicamenteux",
      "traitement de substitution",
      "tso",
      "méthadone",
      "methadone",
      "buprénorphine",
      "buprenorphine",
      "subutex",
      "suboxone",
      "naltrexone"
    ],
    "harm-reduction": [
      "réduction des risques",
      "reduction des risques",
      "rdr",
      "réduction des dommages",
      "reduction des dommages",
      "échange de seringues",
      "echange de seringues",
      "matériel stérile",
      "materiel sterile"
    ],
    "naloxone": [
      "naloxone",
      "narcan",
      "kit naloxone",
      "antidote opioïdes",
      "antidote opioides"
    ],
    "access-to-care": [
      "accès aux soins",
      "acces aux soins",
      "orientation",
      "aide pour trouver des soins",
      "assurance santé",
      "assurance sante",
      "navigation"
    ],
    "youth-prevention": [
      "jeunes",
      "ados",
      "adolescents",
      "prévention",
      "prevention",
      "jeunesse"
    ],
    "disposal": [
      "élimination",
      "elimination",
      "se débarrasser des médicaments",
      "se debarrasser des medicaments",
      "retour des médicaments",
      "retour des medicaments",
      "médicaments périmés",
      "medicaments perimes",
      "seringues usagées",
      "seringues usagees",
      "boîte de dépôt",
      "boite de depot"
    ]
  },
  "stop": [
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "en",
    "dans",
    "sur",
    "pour",
    "par",
    "avec",
    "sans",
    "près",
    "pres",
    "mon",
    "ma",
    "mes",
    "moi",
    "je",
    "j",
    "me",
    "m",
    "qui",
    "que",
    "qu",
    "ce",
    "cet",
    "cette",
    "ces",
    "est",
    "il",
    "elle",
    "y",
    "chez",
    "vers"
  ]
} satisfies SearchWords;
