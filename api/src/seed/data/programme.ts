import type { LocalizedText } from "@ketnoi/contracts";
import type { FairInput } from "../../repositories/fairRepository";

/**
 * The demo fair's identity. Its year is the one the demo was first seeded in and stays when the
 * demo is re-dated (demoDays.ts): databases already seeded, and the keys of its sessions and
 * interpreters, name it so. The name shown to people carries the year the fair's days fall in.
 */
export const DEMO_FAIR_SLUG = "cnht-hanoi-2026";

/** The demo fair on the given days; its name carries the year they fall in. */
export const demoFairSetup = (days: readonly [string, string]): FairInput => {
  const year = days[0].slice(0, 4);
  return {
    slug: DEMO_FAIR_SLUG,
    name: {
      vi: `Hội chợ Công nghiệp hỗ trợ Hà Nội ${year}`,
      en: `Hanoi Supporting Industries Fair ${year}`,
      ja: `ハノイ裾野産業フェア${year}`,
      ko: `하노이 지원산업 박람회 ${year}`,
      "zh-Hant": `${year} 河內配套工業展`,
    },
    venue: {
      vi: "Cung Văn hóa Hữu nghị Việt Xô, 91 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội",
      en: "Vietnam-Soviet Friendship Cultural Palace, 91 Tran Hung Dao, Hoan Kiem, Hanoi",
      ja: "越ソ友好文化宮殿（ハノイ市ホアンキエム区チャンフンダオ通り91）",
      ko: "베트남-소련 우호문화궁전 (하노이 호안끼엠 쩐흥다오 91)",
      "zh-Hant": "越蘇友誼文化宮（河內市還劍郡陳興道街91號）",
    },
    timeZone: "Asia/Ho_Chi_Minh",
    days: [...days],
    slotMinutes: 30,
    dailyHours: { start: "08:30", end: "17:00" },
    breaks: [{ start: "12:00", end: "13:30", label: { vi: "Nghỉ trưa", en: "Lunch break", ja: "昼休み", ko: "점심시간", "zh-Hant": "午休" } }],
    onsiteTables: 80,
    tableZones: [
      { from: 1, to: 24, sector: "sec.mech" },
      { from: 25, to: 44, sector: "sec.auto" },
      { from: 45, to: 60, sector: "sec.elec" },
      { from: 61, to: 70, sector: "sec.plastic" },
      { from: 71, to: 80, sector: "sec.hitech" },
    ],
    onlineRoomsPerSlot: 40,
    countryPriorities: { JP: 1.2, KR: 1.2, TW: 1.1, DE: 1.1, IT: 1.1, FR: 1.1, NL: 1.1, CZ: 1.1 },
  };
};

export const INTERPRETERS = [
  { name: "Nguyễn Thị Lan Anh", languages: ["vi", "ja"] },
  { name: "Trần Minh Đức", languages: ["vi", "ja", "en"] },
  { name: "Phạm Thu Hà", languages: ["vi", "ja"] },
  { name: "Lê Hoàng Nam", languages: ["vi", "ja"] },
  { name: "Đỗ Thị Mai", languages: ["vi", "ko"] },
  { name: "Vũ Quang Huy", languages: ["vi", "ko", "en"] },
  { name: "Bùi Thanh Hương", languages: ["vi", "ko"] },
  { name: "Hoàng Văn Long", languages: ["vi", "zh-Hant"] },
  { name: "Ngô Thị Thảo", languages: ["vi", "zh-Hant", "en"] },
  { name: "Đặng Tuấn Anh", languages: ["vi", "en", "de"] },
  { name: "Phan Ngọc Linh", languages: ["vi", "en", "fr"] },
  { name: "Trịnh Bảo Châu", languages: ["vi", "en"] },
];

type SessionSeed = {
  day: 0 | 1;
  start: string;
  end: string;
  kind: "ceremony" | "seminar" | "presentation" | "matchmaking";
  title: LocalizedText;
  room: LocalizedText;
  speakers: string[];
  capacity: number;
};

/** The venue's rooms, named in every language the programme is read in. */
const ROOMS = {
  hallA: { vi: "Hội trường A", en: "Hall A", ja: "ホールA", ko: "A홀", "zh-Hant": "A廳" },
  seminar1: { vi: "Phòng hội thảo 1", en: "Seminar room 1", ja: "セミナー室1", ko: "세미나실 1", "zh-Hant": "研討室 1" },
  seminar2: { vi: "Phòng hội thảo 2", en: "Seminar room 2", ja: "セミナー室2", ko: "세미나실 2", "zh-Hant": "研討室 2" },
  b2b: { vi: "Khu kết nối B2B", en: "B2B matchmaking area", ja: "B2B商談エリア", ko: "B2B 매칭 구역", "zh-Hant": "B2B 媒合區" },
} satisfies Record<string, LocalizedText>;

