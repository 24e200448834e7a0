/** @jest-environment jsdom */
import "../lib/testing/jsdom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { isValidTaxCode, RegisterBodySchema } from "@ketnoi/contracts";
import { answerFetch, renderWithApp, startI18n } from "../lib/testing/render";
import { viewerTimeZone } from "../lib/time";
import SignUp from "./SignUp";

/** The first ten-digit tax code from `from` up with a valid check digit. */
const taxCode = (from: number) => {
  for (let n = from; ; n++) if (isValidTaxCode(String(n).padStart(10, "0"))) return String(n).padStart(10, "0");
};
const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string | RegExp, value: string) => fireEvent.change(field(label), { target: { value } });
const submit = (name = "Create account") => act(() => fireEvent.click(screen.getByRole("button", { name })));
/** The message shown under a labelled control (Field's `.field-error`), or null. */
const messageFor = (label: string) => field(label).closest(".field")!.querySelector(".field-error")?.textContent ?? null;

function fillDomesticFirm(tax = taxCode(100109100)) {
  type("Legal name", "Công ty Cơ khí Thử");
  type("Tax code", tax);
  type("District", "Đông Anh");
  type("Full name", "Nguyễn Thử");
  type("Email", "Owner@Example.vn");
  type("Password", "a long enough passphrase");
  fireEvent.click(field(/I agree to the terms of use/));
  return tax;
}

beforeEach(() => startI18n("en"));

describe("registering a firm", () => {
  test("a domestic firm: the body sent is the contract's (Vietnam, Hanoi's zone, the reader's language, no empty English name)", async () => {
    const api = answerFetch({ status: 202 });
    renderWithApp(<SignUp />);
    const tax = fillDomesticFirm();
    submit();
    await screen.findByRole("heading", { name: "Check your email" });
    expect(screen.getByRole("status").textContent).toMatch(/^We sent a message to Owner@Example\.vn\./);

    expect(api.sent.map((s) => `${s.method} ${s.url}`)).toEqual(["POST /api/auth/register"]);
    const body = api.sent[0]!.body;
    expect(body).toEqual({
      email: "owner@example.vn",
      password: "a long enough passphrase",
      name: "Nguyễn Thử",
      role: "domestic",
      locale: "en",
      timeZone: "Asia/Ho_Chi_Minh",
      company: { legalName: "Công ty Cơ khí Thử", taxCode: tax, district: "Đông Anh", country: "VN" },
      consents: { personalData: true, profileSharing: true, marketing: false },
    });
    expect(RegisterBodySchema.parse(body)).toEqual(body);
  });

  test("a foreign vendor: its country chosen, no tax code or district sent, the viewer's own zone", async () => {
    const api = answerFetch({ status: 202 });
    renderWithApp(<SignUp />);
    fireEvent.click(field("Foreign firm (technology vendor, buyer)"));
    expect(screen.queryByLabelText("Tax code")).toBeNull();
    type("Legal name", "Kansai Seiki K.K.");
    type("English name (optional)", "Kansai Precision");
    fireEvent.change(field("Country"), { target: { value: "KR" } });
    type("Full name", "Tanaka Yui");
    type("Email", "yui@kansai.example.jp");
    type("Password", "a long enough passphrase");
    fireEvent.click(field(/I agree to the terms of use/));
    fireEvent.click(field("Send me news about future events."));
    submit();
    await screen.findByRole("heading", { name: "Check your email" });
    expect(api.sent[0]!.body).toMatchObject({
      role: "vendor",
      timeZone: viewerTimeZone(),
      company: { legalName: "Kansai Seiki K.K.", englishName: "Kansai Precision", country: "KR" },
      consents: { personalData: true, profileSharing: true, marketing: true },
    });
    expect(Object.keys((api.sent[0]!.body as { company: object }).company).sort()).toEqual(["country", "englishName", "legalName"]);
  });

  test("as typed, a short password is refused in the reader's language (Vietnamese); without the required consent nothing is sent", async () => {
    await startI18n("vi");
    const api = answerFetch();
    renderWithApp(<SignUp />);
    type("Mật khẩu", "short");
    // zod's own Vietnamese, as the api would answer it.
    await waitFor(() => expect(messageFor("Mật khẩu")).toBe("Quá nhỏ: mong đợi string có >=10 ký tự"));
    expect(field("Mật khẩu").getAttribute("aria-invalid")).toBe("true");
    type("Mã số thuế", "0100109100"); // a wrong check digit: the contract's own rule
    await waitFor(() => expect(messageFor("Mã số thuế")).toBe("invalid Vietnamese tax code"));
    fillDomesticFirmVi(); // everything but the consent
    submit("Tạo tài khoản");
    await screen.findByText("Cần đồng ý để đăng ký.");
    expect(api.sent).toHaveLength(0);
  });

  test("the api's field messages land on their fields (the body's paths: company.taxCode, email) and the summary says why", async () => {
    answerFetch({
      status: 400,
      body: {
        error: {
          code: "validation_failed",
          message: "Some fields are not valid.",
          fields: { "company.taxCode": "This tax code is registered already.", email: "Use a work address." },
        },
      },
    });
    renderWithApp(<SignUp />);
    fillDomesticFirm();
    submit();
    await waitFor(() => expect(messageFor("Tax code")).toBe("This tax code is registered already."));
    expect(messageFor("Email")).toBe("Use a work address.");
    expect(field("Tax code").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toContain("Some fields are not valid.");
    expect(screen.queryByRole("heading", { name: "Check your email" })).toBeNull();
    // Typing a new one replaces the api's word with the form's own check.
    type("Tax code", taxCode(100109200));
    await waitFor(() => expect(messageFor("Tax code")).toBeNull());
  });
});

function fillDomesticFirmVi() {
  type("Tên pháp lý", "Công ty Cơ khí Thử");
  type("Mã số thuế", taxCode(100109100));
  type("Họ và tên", "Nguyễn Thử");
  type("Email", "owner@example.vn");
  type("Mật khẩu", "a long enough passphrase");
}
