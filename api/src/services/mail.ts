import type { Locale } from "@ketnoi/contracts";
import type { OutboxRepository } from "../repositories/outboxRepository";
import { layoutMail } from "./mailLayout";

type Template = "verify_email" | "password_reset" | "invitation" | "company_approved";
const TEMPLATES: Record<Template, Record<Locale, { subject: string; body: string; action: string }>> = {
  verify_email: {
    vi: { subject: "Xác nhận email của bạn trên Ketnoi", body: `Vui lòng xác nhận địa chỉ email của bạn bằng liên kết sau (hiệu lực 48 giờ)`, action: "Xác nhận email" },
    en: { subject: "Confirm your email for Ketnoi", body: `Please confirm your email address with this link (valid for 48 hours)`, action: "Confirm my address" },
    ja: { subject: "Ketnoi メールアドレスの確認", body: `次のリンクからメールアドレスを確認してください（48時間有効）`, action: "メールアドレスを確認" },
    ko: { subject: "Ketnoi 이메일 확인", body: `다음 링크로 이메일 주소를 확인해 주세요(48시간 유효)`, action: "이메일 확인" },
    "zh-Hant": { subject: "確認您在 Ketnoi 的電子郵件", body: `請透過以下連結確認您的電子郵件地址（48 小時內有效）`, action: "確認電子郵件" },
  },
  invitation: {
    vi: { subject: "Lời mời tham gia Ketnoi", body: `Bạn được mời tham gia kết nối giao thương trên Ketnoi. Tạo tài khoản bằng liên kết sau (hiệu lực 14 ngày)`, action: "Tạo tài khoản" },
    en: { subject: "You are invited to Ketnoi", body: `You are invited to B2B matchmaking on Ketnoi. Create your account with this link (valid for 14 days)`, action: "Create my account" },
    ja: { subject: "Ketnoi へのご招待", body: `Ketnoi の商談マッチングに招待されました。次のリンクからアカウントを作成してください（14日間有効）`, action: "アカウントを作成" },
    ko: { subject: "Ketnoi 초대", body: `Ketnoi 비즈니스 매칭에 초대되었습니다. 다음 링크로 계정을 만드세요(14일 유효)`, action: "계정 만들기" },
    "zh-Hant": { subject: "Ketnoi 邀請", body: `您受邀參加 Ketnoi 商機媒合。請透過以下連結建立帳號（14 天內有效）`, action: "建立帳號" },
  },
  company_approved: {
    vi: { subject: "Doanh nghiệp của bạn đã được duyệt trên Ketnoi", body: `Ban tổ chức đã duyệt doanh nghiệp của bạn: hồ sơ đã có trong danh bạ và bạn có thể đặt lịch gặp đối tác.`, action: "Xem gợi ý đối tác" },
    en: { subject: "Your company is approved on Ketnoi", body: `The organisers approved your company: it is in the directory and you can now ask partners to meet.`, action: "See my recommended partners" },
    ja: { subject: "Ketnoi で貴社が承認されました", body: `主催者が貴社を承認しました。企業名簿に掲載され、商談を申し込めるようになりました。`, action: "おすすめの商談相手を見る" },
    ko: { subject: "Ketnoi에서 귀사가 승인되었습니다", body: `주최 측이 귀사를 승인했습니다. 기업 디렉터리에 게재되며 이제 상담을 신청할 수 있습니다.`, action: "추천 파트너 보기" },
    "zh-Hant": { subject: "貴公司已在 Ketnoi 獲核准", body: `主辦單位已核准貴公司：公司資料已列入名錄，現在可以向合作夥伴申請洽談。`, action: "查看推薦夥伴" },
  },
  password_reset: {
    vi: { subject: "Đặt lại mật khẩu Ketnoi", body: `Đặt mật khẩu mới bằng liên kết sau (hiệu lực 1 giờ). Nếu bạn không yêu cầu, hãy bỏ qua email này.`, action: "Đặt mật khẩu mới" },
    en: { subject: "Reset your Ketnoi password", body: `Set a new password with this link (valid for 1 hour). If you did not ask for this, ignore this email.`, action: "Set a new password" },
    ja: { subject: "Ketnoi パスワードの再設定", body: `次のリンクから新しいパスワードを設定してください（1時間有効）。心当たりがない場合は無視してください。`, action: "新しいパスワードを設定" },
    ko: { subject: "Ketnoi 비밀번호 재설정", body: `다음 링크로 새 비밀번호를 설정하세요(1시간 유효). 요청하지 않았다면 무시하세요.`, action: "새 비밀번호 설정" },
    "zh-Hant": { subject: "重設您的 Ketnoi 密碼", body: `請透過以下連結設定新密碼（1 小時內有效）。若非您本人申請，請忽略此郵件。`, action: "設定新密碼" },
  },
};

/** Writes a templated account mail (verification, reset, invitation, approval) to the outbox. */
export async function enqueueMail(outbox: OutboxRepository, mail: { to: string; template: Template; locale: Locale; link: string; publicOrigin: string }) {
  const t = TEMPLATES[mail.template][mail.locale];
  const laidOut = layoutMail(mail.locale, { subject: t.subject, paragraphs: [t.body], action: { label: t.action, url: mail.link } }, mail.publicOrigin);
  await outbox.enqueue({ to: mail.to, template: mail.template, locale: mail.locale, ...laidOut });
}
