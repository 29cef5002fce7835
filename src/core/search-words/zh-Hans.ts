/** Search words in zh-Hans (see types.ts), from search-words-zh-Hans.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "同伴支持",
      "朋辈支持",
      "同路人支持",
      "同伴"
    ],
    "recovery-coaching": [
      "康复辅导",
      "康复教练",
      "康复指导",
      "康复顾问"
    ],
    "support-groups": [
      "互助小组",
      "支持小组",
      "互助会",
      "互助团体",
      "戒酒会",
      "戒酒无名会",
      "匿名戒酒会",
      "匿名戒毒会",
      "十二步",
      "aa",
      "na"
    ],
    "recovery-center": [
      "康复中心",
      "同伴康复中心",
      "康复社区中心"
    ],
    "family-support": [
      "家属支持",
      "家庭支持",
      "家人支持",
      "家属",
      "家人",
      "家庭"
    ],
    "transportation": [
      "交通",
      "接送",
      "乘车",
      "交通协助"
    ],
    "employment-education": [
      "就业",
      "工作",
      "找工作",
      "职业培训",
      "教育",
      "就业培训"
    ],
    "housing": [
      "住房",
      "住所",
      "住处",
      "房屋",
      "住宿",
      "戒毒康复住所",
      "康复之家"
    ],
    "spiritual-support": [
      "精神支持",
      "心灵支持",
      "宗教",
      "信仰",
      "灵性"
    ],
    "outreach": [
      "外展",
      "外展服务",
      "街头外展"
    ],
    "warmline-crisis": [
      "倾诉热线",
      "关怀热线",
      "危机热线",
      "热线",
      "危机支持",
      "心理热线"
    ],
    "wellness-education": [
      "健康教育",
      "保健",
      "身心健康"
    ],
    "treatment": [
      "治疗",
      "戒瘾治疗",
      "成瘾治疗"
    ],
    "outpatient-treatment": [
      "门诊",
      "门诊治疗",
      "门诊服务"
    ],
    "residential-treatment": [
      "住院治疗",
      "住宿治疗",
      "住院",
      "住宿式治疗"
    ],
    "withdrawal-management": [
      "脱毒",
      "戒毒",
      "戒断",
      "戒断管理",
      "戒酒",
      "排毒",
      "detox"
    ],
    "medication-treatment": [
      "药物治疗",
      "成瘾药物治疗",
      "美沙酮",
      "丁丙诺啡",
      "纳曲酮",
      "舒倍生",
      "suboxone",
      "mat",
      "moud"
    ],
    "harm-reduction": [
      "减害",
      "减少伤害",
      "降低伤害",
      "针具交换",
      "注射器交换",
      "清洁针具",
      "芬太尼试纸"
    ],
    "naloxone": [
      "纳洛酮",
      "narcan",
      "naloxone",
      "鼻喷剂",
      "解毒剂"
    ],
    "access-to-care": [
      "就医协助",
      "寻找治疗",
      "转介",
      "医疗保险",
      "求助"
    ],
    "youth-prevention": [
      "青少年",
      "青年",
      "预防",
      "学生"
    ],
    "disposal": [
      "药物回收",
      "丢弃药物",
      "处理药物",
      "过期药物",
      "针头处理",
      "针头",
      "锐器",
      "注射器"
    ]
  },
  "stop": [
    "的",
    "了",
    "和",
    "与",
    "跟",
    "或",
    "或者",
    "在",
    "我",
    "我的",
    "你",
    "您",
    "附近",
    "周边",
    "找",
    "寻找",
    "哪里",
    "哪儿",
    "哪",
    "有",
    "是",
    "给",
    "要",
    "想",
    "请",
    "一个",
    "这",
    "这个",
    "那",
    "那个",
    "吗",
    "呢",
    "吧",
    "去",
    "到",
    "帮",
    "帮我",
    "需要",
    "可以",
    "怎么",
    "什么",
    "地方"
  ]
} satisfies SearchWords;
