/** Search words in pt-BR (see types.ts), from search-words-pt-BR.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "apoio de pares",
      "apoio entre pares",
      "ajuda entre pares",
      "pares"
    ],
    "recovery-coaching": [
      "acompanhamento da recuperação",
      "acompanhamento da recuperacao",
      "coach de recuperação",
      "coach de recuperacao",
      "coaching de recuperação",
      "coaching de recuperacao",
      "mentor de recuperação",
      "mentor de recuperacao"
    ],
    "support-groups": [
      "grupo de apoio",
      "grupos de apoio",
      "ajuda mútua",
      "ajuda mutua",
      "alcoólicos anônimos",
      "alcoolicos anonimos",
      "narcóticos anônimos",
      "narcoticos anonimos",
      "12 passos",
      "doze passos"
    ],
    "recovery-center": [
      "centro de recuperação",
      "centro de recuperacao",
      "centro comunitário de recuperação",
      "centro comunitario de recuperacao",
      "centro de apoio de pares"
    ],
    "family-support": [
      "apoio à família",
      "apoio a familia",
      "família",
      "familia",
      "famílias",
      "familias",
      "familiares",
      "parentes"
    ],
    "transportation": [
      "transporte",
      "carona",
      "locomoção",
      "locomocao"
    ],
    "employment-education": [
      "emprego",
      "trabalho",
      "educação",
      "educacao",
      "curso",
      "capacitação",
      "capacitacao",
      "estudo"
    ],
    "housing": [
      "moradia",
      "habitação",
      "habitacao",
      "casa de recuperação",
      "casa de recuperacao",
      "casa sóbria",
      "casa sobria",
      "abrigo",
      "residência terapêutica",
      "residencia terapeutica"
    ],
    "spiritual-support": [
      "apoio espiritual",
      "espiritual",
      "espiritualidade",
      "religioso",
      "igreja"
    ],
    "outreach": [
      "abordagem de rua",
      "trabalho de rua",
      "consultório na rua",
      "consultorio na rua",
      "busca ativa"
    ],
    "warmline-crisis": [
      "linha de escuta",
      "linha de apoio",
      "crise",
      "apoio emocional",
      "linha de ajuda"
    ],
    "wellness-education": [
      "bem-estar",
      "bem estar",
      "educação em saúde",
      "educacao em saude",
      "saúde mental",
      "saude mental",
      "prevenção",
      "prevencao"
    ],
    "treatment": [
      "tratamento",
      "terapia",
      "cuidado",
      "caps ad"
    ],
    "outpatient-treatment": [
      "ambulatório",
      "ambulatorio",
      "ambulatorial",
      "tratamento ambulatorial",
      "consulta"
    ],
    "residential-treatment": [
      "tratamento residencial",
      "internação",
      "internacao",
      "comunidade terapêutica",
      "comunidade terapeutica",
      "clínica de reabilitação",
      "clinica de reabilitacao",
      "reabilitação",
      "reabilitacao"
    ],
    "withdrawal-management": [
      "desintoxicação",
      "desintoxicacao",
      "desintox",
      "detox",
      "abstinência",
      "abstinencia",
      "manejo da abstinência",
      "manejo da abstinencia"
    ],
    "medication-treatment": [
      "tratamento com medicamentos",
      "tratamento medicamentoso",
      "metadona",
      "buprenorfina",
      "suboxone",
      "naltrexona"
    ],
    "harm-reduction": [
      "redução de danos",
      "reducao de danos",
      "troca de seringas",
      "seringas limpas"
    ],
    "naloxone": [
      "naloxona",
      "narcan",
      "naloxone"
    ],
    "access-to-care": [
      "acesso a cuidados",
      "acesso à saúde",
      "acesso a saude",
      "encaminhamento",
      "ajuda para encontrar atendimento",
      "plano de saúde",
      "plano de saude"
    ],
    "youth-prevention": [
      "jovens",
      "adolescentes",
      "juventude",
      "prevenção",
      "prevencao"
    ],
    "disposal": [
      "descarte",
      "descarte de remédios",
      "descarte de remedios",
      "devolução de remédios",
      "devolucao de remedios",
      "remédios vencidos",
      "remedios vencidos",
      "descarte de agulhas",
      "caixa de coleta"
    ]
  },
  "stop": [
    "o",
    "a",
    "os",
    "as",
    "um",
    "uma",
    "uns",
    "umas",
    "de",
    "do",
    "da",
    "dos",
    "das",
    "e",
    "ou",
    "em",
    "no",
    "na",
    "nos",
    "nas",
    "para",
    "pra",
    "por",
    "pelo",
    "pela",
    "com",
    "sem",
    "perto",
    "meu",
    "minha",
    "meus",
    "minhas",
    "mim",
    "eu",
    "me",
    "que",
    "ao",
    "aos",
    "à",
    "às",
    "perto de"
  ]
} satisfies SearchWords;
