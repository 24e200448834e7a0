import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, screenshot } from "../support/browser";
import { stack } from "../support/stack";
import { apiAs, demo, freshTaxCode } from "../support/journeys";
import { linkIn, waitForMail } from "../support/mailpit";

// A person acts on the mail the app delivered (over SMTP, to the test stack's Mailpit): the link in
// the verification, password-reset and invitation mails opens a page that does what the mail says.
describe("mailed links, followed from the delivered mail", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const suffix = Date.now().toString(36);
  const owner = { email: `owner-${suffix}@example.vn`, password: "a long enough passphrase" };
  const errors: string[] = [];
  const newPage = async () => {
    const ctx = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
    ctx.setDefaultTimeout(15_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    return page;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  test("a new firm's owner opens the link in the registration mail: the firm is created, the address confirmed, the owner signed in; the used link says so", async () => {
    const page = await newPage();
    await page.goto(`${stack.baseUrl()}/signup`);
    await page.getByLabel("Legal name").fill(`Cơ khí Thư ${suffix}`);
    await page.getByLabel("Tax code").fill(freshTaxCode());
    await page.getByLabel("District").fill("Long Biên");
    await page.getByLabel("Full name").fill("Lê Thư");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByLabel(/I agree to the terms of use/).check();
    await page.getByRole("button", { name: "Create account" }).click();
    // The same answer for every address: check your mail. Nothing is created yet.
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await page.getByText(`We sent a message to ${owner.email}.`, { exact: false }).waitFor();
    await screenshot(page, "signup-check-email");

    const mail = await waitForMail(owner.email, /^Confirm your address to finish registering on Ketnoi$/);
    expect(mail.Text).toContain("Notification and privacy settings:");
    const link = linkIn(mail, "/signup/confirm");
    expect(new URL(link).origin).toBe(new URL(stack.baseUrl()).origin);
    await page.goto(link);
    await page.waitForURL(/\/onboarding$/);
    await page.getByRole("heading").first().waitFor();
    const me = (await apiAs(page.context().request).then((a) => a.get("/auth/session"))).body;
    expect(me.user).toMatchObject({ email: owner.email, role: "domestic", emailVerified: true });
    expect(await page.getByTestId("verify-notice").count()).toBe(0);

    // The same link a second time: used. The page says so and offers to register again.
    await page.goto(link);
    await page.getByText("This link has expired or has already been used.").waitFor();
    await page.getByRole("link", { name: "Register again" }).waitFor();
  });

  test("registering again with that address answers the same; the owner's mail says someone tried, and the account is unchanged", async () => {
    const page = await newPage();
    await page.goto(`${stack.baseUrl()}/signup`);
    await page.getByLabel("Legal name").fill(`Cơ khí Thử Lại ${suffix}`);
    await page.getByLabel("Tax code").fill(freshTaxCode());
    await page.getByLabel("Full name").fill("Người Khác");
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill("someone else's passphrase");
    await page.getByLabel(/I agree to the terms of use/).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const note = await waitForMail(owner.email, /^Someone tried to register with your address on Ketnoi$/);
    expect(note.HTML).not.toContain("token=");
    linkIn(note, "/signin");
    await apiAs(page.context().request, owner.email, owner.password);
  });

  test("a person who forgot the password asks from the sign-in page, follows the mailed link, sets a new one and signs in with it", async () => {
    const page = await newPage();
    await page.goto(`${stack.baseUrl()}/signin`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(/\/forgot-password$/);
    // The route's chunk loads after the URL changes, and the sign-in page (with its own Email field)
    // stays on screen meanwhile: fill in the form once the new page is there.
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await page.getByLabel("Email").fill(owner.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByText(/If an account uses this address, a link to set a new password is on its way/).waitFor();

    const mail = await waitForMail(owner.email, /^Reset your Ketnoi password$/);
    const link = linkIn(mail, "/reset-password");
    await page.goto(link);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await page.getByLabel(/New password/).fill("short");
    await page.getByRole("button", { name: "Save the new password" }).click();
    expect(await page.getByLabel(/New password/).getAttribute("aria-invalid")).toBe("true");
    const newPassword = "another long passphrase";
    await page.getByLabel(/New password/).fill(newPassword);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText(/Your password is changed/).waitFor();

    await page.getByRole("link", { name: "Sign in" }).last().click();
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(".notice.error").waitFor(); // the old password no longer works
    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

    // The link is single-use.
    await page.goto(link);
    await page.getByLabel(/New password/).fill("yet another passphrase");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText("This link has expired or has already been used.").waitFor();
    await page.getByRole("link", { name: "Ask for a new link" }).waitFor();
  });

  test("a colleague invited by the vendor opens the invitation mail's link, creates the account and is signed in to the vendor's firm", async () => {
    const vendorPage = await newPage();
    const vendor = await apiAs(vendorPage.context().request, demo("vendor"));
    const colleague = `colleague-${suffix}@example.jp`;
    expect((await vendor.post("/invitations", { kind: "colleague", email: colleague, locale: "en" })).status).toBe(202);
    const vendorCompany = (await vendor.get("/auth/session")).body.user.companyId as string;

    const mail = await waitForMail(colleague, /^You are invited to Ketnoi$/);
    const page = await newPage();
    await page.goto(linkIn(mail, "/accept-invitation"));
    await page.getByRole("heading", { name: "Join your firm on Ketnoi" }).waitFor();
    await page.getByLabel("Full name").fill("Tanaka Yui");
    await page.getByLabel("Password").fill("a colleague's passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Your consent is needed to register.").waitFor();
    await page.getByLabel(/I agree to the terms of use/).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/recommendations$/);
    const me = (await apiAs(page.context().request).then((a) => a.get("/auth/session"))).body;
    expect(me.user).toMatchObject({ email: colleague, companyId: vendorCompany, emailVerified: true });
    expect(await page.getByTestId("verify-notice").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
