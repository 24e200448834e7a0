import type { ErrorCode, Locale } from "@ketnoi/contracts";

/** The message that goes with each error code, in each UI language. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  bad_request: {
    vi: "Yêu cầu không hợp lệ.",
    en: "The request is not valid.",
    ja: "リクエストが正しくありません。",
    ko: "요청이 올바르지 않습니다.",
    "zh-Hant": "請求無效。",
  },
  validation_failed: {
    vi: "Một số trường chưa hợp lệ.",
    en: "Some fields are not valid.",
    ja: "一部の項目が正しくありません。",
    ko: "일부 항목이 올바르지 않습니다.",
    "zh-Hant": "部分欄位無效。",
  },
  malformed_json: {
    vi: "Nội dung gửi lên không phải JSON hợp lệ.",
    en: "The request body is not valid JSON.",
    ja: "リクエスト本文が正しいJSONではありません。",
    ko: "요청 본문이 올바른 JSON이 아닙니다.",
    "zh-Hant": "請求內容不是有效的 JSON。",
  },
  unauthenticated: {
    vi: "Vui lòng đăng nhập.",
    en: "Please sign in.",
    ja: "サインインしてください。",
    ko: "로그인해 주세요.",
    "zh-Hant": "請先登入。",
  },
  invalid_credentials: {
    vi: "Email hoặc mật khẩu không đúng.",
    en: "The email or password is incorrect.",
    ja: "メールアドレスまたはパスワードが正しくありません。",
    ko: "이메일 또는 비밀번호가 올바르지 않습니다.",
    "zh-Hant": "電子郵件或密碼不正確。",
  },
  csrf_failed: {
    vi: "Phiên làm việc không hợp lệ, vui lòng tải lại trang.",
    en: "This request could not be verified; please reload the page.",
    ja: "リクエストを確認できませんでした。ページを再読み込みしてください。",
    ko: "요청을 확인할 수 없습니다. 페이지를 새로 고쳐 주세요.",
    "zh-Hant": "無法驗證此請求，請重新載入頁面。",
  },
  forbidden: {
    vi: "Bạn không có quyền thực hiện thao tác này.",
    en: "You are not allowed to do this.",
    ja: "この操作を行う権限がありません。",
    ko: "이 작업을 수행할 권한이 없습니다.",
    "zh-Hant": "您沒有執行此操作的權限。",
  },
  not_found: {
    vi: "Không tìm thấy.",
    en: "Not found.",
    ja: "見つかりません。",
    ko: "찾을 수 없습니다.",
    "zh-Hant": "找不到。",
  },
  conflict: {
    vi: "Dữ liệu đã thay đổi hoặc bị trùng.",
    en: "This conflicts with existing data.",
    ja: "既存のデータと競合しています。",
    ko: "기존 데이터와 충돌합니다.",
    "zh-Hant": "與現有資料衝突。",
  },
  payload_too_large: {
    vi: "Nội dung gửi lên quá lớn.",
    en: "The request is too large.",
    ja: "リクエストが大きすぎます。",
    ko: "요청이 너무 큽니다.",
    "zh-Hant": "請求內容過大。",
  },
  rate_limited: {
    vi: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
    en: "Too many requests; please try again later.",
    ja: "リクエストが多すぎます。しばらくしてから再試行してください。",
    ko: "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.",
    "zh-Hant": "請求過多，請稍後再試。",
  },
  service_unavailable: {
    vi: "Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau ít giây.",
    en: "The service is briefly unavailable; please retry in a few seconds.",
    ja: "サービスが一時的に利用できません。数秒後に再試行してください。",
    ko: "서비스를 일시적으로 사용할 수 없습니다. 몇 초 후 다시 시도해 주세요.",
    "zh-Hant": "服務暫時無法使用，請於數秒後重試。",
  },
  internal_error: {
    vi: "Đã xảy ra lỗi. Chúng tôi đã ghi nhận sự cố.",
    en: "Something went wrong. The problem has been logged.",
    ja: "エラーが発生しました。問題は記録されました。",
    ko: "오류가 발생했습니다. 문제가 기록되었습니다.",
    "zh-Hant": "發生錯誤，問題已記錄。",
  },
};

/** Field messages the api writes itself (zod's own locales cover the rest). */
export const FIELD_MESSAGES = {
  operatorKey: {
    vi: "Tên trường không được bắt đầu bằng $ hoặc chứa dấu chấm.",
    en: "Field names may not start with $ or contain a dot.",
    ja: "項目名を $ で始めたり、ドットを含めたりすることはできません。",
    ko: "필드 이름은 $로 시작하거나 점을 포함할 수 없습니다.",
    "zh-Hant": "欄位名稱不得以 $ 開頭或包含句點。",
  },
  emailTaken: {
    vi: "Email này đã được đăng ký.",
    en: "This email is already registered.",
    ja: "このメールアドレスは既に登録されています。",
    ko: "이미 등록된 이메일입니다.",
    "zh-Hant": "此電子郵件已註冊。",
  },
  companyRegistered: {
    vi: "Doanh nghiệp này đã đăng ký; hãy đề nghị người quản lý tài khoản doanh nghiệp mời bạn.",
    en: "This company is already registered; ask its account owner to invite you.",
    ja: "この企業は登録済みです。企業アカウントの管理者に招待を依頼してください。",
    ko: "이미 등록된 기업입니다. 기업 계정 관리자에게 초대를 요청하세요.",
    "zh-Hant": "此企業已註冊，請向企業帳號管理者索取邀請。",
  },
  invalidTaxCode: {
    vi: "Mã số thuế không hợp lệ (10 chữ số, hoặc 13 với mã chi nhánh).",
    en: "Invalid tax code (10 digits, or 13 with a branch suffix).",
    ja: "税番号が正しくありません（10桁、または支店コード付き13桁）。",
    ko: "세금 코드가 올바르지 않습니다(10자리 또는 지점 코드 포함 13자리).",
    "zh-Hant": "稅號無效（10 位數，或含分支代碼的 13 位數）。",
  },
  duplicateInFile: {
    vi: "Doanh nghiệp này đã xuất hiện ở dòng trước trong tệp.",
    en: "This company already appears on an earlier line of the file.",
    ja: "この企業はファイルの前の行に既にあります。",
    ko: "이 기업은 파일의 앞줄에 이미 있습니다.",
    "zh-Hant": "此企業已出現在檔案的前幾行。",
  },
  unknownSlot: {
    vi: "Khung giờ không có trong lịch hội chợ.",
    en: "This slot is not in the fair's schedule.",
    ja: "この時間枠はフェアの日程にありません。",
    ko: "박람회 일정에 없는 시간대입니다.",
    "zh-Hant": "此時段不在展會時程中。",
  },
  sessionFull: {
    vi: "Phiên này đã hết chỗ.",
    en: "This session is full.",
    ja: "このセッションは満席です。",
    ko: "이 세션은 마감되었습니다.",
    "zh-Hant": "此場次已額滿。",
  },
  unknownTimeZone: {
    vi: "Múi giờ không hợp lệ.",
    en: "Unknown time zone.",
    ja: "不明なタイムゾーンです。",
    ko: "알 수 없는 시간대입니다.",
    "zh-Hant": "未知的時區。",
  },
  daysOutOfOrder: {
    vi: "Các ngày phải tăng dần và không trùng nhau.",
    en: "Days must be in order, each once.",
    ja: "日付は昇順で、重複なく指定してください。",
    ko: "날짜는 오름차순이며 중복될 수 없습니다.",
    "zh-Hant": "日期須依序排列且不可重複。",
  },
  endBeforeStart: {
    vi: "Thời điểm kết thúc phải sau thời điểm bắt đầu.",
    en: "The end must come after the start.",
    ja: "終了は開始より後にしてください。",
    ko: "종료는 시작보다 뒤여야 합니다.",
    "zh-Hant": "結束必須晚於開始。",
  },
  outsideHours: {
    vi: "Giờ nghỉ phải nằm trong giờ làm việc của hội chợ.",
    en: "A break must fall within the fair's daily hours.",
    ja: "休憩はフェアの開催時間内にしてください。",
    ko: "휴식 시간은 박람회 운영 시간 안에 있어야 합니다.",
    "zh-Hant": "休息時間須在展會每日時段內。",
  },
  zoneOutsideTables: {
    vi: "Khu bàn vượt quá số bàn của hội chợ.",
    en: "The zone goes beyond the fair's number of tables.",
    ja: "ゾーンがテーブル数を超えています。",
    ko: "구역이 테이블 수를 넘습니다.",
    "zh-Hant": "區域超出洽談桌數量。",
  },
  notAFairDay: {
    vi: "Ngày này không thuộc hội chợ.",
    en: "This is not a day of the fair.",
    ja: "フェアの開催日ではありません。",
    ko: "박람회 날짜가 아닙니다.",
    "zh-Hant": "此日期不是展會日。",
  },
  belowRegistrations: {
    vi: "Sức chứa không thể thấp hơn số doanh nghiệp đã đăng ký.",
    en: "Capacity cannot be lower than the firms already registered.",
    ja: "定員を登録済みの企業数より少なくすることはできません。",
    ko: "정원은 이미 등록한 기업 수보다 적을 수 없습니다.",
    "zh-Hant": "容量不得低於已報名的企業數。",
  },
  roleDoesNotFitCompany: {
    vi: "Vai trò không phù hợp với loại doanh nghiệp (trong nước / nước ngoài).",
    en: "The role does not fit the company (domestic or foreign).",
    ja: "役割が企業の種類（国内・海外）に合いません。",
    ko: "역할이 기업 유형(국내/해외)과 맞지 않습니다.",
    "zh-Hant": "角色與企業類型（國內／海外）不符。",
  },
  unsupportedFileType: {
    vi: "Loại tệp không được chấp nhận (logo: PNG, JPEG, WebP; catalogue: PDF).",
    en: "This kind of file is not accepted (logo: PNG, JPEG, WebP; catalogue: PDF).",
    ja: "このファイル形式は受け付けられません（ロゴ: PNG・JPEG・WebP、カタログ: PDF）。",
    ko: "허용되지 않는 파일 형식입니다(로고: PNG, JPEG, WebP / 카탈로그: PDF).",
    "zh-Hant": "不接受此檔案類型（標誌：PNG、JPEG、WebP；型錄：PDF）。",
  },
  tooManyFiles: {
    vi: "Đã đạt số lượng tệp tối đa.",
    en: "The maximum number of files has been reached.",
    ja: "ファイル数の上限に達しました。",
    ko: "최대 파일 수에 도달했습니다.",
    "zh-Hant": "已達檔案數量上限。",
  },
  unknownCode: {
    vi: "Mã danh mục không tồn tại.",
    en: "Unknown taxonomy code.",
    ja: "存在しない分類コードです。",
    ko: "존재하지 않는 분류 코드입니다.",
    "zh-Hant": "分類代碼不存在。",
  },
  wrongCodeKind: {
    vi: "Mã danh mục không thuộc loại phù hợp cho trường này.",
    en: "This taxonomy code is not of the kind this field takes.",
    ja: "この項目に使えない種類の分類コードです。",
    ko: "이 항목에 사용할 수 없는 종류의 분류 코드입니다.",
    "zh-Hant": "此分類代碼的類型不適用於此欄位。",
  },
} satisfies Record<string, Record<Locale, string>>;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** A field message in the reader's language: a known key is translated, other text passes through. */
export function fieldMessage(message: string, locale: Locale): string {
  return message in FIELD_MESSAGES ? FIELD_MESSAGES[message as FieldMessageKey][locale] : message;
}