export const SESSIONS: SessionSeed[] = [
  {
    day: 0,
    start: "08:30",
    end: "09:15",
    kind: "ceremony",
    room: ROOMS.hallA,
    capacity: 400,
    speakers: ["Sở Công Thương Hà Nội"],
    title: { vi: "Khai mạc Hội chợ", en: "Opening ceremony", ja: "開会式", ko: "개막식", "zh-Hant": "開幕典禮" },
  },
  {
    day: 0,
    start: "09:30",
    end: "11:00",
    kind: "seminar",
    room: ROOMS.seminar1,
    capacity: 150,
    speakers: ["Sở Công Thương Hà Nội", "JETRO Hà Nội"],
    title: {
      vi: "Tham gia chuỗi cung ứng ô tô Nhật Bản",
      en: "Joining Japanese automotive supply chains",
      ja: "日系自動車サプライチェーンへの参入",
      ko: "일본 자동차 공급망 진입",
      "zh-Hant": "進入日系汽車供應鏈",
    },
  },
  {
    day: 0,
    start: "09:30",
    end: "12:00",
    kind: "matchmaking",
    room: ROOMS.b2b,
    capacity: 160,
    speakers: [],
    title: {
      vi: "Phiên kết nối giao thương 1",
      en: "Matchmaking round 1",
      ja: "商談会 第1部",
      ko: "비즈니스 매칭 1회차",
      "zh-Hant": "媒合會 第一場",
    },
  },
  {
    day: 0,
    start: "13:30",
    end: "14:30",
    kind: "presentation",
    room: ROOMS.seminar2,
    capacity: 120,
    speakers: ["Chubu Robotics Corporation"],
    title: {
      vi: "Robot công nghiệp cho xưởng vừa và nhỏ",
      en: "Industrial robots for small and medium shops",
      ja: "中小工場向け産業用ロボット",
      ko: "중소 공장을 위한 산업용 로봇",
      "zh-Hant": "中小型工廠的工業機器人",
    },
  },
  {
    day: 0,
    start: "13:30",
    end: "17:00",
    kind: "matchmaking",
    room: ROOMS.b2b,
    capacity: 160,
    speakers: [],
    title: {
      vi: "Phiên kết nối giao thương 2",
      en: "Matchmaking round 2",
      ja: "商談会 第2部",
      ko: "비즈니스 매칭 2회차",
      "zh-Hant": "媒合會 第二場",
    },
  },
  {
    day: 0,
    start: "15:00",
    end: "16:00",
    kind: "seminar",
    room: ROOMS.seminar1,
    capacity: 150,
    speakers: ["Lausitz Energietechnik GmbH"],
    title: {
      vi: "Thiết bị xanh, tiết kiệm năng lượng theo chuẩn EU",
      en: "Green, energy-saving equipment to EU standards",
      ja: "EU基準の省エネ・グリーン設備",
      ko: "EU 기준 친환경·에너지 절약 설비",
      "zh-Hant": "符合歐盟標準的綠色節能設備",
    },
  },
  {
    day: 1,
    start: "08:30",
    end: "10:00",
    kind: "seminar",
    room: ROOMS.seminar1,
    capacity: 150,
    speakers: ["KOTRA Hà Nội"],
    title: {
      vi: "Chuỗi cung ứng điện tử Hàn Quốc tại Việt Nam",
      en: "Korean electronics supply chains in Vietnam",
      ja: "ベトナムにおける韓国系電子サプライチェーン",
      ko: "베트남 내 한국 전자 공급망",
      "zh-Hant": "韓國電子業在越南的供應鏈",
    },
  },
  {
    day: 1,
    start: "08:30",
    end: "12:00",
    kind: "matchmaking",
    room: ROOMS.b2b,
    capacity: 160,
    speakers: [],
    title: {
      vi: "Phiên kết nối giao thương 3",
      en: "Matchmaking round 3",
      ja: "商談会 第3部",
      ko: "비즈니스 매칭 3회차",
      "zh-Hant": "媒合會 第三場",
    },
  },
  {
    day: 1,
    start: "10:15",
    end: "11:30",
    kind: "presentation",
    room: ROOMS.seminar2,
    capacity: 120,
    speakers: ["Kuang Ming CNC Co., Ltd."],
    title: {
      vi: "Máy CNC 5 trục: đầu tư và hiệu quả",
      en: "5-axis CNC: investment and payback",
      ja: "5軸CNC：投資と回収",
      ko: "5축 CNC: 투자와 회수",
      "zh-Hant": "五軸CNC：投資與回收",
    },
  },
  {
    day: 1,
    start: "13:30",
    end: "15:00",
    kind: "seminar",
    room: ROOMS.seminar1,
    capacity: 150,
    speakers: ["Đại học Bách khoa Hà Nội"],
    title: {
      vi: "Chứng nhận IATF 16949 và ISO cho doanh nghiệp CNHT",
      en: "IATF 16949 and ISO certification for suppliers",
      ja: "サプライヤーのためのIATF 16949・ISO認証",
      ko: "공급업체를 위한 IATF 16949 및 ISO 인증",
      "zh-Hant": "供應商的 IATF 16949 與 ISO 認證",
    },
  },
  {
    day: 1,
    start: "13:30",
    end: "16:30",
    kind: "matchmaking",
    room: ROOMS.b2b,
    capacity: 160,
    speakers: [],
    title: {
      vi: "Phiên kết nối giao thương 4",
      en: "Matchmaking round 4",
      ja: "商談会 第4部",
      ko: "비즈니스 매칭 4회차",
      "zh-Hant": "媒合會 第四場",
    },
  },
  {
    day: 1,
    start: "16:30",
    end: "17:00",
    kind: "ceremony",
    room: ROOMS.hallA,
    capacity: 400,
    speakers: ["Sở Công Thương Hà Nội"],
    title: {
      vi: "Bế mạc và ký kết hợp tác",
      en: "Closing and signing ceremony",
      ja: "閉会式・協定調印",
      ko: "폐막 및 협약 체결",
      "zh-Hant": "閉幕暨簽約儀式",
    },
  },
];
