import type { Locale } from "@ketnoi/contracts";
import type { OutboxRepository } from "../repositories/outboxRepository";
import { layoutMail } from "./mailLayout";

type Template = "verify_email" | "password_reset" | "invitation" | "company_approved" | "confirm_registration" | "registration_attempt" | "invitation_existing_account";
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
  // Registration answers alike whether or not the address has an account: the address's owner learns which here.
  confirm_registration: {
    vi: { subject: "Xác nhận email để hoàn tất đăng ký trên Ketnoi", body: `Địa chỉ email này vừa được dùng để đăng ký doanh nghiệp trên Ketnoi. Mở liên kết sau để xác nhận địa chỉ và hoàn tất đăng ký (hiệu lực 48 giờ). Nếu không phải bạn, hãy bỏ qua email này: không có gì được tạo nếu chưa xác nhận.`, action: "Hoàn tất đăng ký" },
    en: { subject: "Confirm your address to finish registering on Ketnoi", body: `This email address was used to register a firm on Ketnoi. Open this link to confirm the address and finish the registration (valid for 48 hours). If it was not you, ignore this email: nothing is created without it.`, action: "Finish my registration" },
    ja: { subject: "Ketnoi 登録完了のためのメールアドレス確認", body: `このメールアドレスで Ketnoi に企業の登録がありました。次のリンクからアドレスを確認し、登録を完了してください（48時間有効）。お心当たりがない場合はこのメールを無視してください。確認されるまで何も作成されません。`, action: "登録を完了する" },
    ko: { subject: "Ketnoi 등록을 완료하려면 이메일을 확인하세요", body: `이 이메일 주소로 Ketnoi에 기업 등록이 요청되었습니다. 다음 링크로 주소를 확인하고 등록을 완료하세요(48시간 유효). 본인이 아니라면 이 메일을 무시하세요. 확인 전에는 아무것도 생성되지 않습니다.`, action: "등록 완료" },
    "zh-Hant": { subject: "確認電子郵件以完成 Ketnoi 註冊", body: `有人使用此電子郵件地址在 Ketnoi 註冊企業。請透過以下連結確認地址並完成註冊（48 小時內有效）。若非您本人，請忽略此郵件：未經確認不會建立任何資料。`, action: "完成註冊" },
  },
  registration_attempt: {
    vi: { subject: "Có người thử đăng ký bằng email của bạn trên Ketnoi", body: `Có người vừa thử đăng ký một doanh nghiệp mới trên Ketnoi bằng địa chỉ email này, vốn đã có tài khoản. Không có gì thay đổi. Nếu đó là bạn, hãy đăng nhập bằng tài khoản hiện có (hoặc đặt lại mật khẩu từ trang đăng nhập). Nếu không, bạn có thể bỏ qua email này.`, action: "Đăng nhập" },
    en: { subject: "Someone tried to register with your address on Ketnoi", body: `Someone tried to register a new firm on Ketnoi with this email address, which already has an account. Nothing was changed. If it was you, sign in with your account (you can also reset your password from the sign-in page). If it was not, you can ignore this email.`, action: "Sign in" },
    ja: { subject: "Ketnoi でお使いのメールアドレスによる登録の試みがありました", body: `既にアカウントのあるこのメールアドレスで、Ketnoi に新しい企業を登録しようとした人がいます。何も変更されていません。ご本人の場合は既存のアカウントでサインインしてください（サインインページからパスワードの再設定もできます）。お心当たりがない場合はこのメールを無視してください。`, action: "サインイン" },
    ko: { subject: "Ketnoi에서 회원님의 이메일로 등록 시도가 있었습니다", body: `이미 계정이 있는 이 이메일 주소로 누군가 Ketnoi에 새 기업을 등록하려고 했습니다. 변경된 내용은 없습니다. 본인이라면 기존 계정으로 로그인하세요(로그인 페이지에서 비밀번호를 재설정할 수도 있습니다). 본인이 아니라면 이 메일을 무시하셔도 됩니다.`, action: "로그인" },
    "zh-Hant": { subject: "有人嘗試以您的電子郵件在 Ketnoi 註冊", body: `有人嘗試以此電子郵件地址在 Ketnoi 註冊新企業，但此地址已有帳號。沒有任何變更。若是您本人，請以現有帳號登入（也可在登入頁面重設密碼）。若非您本人，可忽略此郵件。`, action: "登入" },
  },
  // An invitation likewise: the inviter is not told that the address has an account.
  invitation_existing_account: {
    vi: { subject: "Bạn được mời vào nhóm của một doanh nghiệp trên Ketnoi", body: `Có người vừa mời địa chỉ email này tham gia nhóm của một doanh nghiệp trên Ketnoi, nhưng địa chỉ này đã có tài khoản và mỗi tài khoản thuộc về một doanh nghiệp. Không có gì thay đổi. Hãy đăng nhập bằng tài khoản của bạn; nếu bạn cần tham gia doanh nghiệp kia, hãy đề nghị họ mời một địa chỉ email khác.`, action: "Đăng nhập" },
    en: { subject: "You were invited to a firm's team on Ketnoi", body: `Someone invited this email address to join a firm's team on Ketnoi, but the address already has an account, and an account belongs to one firm. Nothing was changed. Sign in with your account; if you are to join that firm, ask them to invite another address.`, action: "Sign in" },
    ja: { subject: "Ketnoi で企業のチームに招待されました", body: `このメールアドレスが Ketnoi で企業のチームに招待されましたが、このアドレスには既にアカウントがあり、アカウントは1社にのみ所属できます。何も変更されていません。お使いのアカウントでサインインしてください。招待した企業に参加する必要がある場合は、別のメールアドレスへの招待を依頼してください。`, action: "サインイン" },
    ko: { subject: "Ketnoi에서 기업 팀에 초대되었습니다", body: `이 이메일 주소가 Ketnoi에서 한 기업의 팀에 초대되었지만, 이 주소에는 이미 계정이 있으며 계정은 한 기업에만 속할 수 있습니다. 변경된 내용은 없습니다. 기존 계정으로 로그인하세요. 그 기업에 합류해야 한다면 다른 이메일 주소로 초대해 달라고 요청하세요.`, action: "로그인" },
    "zh-Hant": { subject: "您受邀加入 Ketnoi 上的企業團隊", body: `有人邀請此電子郵件地址加入 Ketnoi 上某企業的團隊，但此地址已有帳號，而每個帳號只屬於一家企業。沒有任何變更。請以您的帳號登入；若需加入該企業，請對方改邀請其他電子郵件地址。`, action: "登入" },
  },
};

/** Writes a templated account mail (verification, reset, invitation, approval) to the outbox. */
export async function enqueueMail(outbox: OutboxRepository, mail: { to: string; template: Template; locale: Locale; link: string; publicOrigin: string }) {
  const t = TEMPLATES[mail.template][mail.locale];
  const laidOut = layoutMail(mail.locale, { subject: t.subject, paragraphs: [t.body], action: { label: t.action, url: mail.link } }, mail.publicOrigin);
  await outbox.enqueue({ to: mail.to, template: mail.template, locale: mail.locale, ...laidOut });
}
