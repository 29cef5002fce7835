/** Search words in vi (see types.ts), from search-words-vi.json by tools/search-words.mjs. */
import type { SearchWords } from './types.js';

export default {
  "categories": {
    "peer-support": [
      "hỗ trợ đồng đẳng",
      "ho tro dong dang",
      "đồng đẳng",
      "dong dang",
      "đồng cảnh",
      "dong canh"
    ],
    "recovery-coaching": [
      "huấn luyện phục hồi",
      "huan luyen phuc hoi",
      "người hướng dẫn phục hồi",
      "nguoi huong dan phuc hoi",
      "coach"
    ],
    "support-groups": [
      "nhóm hỗ trợ",
      "nhom ho tro",
      "nhóm tương trợ",
      "nhom tuong tro",
      "tương trợ",
      "tuong tro",
      "aa",
      "na",
      "12 bước",
      "12 buoc"
    ],
    "recovery-center": [
      "trung tâm phục hồi",
      "trung tam phuc hoi"
    ],
    "family-support": [
      "hỗ trợ gia đình",
      "ho tro gia dinh",
      "gia đình",
      "gia dinh",
      "người thân",
      "nguoi than"
    ],
    "transportation": [
      "phương tiện đi lại",
      "phuong tien di lai",
      "đưa đón",
      "dua don",
      "xe đưa đón",
      "xe dua don",
      "đi lại",
      "di lai"
    ],
    "employment-education": [
      "việc làm",
      "viec lam",
      "tìm việc",
      "tim viec",
      "đào tạo nghề",
      "dao tao nghe",
      "giáo dục",
      "giao duc",
      "học",
      "hoc"
    ],
    "housing": [
      "nhà ở",
      "nha o",
      "chỗ ở",
      "cho o",
      "nhà phục hồi",
      "nha phuc hoi",
      "nơi ở",
      "noi o"
    ],
    "spiritual-support": [
      "tâm linh",
      "tam linh",
      "tinh thần",
      "tinh than",
      "tôn giáo",
      "ton giao"
    ],
    "outreach": [
      "tiếp cận cộng đồng",
      "tiep can cong dong",
      "tiếp cận",
      "tiep can"
    ],
    "warmline-crisis": [
      "đường dây tâm sự",
      "duong day tam su",
      "đường dây nóng",
      "duong day nong",
      "khủng hoảng",
      "khung hoang",
      "đường dây hỗ trợ",
      "duong day ho tro"
    ],
    "wellness-education": [
      "giáo dục sức khỏe",
      "giao duc suc khoe",
      "sức khỏe",
      "suc khoe",
      "sức khoẻ"
    ],
    "treatment": [
      "điều trị",
      "dieu tri",
      "chữa trị",
      "chua tri",
      "cai nghiện",
      "cai nghien"
    ],
    "outpatient-treatment": [
      "ngoại trú",
      "ngoai tru",
      "điều trị ngoại trú",
      "dieu tri ngoai tru"
    ],
    "residential-treatment": [
      "nội trú",
      "noi tru",
      "điều trị nội trú",
      "dieu tri noi tru"
    ],
    "withdrawal-management": [
      "cai nghiện",
      "cai nghien",
      "giải độc",
      "giai doc",
      "cai",
      "detox"
    ],
    "medication-treatment": [
      "điều trị bằng thuốc",
      "dieu tri bang thuoc",
      "methadone",
      "methadon",
      "buprenorphine",
      "suboxone",
      "naltrexone",
      "vivitrol",
      "mat",
      "moud"
    ],
    "harm-reduction": [
      "giảm tác hại",
      "giam tac hai",
      "giảm hại",
      "giam hai",
      "trao đổi kim tiêm",
      "trao doi kim tiem",
      "kim tiêm sạch",
      "kim tiem sach"
    ],
    "naloxone": [
      "naloxone",
      "narcan",
      "thuốc giải quá liều",
      "thuoc giai qua lieu",
      "xịt mũi",
      "xit mui"
    ],
    "access-to-care": [
      "tìm dịch vụ",
      "tim dich vu",
      "giới thiệu",
      "gioi thieu",
      "bảo hiểm",
      "bao hiem",
      "chăm sóc",
      "cham soc"
    ],
    "youth-prevention": [
      "thanh thiếu niên",
      "thanh thieu nien",
      "thanh niên",
      "thanh nien",
      "phòng ngừa",
      "phong ngua",
      "trẻ em",
      "tre em"
    ],
    "disposal": [
      "tiêu hủy thuốc",
      "tieu huy thuoc",
      "bỏ thuốc",
      "bo thuoc",
      "thu hồi thuốc",
      "thu hoi thuoc",
      "kim tiêm",
      "kim tiem",
      "vật sắc nhọn",
      "vat sac nhon"
    ]
  },
  "stop": [
    "và",
    "va",
    "hoặc",
    "hoac",
    "của",
    "cua",
    "cho",
    "ở",
    "o",
    "tại",
    "tai",
    "trong",
    "với",
    "voi",
    "gần",
    "gan",
    "tôi",
    "toi",
    "em",
    "anh",
    "chị",
    "chi",
    "những",
    "nhung",
    "các",
    "cac",
    "một",
    "mot",
    "cái",
    "cai",
    "là",
    "la",
    "có",
    "co",
    "không",
    "khong",
    "đâu",
    "tìm",
    "tim",
    "cần",
    "can",
    "muốn",
    "muon",
    "nào",
    "nao",
    "để",
    "de",
    "về",
    "ve",
    "đến",
    "den"
  ]
} satisfies SearchWords;
