import { DateTime } from "luxon";
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
  onsiteNeedsBothThere: {
    vi: "Một bên tham gia từ xa: lịch gặp này chỉ có thể trực tuyến.",
    en: "One side takes part remotely: this meeting can only be online.",
    ja: "一方がリモート参加のため、この商談はオンラインのみです。",
    ko: "한쪽이 원격으로 참가하므로 이 미팅은 온라인으로만 가능합니다.",
    "zh-Hant": "有一方遠端參加，此會面只能線上進行。",
  },
  planInfeasible: {
    vi: "Không thể chuyển sang khung giờ này: kế hoạch sẽ vi phạm một ràng buộc (trùng lịch, hết bàn, phòng hoặc phiên dịch viên).",
    en: "This move would break the plan (a clash, or no table, room or interpreter left).",
    ja: "この移動では計画が成り立ちません（重複、またはテーブル・会議室・通訳者の不足）。",
    ko: "이렇게 옮기면 계획이 성립하지 않습니다(중복 또는 테이블·회의실·통역사 부족).",
    "zh-Hant": "此變更會使計畫不成立（時段衝突，或桌位、會議室、口譯員不足）。",
  },
  planPublished: {
    vi: "Kế hoạch này đã được công bố.",
    en: "This plan has already been published.",
    ja: "この計画は既に公開されています。",
    ko: "이 계획은 이미 공개되었습니다.",
    "zh-Hant": "此計畫已公布。",
  },
  planPublishing: {
    vi: "Kế hoạch này đang được công bố; hãy chờ đến khi xong.",
    en: "This plan is being published; wait until it is done.",
    ja: "この計画は公開処理中です。完了までお待ちください。",
    ko: "이 계획은 공개하는 중입니다. 끝날 때까지 기다려 주세요.",
    "zh-Hant": "此計畫正在公布中，請等候完成。",
  },
  planMeetingBooked: {
    vi: "Cuộc gặp này đã được đặt lịch: hãy đổi giờ trên trang của cuộc gặp.",
    en: "This meeting is already booked: move it on its meeting page.",
    ja: "この商談は既に予約済みです。商談のページで時間を変更してください。",
    ko: "이 미팅은 이미 예약되었습니다. 미팅 페이지에서 시간을 옮기세요.",
    "zh-Hant": "此會面已預約，請在會面頁面變更時段。",
  },
  planSlotNotWished: {
    vi: "Doanh nghiệp đã yêu cầu gặp vào buổi khác trong ngày.",
    en: "The firms asked to meet at another time of day.",
    ja: "企業は別の時間帯での商談を希望しています。",
    ko: "기업이 하루 중 다른 시간대의 미팅을 요청했습니다.",
    "zh-Hant": "企業要求在一天中的其他時段會面。",
  },
  planNoTable: {
    vi: "Không còn bàn trống vào khung giờ này.",
    en: "No table is free in this slot.",
    ja: "この時間枠に空いているテーブルがありません。",
    ko: "이 시간대에 빈 테이블이 없습니다.",
    "zh-Hant": "此時段沒有空桌。",
  },
  planNoRoom: {
    vi: "Không còn phòng họp trực tuyến trống vào khung giờ này.",
    en: "No online meeting room is free in this slot.",
    ja: "この時間枠に空いているオンライン会議室がありません。",
    ko: "이 시간대에 빈 온라인 회의실이 없습니다.",
    "zh-Hant": "此時段沒有空的線上會議室。",
  },
  planNoInterpreter: {
    vi: "Không có phiên dịch viên nói được cả hai ngôn ngữ rảnh vào khung giờ này.",
    en: "No interpreter who speaks both languages is free in this slot.",
    ja: "この時間枠に両方の言語を話せる通訳者の空きがありません。",
    ko: "이 시간대에 두 언어를 모두 하는 통역사가 비어 있지 않습니다.",
    "zh-Hant": "此時段沒有能說兩種語言的口譯員有空。",
  },
  slotInPast: {
    vi: "Khung giờ này đã qua.",
    en: "This slot has already passed.",
    ja: "この時間枠は既に過ぎています。",
    ko: "이미 지난 시간대입니다.",
    "zh-Hant": "此時段已過。",
  },
  requesterUnavailable: {
    vi: "Doanh nghiệp yêu cầu không rảnh vào khung giờ này.",
    en: "The requesting company is not available in this slot.",
    ja: "依頼元の企業はこの時間枠に参加できません。",
    ko: "요청한 기업은 이 시간대에 참석할 수 없습니다.",
    "zh-Hant": "提出請求的企業在此時段無法出席。",
  },
  recipientUnavailable: {
    vi: "Doanh nghiệp được mời không rảnh vào khung giờ này.",
    en: "The invited company is not available in this slot.",
    ja: "相手企業はこの時間枠に参加できません。",
    ko: "상대 기업은 이 시간대에 참석할 수 없습니다.",
    "zh-Hant": "受邀企業在此時段無法出席。",
  },
  requesterBusy: {
    vi: "Doanh nghiệp yêu cầu đã có lịch gặp vào khung giờ này.",
    en: "The requesting company already has a meeting in this slot.",
    ja: "依頼元の企業はこの時間枠に既に商談があります。",
    ko: "요청한 기업은 이 시간대에 이미 미팅이 있습니다.",
    "zh-Hant": "提出請求的企業在此時段已有會面。",
  },
  recipientBusy: {
    vi: "Doanh nghiệp được mời đã có lịch gặp vào khung giờ này.",
    en: "The invited company already has a meeting in this slot.",
    ja: "相手企業はこの時間枠に既に商談があります。",
    ko: "상대 기업은 이 시간대에 이미 미팅이 있습니다.",
    "zh-Hant": "受邀企業在此時段已有會面。",
  },
  noTable: {
    vi: "Không còn bàn trống trong khung giờ này.",
    en: "No table is free in this slot.",
    ja: "この時間枠に空いているテーブルがありません。",
    ko: "이 시간대에 빈 테이블이 없습니다.",
    "zh-Hant": "此時段沒有空桌。",
  },
  videoUnavailable: {
    vi: "Phòng họp video tạm thời không hoạt động; lịch hẹn và đặt lịch vẫn dùng được. Vui lòng thử lại sau ít phút.",
    en: "Video rooms are unavailable right now; scheduling and booking still work. Please try again in a few minutes.",
    ja: "ビデオ会議室は現在ご利用いただけません（日程調整と予約は引き続き利用できます）。数分後に再度お試しください。",
    ko: "지금은 화상 회의실을 사용할 수 없습니다. 일정 조율과 예약은 계속 이용할 수 있습니다. 몇 분 후 다시 시도해 주세요.",
    "zh-Hant": "視訊會議室暫時無法使用；排程與預約仍可正常使用。請於幾分鐘後再試。",
  },
  noOnlineRoom: {
    vi: "Không còn phòng họp trực tuyến trống trong khung giờ này.",
    en: "No online meeting room is free in this slot.",
    ja: "この時間枠に空いているオンライン会議室がありません。",
    ko: "이 시간대에 빈 온라인 회의실이 없습니다.",
    "zh-Hant": "此時段沒有空的線上會議室。",
  },
  noInterpreter: {
    vi: "Không có phiên dịch viên phù hợp rảnh vào khung giờ này.",
    en: "No interpreter for these languages is free in this slot.",
    ja: "この時間枠に対応できる通訳者がいません。",
    ko: "이 시간대에 가능한 통역사가 없습니다.",
    "zh-Hant": "此時段沒有可用的相應口譯員。",
  },
  alreadyMeeting: {
    vi: "Hai doanh nghiệp đã có một lịch gặp hoặc yêu cầu đang mở.",
    en: "These two companies already have a meeting or an open request.",
    ja: "この2社には既に商談または未回答の依頼があります。",
    ko: "두 기업 사이에 이미 미팅 또는 진행 중인 요청이 있습니다.",
    "zh-Hant": "這兩家企業已有會面或待回覆的請求。",
  },
  notYourTurn: {
    vi: "Đang chờ bên kia trả lời.",
    en: "It is the other side's turn to answer.",
    ja: "相手側の回答を待っています。",
    ko: "상대방의 응답을 기다리고 있습니다.",
    "zh-Hant": "正在等待對方回覆。",
  },
  meetingClosed: {
    vi: "Lịch gặp này không còn thay đổi được.",
    en: "This meeting can no longer be changed this way.",
    ja: "この商談はこの操作で変更できません。",
    ko: "이 미팅은 더 이상 이렇게 변경할 수 없습니다.",
    "zh-Hant": "此會面已無法這樣變更。",
  },
  meetingExpired: {
    vi: "Yêu cầu này đã hết hạn.",
    en: "This request has expired.",
    ja: "この依頼は期限切れです。",
    ko: "이 요청은 만료되었습니다.",
    "zh-Hant": "此請求已過期。",
  },
  slotRequired: {
    vi: "Hãy chọn một khung giờ.",
    en: "Choose a slot.",
    ja: "時間枠を選んでください。",
    ko: "시간대를 선택하세요.",
    "zh-Hant": "請選擇時段。",
  },
  meetingChanged: {
    vi: "Lịch gặp vừa được thay đổi; hãy tải lại.",
    en: "The meeting changed meanwhile; reload it.",
    ja: "商談が同時に変更されました。再読み込みしてください。",
    ko: "미팅이 방금 변경되었습니다. 다시 불러오세요.",
    "zh-Hant": "會面剛被變更，請重新載入。",
  },
  wrongCode: {
    vi: "Mã QR không đúng cho lịch gặp này.",
    en: "This QR code is not this meeting's.",
    ja: "この商談のQRコードではありません。",
    ko: "이 미팅의 QR 코드가 아닙니다.",
    "zh-Hant": "此 QR 碼不屬於這場會面。",
  },
  notStarted: {
    vi: "Lịch gặp chưa bắt đầu.",
    en: "The meeting has not started yet.",
    ja: "商談はまだ始まっていません。",
    ko: "미팅이 아직 시작되지 않았습니다.",
    "zh-Hant": "會面尚未開始。",
  },
  sameSlot: {
    vi: "Lịch gặp đã ở khung giờ này.",
    en: "The meeting is already in this slot.",
    ja: "商談は既にこの時間枠です。",
    ko: "미팅이 이미 이 시간대에 있습니다.",
    "zh-Hant": "會面已在此時段。",
  },
  notApproved: {
    vi: "Doanh nghiệp của bạn đang chờ ban tổ chức duyệt.",
    en: "Your company is waiting for the organisers' approval.",
    ja: "貴社は主催者の承認待ちです。",
    ko: "귀사는 주최 측의 승인을 기다리고 있습니다.",
    "zh-Hant": "貴公司正在等待主辦單位核准。",
  },
  emailNotVerified: {
    vi: "Hãy xác nhận địa chỉ email của bạn trước (bằng liên kết chúng tôi đã gửi).",
    en: "Confirm your email address first (with the link we sent you).",
    ja: "先にメールアドレスを確認してください（お送りしたリンクから）。",
    ko: "먼저 이메일 주소를 확인해 주세요(보내 드린 링크로).",
    "zh-Hant": "請先確認您的電子郵件地址（使用我們寄給您的連結）。",
  },
  sameCompany: {
    vi: "Không thể tự đặt lịch với chính doanh nghiệp mình.",
    en: "A company cannot meet itself.",
    ja: "自社との商談は設定できません。",
    ko: "자사와는 미팅을 잡을 수 없습니다.",
    "zh-Hant": "無法與自己的企業會面。",
  },
  notOnsite: {
    vi: "Lịch gặp này diễn ra trực tuyến.",
    en: "This meeting is held online.",
    ja: "この商談はオンラインで行われます。",
    ko: "이 미팅은 온라인으로 진행됩니다.",
    "zh-Hant": "此會面於線上進行。",
  },
  notAParty: {
    vi: "Doanh nghiệp này không tham gia lịch gặp.",
    en: "This company is not a party to the meeting.",
    ja: "この企業は商談の当事者ではありません。",
    ko: "이 기업은 미팅 당사자가 아닙니다.",
    "zh-Hant": "此企業不是會面的一方。",
  },
  ownSide: {
    vi: "Không thể báo vắng mặt cho chính doanh nghiệp mình.",
    en: "You cannot report your own company absent.",
    ja: "自社を欠席として報告することはできません。",
    ko: "자사를 불참으로 보고할 수 없습니다.",
    "zh-Hant": "無法回報自己的企業缺席。",
  },
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
  notOnline: {
    vi: "Cuộc gặp này không diễn ra trực tuyến.",
    en: "This meeting is not held online.",
    ja: "この商談はオンラインではありません。",
    ko: "이 미팅은 온라인으로 진행되지 않습니다.",
    "zh-Hant": "此會議並非線上舉行。",
  },
  ownBooth: {
    vi: "Bạn là nhân viên của gian hàng này; hàng chờ dành cho khách tham quan.",
    en: "You staff this booth; the queue is for visitors.",
    ja: "あなたはこのブースの担当者です。順番待ちは来場者用です。",
    ko: "이 부스의 담당자입니다. 대기열은 방문객용입니다.",
    "zh-Hant": "您是此攤位的工作人員；排隊僅供訪客使用。",
  },
  queueEmpty: {
    vi: "Không có ai đang chờ.",
    en: "Nobody is waiting.",
    ja: "待っている人はいません。",
    ko: "대기 중인 사람이 없습니다.",
    "zh-Hant": "目前沒有人在等候。",
  },
  listedByConsent: {
    vi: "Chỉ sự đồng ý hiển thị hồ sơ của người quản lý tài khoản doanh nghiệp mới đưa doanh nghiệp vào danh bạ; người đó đồng ý hoặc rút lại ở mục Sự đồng ý trên trang Tài khoản và dữ liệu cá nhân.",
    en: "Only the owner's consent to show the firm's profile lists it in the directory; the owner gives or withdraws it under Consents on the account page.",
    ja: "名簿への掲載は、企業アカウントの管理者が企業プロフィールの表示に同意した場合に限られます。管理者は「アカウントと個人データ」ページの「同意」で同意または撤回できます。",
    ko: "디렉터리 게재는 기업 계정 관리자가 기업 프로필 표시에 동의한 경우에만 이루어집니다. 관리자는 '계정 및 개인정보' 페이지의 '동의'에서 동의하거나 철회할 수 있습니다.",
    "zh-Hant": "只有企業帳號管理者同意顯示企業檔案，企業才會列入名錄；管理者可在「帳號與個人資料」頁面的「同意事項」中同意或撤回。",
  },
  webAddress: {
    vi: "Hãy nhập địa chỉ web bắt đầu bằng http:// hoặc https://.",
    en: "Enter a web address starting with http:// or https://.",
    ja: "http:// または https:// で始まるウェブアドレスを入力してください。",
    ko: "http:// 또는 https://로 시작하는 웹 주소를 입력하세요.",
    "zh-Hant": "請輸入以 http:// 或 https:// 開頭的網址。",
  },
  nameRequired: {
    vi: "Hãy nhập tên bằng ít nhất một ngôn ngữ.",
    en: "Give the name in at least one language.",
    ja: "名称を少なくとも1つの言語で入力してください。",
    ko: "이름을 하나 이상의 언어로 입력하세요.",
    "zh-Hant": "請至少以一種語言填寫名稱。",
  },
} satisfies Record<string, Record<Locale, string>>;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** The reader's time with the fair's beside it, as each language writes it. */
const WITH_FAIR_TIME: Record<Locale, (own: string, fair: string) => string> = {
  vi: (own, fair) => `${own} (${fair} giờ Hà Nội)`,
  en: (own, fair) => `${own} (${fair} Hanoi time)`,
  ja: (own, fair) => `${own}（ハノイ時間 ${fair}）`,
  ko: (own, fair) => `${own}(하노이 시간 ${fair})`,
  "zh-Hant": (own, fair) => `${own}（河內時間 ${fair}）`,
};

