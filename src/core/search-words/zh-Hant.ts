/** Search words in zh-Hant (see types.ts), from search-words-zh-Hant.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "同伴支援",
      "朋輩支援",
      "同路人支援",
      "同伴支持",
      "朋輩",
      "同伴"
    ],
    "recovery-coaching": [
      "康復輔導",
      "康復教練",
      "康復指導",
      "康復顧問"
    ],
    "support-groups": [
      "互助小組",
      "支援小組",
      "互助會",
      "互助團體",
      "戒酒會",
      "戒酒無名會",
      "匿名戒酒會",
      "匿名戒毒會",
      "十二步",
      "aa",
      "na"
    ],
    "recovery-center": [
      "康復中心",
      "同伴康復中心",
      "康復社區中心"
    ],
    "family-support": [
      "家屬支援",
      "家庭支援",
      "家人支援",
      "家屬",
      "家人",
      "家庭"
    ],
    "transportation": [
      "交通",
      "接送",
      "乘車",
      "交通協助"
    ],
    "employment-education": [
      "就業",
      "工作",
      "搵工",
      "找工作",
      "職業培訓",
      "教育",
      "就業培訓"
    ],
    "housing": [
      "住房",
      "住所",
      "住處",
      "房屋",
      "住宿",
      "康復之家",
      "中途宿舍"
    ],
    "spiritual-support": [
      "精神支援",
      "心靈支援",
      "宗教",
      "信仰",
      "靈性"
    ],
    "outreach": [
      "外展",
      "外展服務",
      "街頭外展"
    ],
    "warmline-crisis": [
      "傾訴熱線",
      "關懷熱線",
      "危機熱線",
      "熱線",
      "危機支援",
      "心理熱線"
    ],
    "wellness-education": [
      "健康教育",
      "保健",
      "身心健康"
    ],
    "treatment": [
      "治療",
      "戒癮治療",
      "成癮治療"
    ],
    "outpatient-treatment": [
      "門診",
      "門診治療",
      "門診服務"
    ],
    "residential-treatment": [
      "住院治療",
      "住宿治療",
      "住院",
      "住宿式治療"
    ],
    "withdrawal-management": [
      "脫毒",
      "戒毒",
      "戒斷",
      "戒斷管理",
      "戒酒",
      "排毒",
      "detox"
    ],
    "medication-treatment": [
      "藥物治療",
      "成癮藥物治療",
      "美沙酮",
      "美沙冬",
      "丁丙諾啡",
      "納曲酮",
      "舒倍生",
      "suboxone",
      "mat",
      "moud"
    ],
    "harm-reduction": [
      "減害",
      "減少傷害",
      "降低傷害",
      "針具交換",
      "注射器交換",
      "清潔針具",
      "芬太尼試紙"
    ],
    "naloxone": [
      "納洛酮",
      "narcan",
      "naloxone",
      "鼻噴劑",
      "解毒劑"
    ],
    "access-to-care": [
      "就醫協助",
      "尋找治療",
      "轉介",
      "醫療保險",
      "求助"
    ],
    "youth-prevention": [
      "青少年",
      "青年",
      "預防",
      "學生"
    ],
    "disposal": [
      "藥物回收",
      "丟棄藥物",
      "處理藥物",
      "過期藥物",
      "針頭處理",
      "針頭",
      "銳器",
      "注射器",
      "針筒"
    ]
  },
  "stop": [
    "的",
    "了",
    "和",
    "與",
    "跟",
    "或",
    "或者",
    "在",
    "我",
    "我的",
    "你",
    "您",
    "附近",
    "周邊",
    "找",
    "尋找",
    "哪裡",
    "哪裏",
    "邊度",
    "哪",
    "有",
    "是",
    "給",
    "要",
    "想",
    "請",
    "一個",
    "這",
    "這個",
    "那",
    "那個",
    "嗎",
    "呢",
    "吧",
    "去",
    "到",
    "幫",
    "幫我",
    "需要",
    "可以",
    "怎麼",
    "什麼",
    "地方",
    "嘅",
    "喺"
  ]
} satisfies SearchWords;
