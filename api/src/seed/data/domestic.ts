/** Vocabulary for the demo fair's Hanoi manufacturers (sector codes from the taxonomy). */

export interface BusinessLine {
  sector: string;
  vi: string;
  en: string;
  processes: string[];
  materials: string[];
  products: { vi: string; en: string }[];
  needs: string[];
}

export const BUSINESS_LINES: BusinessLine[] = [
  {
    sector: "sec.mech",
    vi: "Cơ khí Chính xác",
    en: "Precision Mechanical",
    processes: ["proc.cnc.turning", "proc.cnc.milling3", "proc.cnc.milling5", "proc.heattreat", "proc.plating"],
    materials: ["mat.steel", "mat.stainless", "mat.aluminium"],
    products: [
      { vi: "Trục và bạc lót chính xác", en: "Precision shafts and bushings" },
      { vi: "Chi tiết đồ gá", en: "Jig and fixture parts" },
    ],
    needs: ["tech.cnc", "tech.metrology", "tech.robot"],
  },
  {
    sector: "sec.mech",
    vi: "Khuôn mẫu",
    en: "Mould and Die",
    processes: ["proc.mould", "proc.cnc.milling5", "proc.heattreat"],
    materials: ["mat.steel", "mat.aluminium"],
    products: [
      { vi: "Khuôn dập liên hoàn", en: "Progressive dies" },
      { vi: "Khuôn ép nhựa", en: "Injection moulds" },
    ],
    needs: ["tech.cnc", "tech.metrology", "tech.mes"],
  },
  {
    sector: "sec.mech",
    vi: "Cơ khí Chế tạo",
    en: "Mechanical Manufacturing",
    processes: ["proc.stamping", "proc.stamping.progressive", "proc.sheetmetal", "proc.welding", "proc.powdercoat"],
    materials: ["mat.steel", "mat.stainless"],
    products: [
      { vi: "Chi tiết dập kim loại tấm", en: "Stamped sheet-metal parts" },
      { vi: "Tủ điện công nghiệp", en: "Industrial enclosures" },
    ],
    needs: ["tech.press.servo", "tech.robot", "tech.automation"],
  },
  {
    sector: "sec.mech",
    vi: "Đúc và Rèn",
    en: "Casting and Forging",
    processes: ["proc.diecasting", "proc.diecasting.aluminium", "proc.forging", "proc.heattreat"],
    materials: ["mat.aluminium", "mat.steel", "mat.copper"],
    products: [
      { vi: "Vỏ hộp số đúc nhôm", en: "Die-cast aluminium gearbox housings" },
      { vi: "Mặt bích rèn", en: "Forged flanges" },
    ],
    needs: ["tech.energy", "tech.vision", "tech.automation"],
  },
  {
    sector: "sec.elec",
    vi: "Điện tử",
    en: "Electronics",
    processes: ["proc.smt", "proc.assembly", "proc.harness"],
    materials: ["mat.copper", "mat.plastic"],
    products: [
      { vi: "Bo mạch điều khiển", en: "Controller boards" },
      { vi: "Bộ nguồn công nghiệp", en: "Industrial power supplies" },
    ],
    needs: ["tech.smt", "tech.vision", "tech.mes"],
  },
  {
    sector: "sec.elec",
    vi: "Dây và Cáp điện",
    en: "Wire and Cable",
    processes: ["proc.cable", "proc.harness", "proc.injection"],
    materials: ["mat.copper", "mat.plastic"],
    products: [
      { vi: "Bó dây điện ô tô", en: "Automotive wire harnesses" },
      { vi: "Cáp điều khiển", en: "Control cables" },
    ],
    needs: ["tech.automation", "tech.metrology", "tech.iot"],
  },
  {
    sector: "sec.auto",
    vi: "Phụ tùng Ô tô",
    en: "Auto Parts",
    processes: ["proc.stamping.progressive", "proc.welding.robot", "proc.diecasting.aluminium", "proc.plating"],
    materials: ["mat.steel", "mat.aluminium"],
    products: [
      { vi: "Giá đỡ và khung gầm", en: "Brackets and chassis parts" },
      { vi: "Chi tiết đúc nhôm", en: "Aluminium castings" },
    ],
    needs: ["tech.press.servo", "tech.robot", "tech.vision"],
  },
  {
    sector: "sec.auto",
    vi: "Phụ tùng Xe máy",
    en: "Motorbike Parts",
    processes: ["proc.cnc.turning", "proc.forging", "proc.plating", "proc.rubber"],
    materials: ["mat.steel", "mat.rubber", "mat.aluminium"],
    products: [
      { vi: "Bánh răng và trục xe máy", en: "Motorbike gears and shafts" },
      { vi: "Gioăng cao su", en: "Rubber seals" },
    ],
    needs: ["tech.cnc", "tech.energy", "tech.metrology"],
  },
  {
    sector: "sec.textile",
    vi: "Phụ liệu May",
    en: "Garment Accessories",
    processes: ["proc.sewing", "proc.injection", "proc.packaging"],
    materials: ["mat.fabric", "mat.plastic"],
    products: [
      { vi: "Khóa kéo và cúc", en: "Zips and buttons" },
      { vi: "Nhãn dệt", en: "Woven labels" },
    ],
    needs: ["tech.automation", "tech.energy", "tech.mes"],
  },
  {
    sector: "sec.textile",
    vi: "Da giày",
    en: "Leather Footwear",
    processes: ["proc.sewing", "proc.rubber", "proc.assembly"],
    materials: ["mat.leather", "mat.rubber", "mat.fabric"],
    products: [
      { vi: "Đế giày cao su", en: "Rubber shoe soles" },
      { vi: "Mũ giày da", en: "Leather uppers" },
    ],
    needs: ["tech.automation", "tech.energy", "tech.vision"],
  },
  {
    sector: "sec.hitech",
    vi: "Công nghệ cao",
    en: "High Technology",
    processes: ["proc.3dprint", "proc.cnc.milling5", "proc.smt", "proc.assembly"],
    materials: ["mat.aluminium", "mat.plastic", "mat.stainless"],
    products: [
      { vi: "Linh kiện thiết bị y tế", en: "Medical device components" },
      { vi: "Cảm biến công nghiệp", en: "Industrial sensors" },
    ],
    needs: ["tech.metrology", "tech.iot", "tech.robot"],
  },
  {
    sector: "sec.plastic",
    vi: "Nhựa Kỹ thuật",
    en: "Engineering Plastics",
    processes: ["proc.injection", "proc.mould", "proc.packaging"],
    materials: ["mat.plastic"],
    products: [
      { vi: "Chi tiết nhựa nội thất ô tô", en: "Automotive interior plastic parts" },
      { vi: "Vỏ thiết bị điện", en: "Appliance housings" },
    ],
    needs: ["tech.moulding", "tech.robot", "tech.energy"],
  },
  {
    sector: "sec.plastic",
    vi: "Cao su Kỹ thuật",
    en: "Technical Rubber",
    processes: ["proc.rubber", "proc.injection"],
    materials: ["mat.rubber"],
    products: [
      { vi: "Gioăng phớt công nghiệp", en: "Industrial seals and gaskets" },
      { vi: "Giảm chấn cao su", en: "Rubber dampers" },
    ],
    needs: ["tech.moulding", "tech.metrology", "tech.energy"],
  },
];