/**
 * An instant in the reader's zone ("9:45 AM"; with the date when it is not today there), and the
 * fair's time beside it when the reader's clock is another: a time they can act on.
 */
function readerTime(iso: string, values: Record<string, string>, locale: Locale) {
  const zone = values.zone ?? "UTC";
  const fairZone = values.fairZone ?? zone;
  const at = (z: string) => DateTime.fromISO(iso, { zone: z }).setLocale(locale);
  const sameDay = values.now ? at(zone).hasSame(DateTime.fromISO(values.now, { zone }), "day") : false;
  const format = sameDay ? DateTime.TIME_SIMPLE : ({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } as const);
  const own = at(zone).toLocaleString(format);
  return at(zone).offset === at(fairZone).offset ? own : WITH_FAIR_TIME[locale](own, at(fairZone).toLocaleString(DateTime.TIME_SIMPLE));
}

/** Field messages that say when or how many: their template fills in the error's values, in the reader's language and zone. */
export const FIELD_TEMPLATES = {
  /** values: opensAt (ISO), now (ISO), zone (the reader's), fairZone, minutes (before the start). */
  checkInOpensAt: (locale: Locale, v: Record<string, string>) => {
    const when = readerTime(v.opensAt ?? "", v, locale);
    const m = v.minutes ?? "";
    return {
      vi: `Chưa đến giờ nhận bàn: mở lúc ${when}, ${m} phút trước giờ gặp.`,
      en: `Check-in opens at ${when}, ${m} minutes before the meeting.`,
      ja: `チェックインは${when}から可能です（商談開始の${m}分前）。`,
      ko: `체크인은 ${when}부터 가능합니다(미팅 시작 ${m}분 전).`,
      "zh-Hant": `報到於 ${when} 開放（會面開始前 ${m} 分鐘）。`,
    }[locale];
  },
  /** A side of a plan's meeting cannot take the slot. values: party, other (whom it meets then, may be absent). */
  planPartyBusy: (locale: Locale, v: Record<string, string>) => {
    const { party = "", other } = v;
    return {
      vi: other ? `${party} đã có lịch gặp ${other} vào khung giờ này.` : `${party} đã có một cuộc gặp khác vào khung giờ này.`,
      en: other ? `${party} already meets ${other} in this slot.` : `${party} already has another meeting in this slot.`,
      ja: other ? `${party}はこの時間枠に${other}との商談が既にあります。` : `${party}はこの時間枠に別の商談が既にあります。`,
      ko: other ? `${party}은(는) 이 시간대에 ${other}와(과)의 미팅이 이미 있습니다.` : `${party}은(는) 이 시간대에 다른 미팅이 이미 있습니다.`,
      "zh-Hant": other ? `${party}在此時段已有與${other}的會面。` : `${party}在此時段已有其他會面。`,
    }[locale];
  },
  planPartyUnavailable: (locale: Locale, { party = "" }: Record<string, string>) =>
    ({
      vi: `${party} không rảnh vào khung giờ này.`,
      en: `${party} is not available in this slot.`,
      ja: `${party}はこの時間枠に参加できません。`,
      ko: `${party}은(는) 이 시간대에 참여할 수 없습니다.`,
      "zh-Hant": `${party}此時段無法參加。`,
    })[locale],
  planPartyOutsideHours: (locale: Locale, { party = "" }: Record<string, string>) =>
    ({
      vi: `Khung giờ này nằm ngoài giờ làm việc của ${party} (tham gia từ xa).`,
      en: `This slot is outside ${party}'s working hours (it takes part remotely).`,
      ja: `この時間枠は${party}の勤務時間外です（リモート参加）。`,
      ko: `이 시간대는 ${party}의 근무 시간 밖입니다(원격 참가).`,
      "zh-Hant": `此時段不在${party}的工作時間內（遠端參加）。`,
    })[locale],
  planPartySession: (locale: Locale, { party = "" }: Record<string, string>) =>
    ({
      vi: `${party} tham dự một phiên của hội chợ vào giờ này.`,
      en: `${party} attends a fair session then.`,
      ja: `${party}はこの時間にフェアのセッションに参加します。`,
      ko: `${party}은(는) 이 시간에 박람회 세션에 참석합니다.`,
      "zh-Hant": `${party}此時段參加展會活動。`,
    })[locale],
  planPartyBlocked: (locale: Locale, { party = "" }: Record<string, string>) =>
    ({
      vi: `${party} đã đánh dấu khung giờ này là không rảnh.`,
      en: `${party} has marked this slot as unavailable.`,
      ja: `${party}はこの時間枠を参加不可にしています。`,
      ko: `${party}은(는) 이 시간대를 불가로 표시했습니다.`,
      "zh-Hant": `${party}已將此時段標為無法參加。`,
    })[locale],
  planPartyCap: (locale: Locale, { party = "" }: Record<string, string>) =>
    ({
      vi: `${party} đã đủ số cuộc gặp tối đa của kế hoạch.`,
      en: `${party} already has as many meetings as the plan allows.`,
      ja: `${party}は計画の上限まで商談が入っています。`,
      ko: `${party}은(는) 계획이 허용하는 미팅 수를 이미 채웠습니다.`,
      "zh-Hant": `${party}的會面已達計畫上限。`,
    })[locale],
  /** values: max (the most meetings in a row). */
  planInterpreterRun: (locale: Locale, { max = "" }: Record<string, string>) =>
    ({
      vi: `Phiên dịch viên rảnh lúc đó sẽ phải dịch quá ${max} cuộc gặp liên tiếp.`,
      en: `The interpreters free then would have more than ${max} meetings in a row.`,
      ja: `その時間に空いている通訳者は連続${max}件を超えて商談に入ることになります。`,
      ko: `그 시간에 비어 있는 통역사는 ${max}건을 넘게 연속으로 미팅을 하게 됩니다.`,
      "zh-Hant": `此時有空的口譯員將連續超過 ${max} 場會面。`,
    })[locale],
} satisfies Record<string, (locale: Locale, values: Record<string, string>) => string>;

/** A field message in the reader's language: a known key is translated (a template filled in with `values`), other text passes through. */
export function fieldMessage(message: string, locale: Locale, values: Record<string, string> = {}): string {
  if (message in FIELD_TEMPLATES) return FIELD_TEMPLATES[message as keyof typeof FIELD_TEMPLATES](locale, values);
  return message in FIELD_MESSAGES ? FIELD_MESSAGES[message as FieldMessageKey][locale] : message;
}
