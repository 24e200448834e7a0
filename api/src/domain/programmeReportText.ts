import type { EventKind, MeetingOutcome, ProgrammeMeasure } from "@ketnoi/contracts";

/**
 * The words of the periodic report to the People's Committee. The report is an official document the
 * Department of Industry and Trade sends to Hanoi's People's Committee, always in Vietnamese whoever
 * downloads it, so its words live here with it (PDF and workbook alike) rather than in the five
 * catalogues the api answers callers in.
 */
export const MEASURE_LABELS: Record<ProgrammeMeasure, string> = {
  domesticFirms: "Doanh nghiệp CNHT Hà Nội tham gia",
  certifiedFirms: "Doanh nghiệp đạt tiêu chuẩn quốc tế",
  technologyMakers: "Nhà sản xuất công nghệ, thiết bị nước ngoài được mời",
  missionFirms: "Doanh nghiệp tham gia đoàn xúc tiến ở nước ngoài",
  keyProductFirms: "Doanh nghiệp có sản phẩm công nghiệp chủ lực",
  keyProducts: "Sản phẩm được công nhận sản phẩm công nghiệp chủ lực",
};

/** Where each target comes from. */
export const MEASURE_SOURCES: Record<ProgrammeMeasure, string> = {
  domesticFirms: "KH 35/KH-UBND",
  certifiedFirms: "KH 35/KH-UBND",
  technologyMakers: "KH 267/KH-UBND",
  missionFirms: "KH 267/KH-UBND",
  keyProductFirms: "KH 267/KH-UBND",
  keyProducts: "KH 267/KH-UBND",
};

/** Short labels for a chart's rows. */
export const MEASURE_SHORT: Record<ProgrammeMeasure, string> = {
  domesticFirms: "DN CNHT",
  certifiedFirms: "Đạt chuẩn quốc tế",
  technologyMakers: "Nhà SX công nghệ",
  missionFirms: "DN đi nước ngoài",
  keyProductFirms: "DN có SPCNCL",
  keyProducts: "Sản phẩm CNCL",
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  hybrid: "Hội chợ (trực tiếp và trực tuyến)",
  online: "Kết nối trực tuyến",
  delegation: "Đón đoàn doanh nghiệp nước ngoài",
  mission: "Đoàn xúc tiến ra nước ngoài",
};

export const OUTCOME_LABELS: Record<MeetingOutcome, string> = {
  not_relevant: "Không phù hợp",
  follow_up: "Tiếp tục trao đổi",
  quotation_requested: "Yêu cầu báo giá",
  samples: "Gửi mẫu",
  nda: "Ký NDA",
  mou_signed: "Ký biên bản ghi nhớ (MoU)",
};

/** How each figure is counted, for the report's notes (what the targets mean). */
export const COUNTING_NOTES = {
  approved: "Chỉ tính doanh nghiệp đã được duyệt tham gia sự kiện; một doanh nghiệp tham gia nhiều sự kiện trong năm chỉ tính một lần.",
  year: "Sự kiện thuộc năm của ngày cuối cùng của sự kiện (theo giờ địa phương của sự kiện).",
  certified: (standards: string) =>
    `Tiêu chuẩn quốc tế: ${standards}; chứng chỉ còn hiệu lực vào ngày cuối của sự kiện doanh nghiệp tham gia. ` +
    "RoHS, REACH, CE (quy định của thị trường EU), JIS, KS (tiêu chuẩn quốc gia) không tính.",
  makers: (countries: string) =>
    `Nhà sản xuất công nghệ, thiết bị: doanh nghiệp nước ngoài (${countries}) có chào bán công nghệ hoặc thiết bị, ` +
    "tham gia sự kiện tổ chức tại Việt Nam; doanh nghiệp chỉ mua hàng hoặc thương mại không tính.",
  keyProducts: (year: number) => `Sản phẩm công nghiệp chủ lực: sản phẩm được Thành phố công nhận trong năm ${year}.`,
};