export const BRANDS = [
  "Thăng Long",
  "Sông Hồng",
  "Hồng Hà",
  "Phú Thịnh",
  "An Khánh",
  "Minh Khai",
  "Tiến Đạt",
  "Hưng Thịnh",
  "Việt Nhật",
  "Việt Hàn",
  "Kim Long",
  "Bảo Ngọc",
  "Đại Việt",
  "Tân Phong",
  "Phúc Lâm",
  "Quang Trung",
  "Trường An",
  "Thành Công",
  "Đức Giang",
  "Hoàng Gia",
  "Sao Mai",
  "Ánh Dương",
  "Lạc Hồng",
  "Kinh Bắc",
  "Ngọc Hồi",
  "Cổ Loa",
  "Bắc Hà",
  "Hải Long",
  "Phương Đông",
  "Nhật Minh",
  "Gia Bảo",
  "Thiên Phú",
  "Văn Điển",
  "Nam Thăng Long",
  "Tây Hồ",
  "Đông Đô",
  "Hà Thành",
  "Tràng An",
  "Phù Đổng",
  "Sóc Sơn",
];

export const LEGAL_FORMS = [
  { vi: "Công ty TNHH", en: "Co., Ltd." },
  { vi: "Công ty Cổ phần", en: "JSC" },
];

/** Hanoi districts, weighted towards those with industrial zones (Đông Anh, Sóc Sơn, Mê Linh...). */
export const DISTRICTS = [
  "Đông Anh",
  "Đông Anh",
  "Sóc Sơn",
  "Sóc Sơn",
  "Mê Linh",
  "Mê Linh",
  "Long Biên",
  "Gia Lâm",
  "Thanh Trì",
  "Hoàng Mai",
  "Bắc Từ Liêm",
  "Nam Từ Liêm",
  "Thạch Thất",
  "Quốc Oai",
  "Hoài Đức",
  "Thường Tín",
  "Phú Xuyên",
  "Chương Mỹ",
  "Hà Đông",
  "Cầu Giấy",
  "Thanh Xuân",
  "Đan Phượng",
];

export const EXPORT_MARKETS = ["JP", "KR", "TW", "US", "DE", "TH", "CN", "SG", "AU", "FR"];
