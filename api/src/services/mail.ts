import type { Logger } from "pino";
import type { Locale } from "@ketnoi/contracts";
import type { OutboxRepository } from "../repositories/outboxRepository";

/** How mail leaves the system (SMTP, an email API...). Swappable; tests never send anything. */
export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** The default transport: records that a message would go out, without its body (it holds links). */
export function loggingTransport(logger: Logger): MailTransport {
  return {
    async send({ to, subject }) {
      logger.info({ to, subject }, "mail handed to the logging transport (no mail server configured)");
    },
  };
}

type Template = "verify_email" | "password_reset" | "invitation" | "company_approved";
const TEMPLATES: Record<Template, Record<Locale, { subject: string; text: (link: string) => string }>> = {
  verify_email: {
    vi: { subject: "Xác nhận email của bạn trên Ketnoi", text: (l) => `Vui lòng xác nhận địa chỉ email của bạn bằng liên kết sau (hiệu lực 48 giờ):\n${l}` },
    en: { subject: "Confirm your email for Ketnoi", text: (l) => `Please confirm your email address with this link (valid for 48 hours):\n${l}` },
    ja: { subject: "Ketnoi メールアドレスの確認", text: (l) => `次のリンクからメールアドレスを確認してください（48時間有効）:\n${l}` },
    ko: { subject: "Ketnoi 이메일 확인", text: (l) => `다음 링크로 이메일 주소를 확인해 주세요(48시간 유효):\n${l}` },
    "zh-Hant": { subject: "確認您在 Ketnoi 的電子郵件", text: (l) => `請透過以下連結確認您的電子郵件地址（48 小時內有效）：\n${l}` },
  },
  invitation: {
    vi: { subject: "Lời mời tham gia Ketnoi", text: (l) => `Bạn được mời tham gia kết nối giao thương trên Ketnoi. Tạo tài khoản bằng liên kết sau (hiệu lực 14 ngày):\n${l}` },
    en: { subject: "You are invited to Ketnoi", text: (l) => `You are invited to B2B matchmaking on Ketnoi. Create your account with this link (valid for 14 days):\n${l}` },
    ja: { subject: "Ketnoi へのご招待", text: (l) => `Ketnoi の商談マッチングに招待されました。次のリンクからアカウントを作成してください（14日間有効）:\n${l}` },
    ko: { subject: "Ketnoi 초대", text: (l) => `Ketnoi 비즈니스 매칭에 초대되었습니다. 다음 링크로 계정을 만드세요(14일 유효):\n${l}` },
    "zh-Hant": { subject: "Ketnoi 邀請", text: (l) => `您受邀參加 Ketnoi 商機媒合。請透過以下連結建立帳號（14 天內有效）：\n${l}` },
  },
  company_approved: {
    vi: { subject: "Doanh nghiệp của bạn đã được duyệt trên Ketnoi", text: (l) => `Ban tổ chức đã duyệt doanh nghiệp của bạn: hồ sơ đã có trong danh bạ và bạn có thể đặt lịch gặp đối tác.\n${l}` },
    en: { subject: "Your company is approved on Ketnoi", text: (l) => `The organisers approved your company: it is in the directory and you can now ask partners to meet.\n${l}` },
    ja: { subject: "Ketnoi で貴社が承認されました", text: (l) => `主催者が貴社を承認しました。企業名簿に掲載され、商談を申し込めるようになりました。\n${l}` },
    ko: { subject: "Ketnoi에서 귀사가 승인되었습니다", text: (l) => `주최 측이 귀사를 승인했습니다. 기업 디렉터리에 게재되며 이제 상담을 신청할 수 있습니다.\n${l}` },
    "zh-Hant": { subject: "貴公司已在 Ketnoi 獲核准", text: (l) => `主辦單位已核准貴公司：公司資料已列入名錄，現在可以向合作夥伴申請洽談。\n${l}` },
  },
  password_reset: {
    vi: { subject: "Đặt lại mật khẩu Ketnoi", text: (l) => `Đặt mật khẩu mới bằng liên kết sau (hiệu lực 1 giờ). Nếu bạn không yêu cầu, hãy bỏ qua email này.\n${l}` },
    en: { subject: "Reset your Ketnoi password", text: (l) => `Set a new password with this link (valid for 1 hour). If you did not ask for this, ignore this email.\n${l}` },
    ja: { subject: "Ketnoi パスワードの再設定", text: (l) => `次のリンクから新しいパスワードを設定してください（1時間有効）。心当たりがない場合は無視してください。\n${l}` },
    ko: { subject: "Ketnoi 비밀번호 재설정", text: (l) => `다음 링크로 새 비밀번호를 설정하세요(1시간 유효). 요청하지 않았다면 무시하세요.\n${l}` },
    "zh-Hant": { subject: "重設您的 Ketnoi 密碼", text: (l) => `請透過以下連結設定新密碼（1 小時內有效）。若非您本人申請，請忽略此郵件。\n${l}` },
  },
};

/** Writes a templated message to the outbox; the dispatcher sends it. */
export async function enqueueMail(outbox: OutboxRepository, to: string, template: Template, locale: Locale, link: string) {
  const t = TEMPLATES[template][locale];
  await outbox.enqueue({ to, template, locale, subject: t.subject, text: t.text(link) });
}

/** Sends what waits in the outbox; a failure leaves the message for the next round. */
export async function dispatchOutbox(outbox: OutboxRepository, transport: MailTransport, now: () => Date, logger: Logger) {
  for (const message of await outbox.listUnsent(20)) {
    try {
      await transport.send(message);
      await outbox.markSent(message.id, now());
    } catch (err) {
      logger.warn({ err, to: message.to, template: message.template }, "mail not sent; will retry");
      await outbox.markFailed(message.id);
    }
  }
}
