/** Vocabulary for the demo fair's foreign vendors and buyers. */

export interface CountryProfile {
  country: string;
  count: number;
  timeZone: string;
  languages: string[];
  names: string[];
}

export const COUNTRIES: CountryProfile[] = [
  {
    country: "JP",
    count: 20,
    timeZone: "Asia/Tokyo",
    languages: ["ja"],
    names: [
      "Kansai Seiki Co., Ltd.",
      "Tohoku Koki Co., Ltd.",
      "Chubu Robotics Corporation",
      "Mikawa Press Works Co., Ltd.",
      "Shinano Sokki Co., Ltd.",
      "Kyushu Automation Co., Ltd.",
      "Yamato Denki Kogyo Co., Ltd.",
      "Musashi Precision Machinery Co., Ltd.",
      "Owari Servo Press Co., Ltd.",
      "Echigo Vision Systems Inc.",
      "Izumi Mold Technology Co., Ltd.",
      "Hamamatsu Parts Trading Co., Ltd.",
      "Suruga Factory Automation Co., Ltd.",
      "Omi Energy Systems Co., Ltd.",
      "Kaga Metrology Co., Ltd.",
      "Tamba Industrial Robots Co., Ltd.",
      "Bizen Die Casting Machinery Co., Ltd.",
      "Settsu MES Solutions Inc.",
      "Hokuriku Injection Machinery Co., Ltd.",
      "Sanuki Electronics Procurement Co., Ltd.",
    ],
  },
  {
    country: "KR",
    count: 15,
    timeZone: "Asia/Seoul",
    languages: ["ko"],
    names: [
      "Daesung Precision Co., Ltd.",
      "Hanbit Robotics Co., Ltd.",
      "Sejin Mold Co., Ltd.",
      "Woojin Automation Co., Ltd.",
      "Dongil Press Machinery Co., Ltd.",
      "Samhwa Vision Tech Co., Ltd.",
      "Kyungin Electronics Sourcing Co., Ltd.",
      "Jinwoo SMT Systems Co., Ltd.",
      "Hyunsung Auto Parts Co., Ltd.",
      "Taeyang Energy Equipment Co., Ltd.",
      "Seoyoung Sensors Co., Ltd.",
      "Mirae Smart Factory Co., Ltd.",
      "Hanyang Metrology Co., Ltd.",
      "Donga Injection Machinery Co., Ltd.",
      "Yuil Harness Sourcing Co., Ltd.",
    ],
  },
  {
    country: "TW",
    count: 10,
    timeZone: "Asia/Taipei",
    languages: ["zh-Hant"],
    names: [
      "Hsin Yuan Machinery Co., Ltd.",
      "Chun Hung Precision Industrial Co., Ltd.",
      "Yung Chang Electronics Corp.",
      "Kuang Ming CNC Co., Ltd.",
      "Fu Sheng Automation Co., Ltd.",
      "Ho Ping Mould Technology Co., Ltd.",
      "Tai Shan Smart Sensors Co., Ltd.",
      "Chien Kuo Components Sourcing Co., Ltd.",
      "Jui Feng Robotics Co., Ltd.",
      "Ming Hsing Test Equipment Co., Ltd.",
    ],
  },
  {
    country: "DE",
    count: 6,
    timeZone: "Europe/Berlin",
    languages: ["de"],
    names: [
      "Rheintal Präzisionstechnik GmbH",
      "Brandt Robotik GmbH",
      "Westfalen Messtechnik GmbH",
      "Neckar Pressen GmbH",
      "Oberland Systemtechnik GmbH",
      "Lausitz Energietechnik GmbH",
    ],
  },
  {
    country: "IT",
    count: 3,
    timeZone: "Europe/Rome",
    languages: ["it"],
    names: ["Officine Brianza S.p.A.", "Stampi Veneti S.r.l.", "Emilia Automazione S.r.l."],
  },
  { country: "FR", count: 2, timeZone: "Europe/Paris", languages: ["fr"], names: ["Savoie Usinage SAS", "Mécatronique du Rhône SAS"] },
  { country: "NL", count: 2, timeZone: "Europe/Amsterdam", languages: ["nl"], names: ["Brabant Vision B.V.", "Twente Automation B.V."] },
  { country: "CZ", count: 2, timeZone: "Europe/Prague", languages: ["cs"], names: ["Morava Strojírny s.r.o.", "Plzeň Nástroje a.s."] },
];

/** What a vendor's name says it offers, by keyword (first match wins). */
export const OFFER_KEYWORDS: [RegExp, string[], string][] = [
  [/Press|Pressen|Stampi/, ["tech.press", "tech.press.servo"], "sec.mech"],
  [/Robot|Robotik/, ["tech.robot", "tech.automation"], "sec.auto"],
  [/Vision/, ["tech.vision", "tech.metrology"], "sec.elec"],
  [/Sokki|Metrology|Messtechnik|Test/, ["tech.metrology", "tech.vision"], "sec.hitech"],
  [/SMT/, ["tech.smt", "tech.vision"], "sec.elec"],
  [/Injection|Mold|Mould/, ["tech.moulding"], "sec.plastic"],
  [/Die Casting/, ["tech.energy", "tech.automation"], "sec.auto"],
  [/Energy|Energietechnik/, ["tech.energy", "tech.iot"], "sec.textile"],
  [/MES|Smart Factory|Systemtechnik/, ["tech.mes", "tech.iot"], "sec.hitech"],
  [/Sensors/, ["tech.iot", "tech.metrology"], "sec.elec"],
  [/Automation|Automazione|Mécatronique/, ["tech.automation", "tech.robot"], "sec.auto"],
  [/CNC|Koki|Seiki|Precision|Präzision|Machinery|Usinage|Strojírny|Nástroje|Officine/, ["tech.cnc", "tech.metrology"], "sec.mech"],
];

/** Buyers (FDI procurement offices) and what they require of Hanoi suppliers. */
export const BUYER_KEYWORDS: [RegExp, { processes: string[]; materials: string[]; certifications: string[]; sector: string }][] = [
  [
    /Parts Trading|Auto Parts/,
    {
      processes: ["proc.stamping.progressive", "proc.diecasting.aluminium"],
      materials: ["mat.steel", "mat.aluminium"],
      certifications: ["cert.iatf16949"],
      sector: "sec.auto",
    },
  ],
  [
    /Electronics (Procurement|Sourcing)|Electronics Corp/,
    { processes: ["proc.smt", "proc.harness"], materials: ["mat.copper"], certifications: ["cert.iso9001", "cert.rohs"], sector: "sec.elec" },
  ],
  [
    /Harness Sourcing/,
    { processes: ["proc.harness", "proc.cable"], materials: ["mat.copper", "mat.plastic"], certifications: ["cert.iatf16949"], sector: "sec.auto" },
  ],
  [
    /Components Sourcing/,
    {
      processes: ["proc.cnc.turning", "proc.injection"],
      materials: ["mat.aluminium", "mat.plastic"],
      certifications: ["cert.iso9001"],
      sector: "sec.hitech",
    },
  ],
];
