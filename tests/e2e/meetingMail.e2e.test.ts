import { ApiClient, expectStatus } from "../support/httpClient";
import { stack } from "../support/stack";
import { freshTaxCode } from "../support/journeys";
import { partText, rawMail, waitForMail, type DeliveredMail } from "../support/mailpit";
import { registrationLink, registrationToken } from "../support/registrationMail";

/** The calendar part of a delivered mail, unfolded (RFC 5545 lines may wrap). */
async function calendarOf(mail: DeliveredMail) {
  const part = [...mail.Attachments, ...mail.Inline].find(
    (a) => a.FileName.endsWith(".ics") || a.ContentType.startsWith("text/calendar") || a.ContentType === "application/ics",
  );
  if (!part) throw new Error(`"${mail.Subject}" carries no calendar`);
  const text = (await partText(mail, part.PartID)).replace(/\r?\n[ \t]/g, "");
  const field = (name: string) => text.match(new RegExp(`^${name}[:;](.*)$`, "m"))?.[1]?.replace(/^.*:/, "") ?? "";
  return { text, method: field("METHOD"), uid: field("UID"), sequence: Number(field("SEQUENCE")), start: field("DTSTART") };
}
const icsTime = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

// The api of the end-to-end stack sends over SMTP to the test stack's Mailpit: the mails a firm's
// owner gets when a vendor answers its request, moves and cancels the meeting carry iTIP calendar
// messages (REQUEST, REQUEST, CANCEL) with the feed's UID and a growing SEQUENCE.
describe("meeting mails carry the calendar invitation", () => {
  test("booked, moved and cancelled: the owner's mails add, move and remove one event", async () => {
    const base = stack.baseUrl();
    const suffix = Date.now().toString(36);
    const email = `ics-${suffix}@example.vn`;
    const register = await new ApiClient(base, base, "en").post("/api/auth/register", {
      email,
      password: "a long enough passphrase",
      name: "Đỗ Lịch",
      role: "domestic",
      locale: "en",
      timeZone: "Asia/Ho_Chi_Minh",
      company: { legalName: `Cơ khí Lịch ${suffix}`, taxCode: freshTaxCode(), country: "VN", district: "Cầu Giấy" },
      consents: { personalData: true, profileSharing: true, marketing: false },
    });
    expectStatus(register, 202, "register");
    const token = registrationToken(await registrationLink(email));
    expectStatus(await new ApiClient(base, base, "en").post("/api/auth/register/confirm", { token }), 201, "confirm the registration");
    const owner = await new ApiClient(base, base, "en").signIn(email, "a long enough passphrase");
    const organiser = await new ApiClient(base, base, "en").signIn("organiser@ketnoi.demo", "ketnoi-demo-2026");
    expectStatus(await organiser.post(`/api/companies/${owner.companyId}/approve`, {}), 204, "approve");
    // A language in common with the Japanese vendor: no interpreter is needed (they may all be booked).
    expectStatus(await owner.call("PATCH", `/api/companies/${owner.companyId}`, { languages: ["vi", "ja"] }), 200, "languages");
    const vendor = await new ApiClient(base, base, "en").signIn("vendor@ketnoi.demo", "ketnoi-demo-2026");

    const request = expectStatus(
      await owner.post("/api/meetings", { with: vendor.companyId, message: "Servo presses", mode: "either" }),
      201,
      "request",
    ).body as { id: string };
    const slots = expectStatus(await vendor.get(`/api/meetings/slots?with=${owner.companyId}`), 200, "slots").body as { id: string; start: string }[];
    // Other tests book the demo vendor at the same time: accept in the first slot still free, move to a later one.
    let answer = await vendor.post(`/api/meetings/${request.id}/accept`, { slot: slots[0]!.id });
    let used = 0;
    while (answer.status === 409 && used < slots.length - 2)
      answer = await vendor.post(`/api/meetings/${request.id}/accept`, { slot: slots[++used]!.id });
    const booked = expectStatus(answer, 200, "accept").body as { id: string; slot: { start: string } };

    const invite = await calendarOf(await waitForMail(email, /^Meeting with .* confirmed$/));
    expect(invite).toMatchObject({ method: "REQUEST", uid: `meeting-${booked.id}@ketnoi`, sequence: 0, start: icsTime(booked.slot.start) });
    expect(invite.text).toMatch(/^ORGANIZER;CN="?Ketnoi"?:mailto:no-reply@/m);
    expect(invite.text).toMatch(new RegExp(`^ATTENDEE;.*:MAILTO:${email.replace(/[.]/g, "\\.")}$`, "im"));
    // The same UID and SEQUENCE as the owner's calendar feed: calendar apps see one event.
    const feed = await owner.get("/api/me/agenda.ics");
    expect(String(feed.body)).toContain(`UID:meeting-${booked.id}@ketnoi`);
    const raw = await rawMail(await waitForMail(email, /^Meeting with .* confirmed$/));
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);

    let move = await vendor.post(`/api/meetings/${booked.id}/reschedule`, { slot: slots[++used]!.id });
    while (move.status === 409 && used < slots.length - 1)
      move = await vendor.post(`/api/meetings/${booked.id}/reschedule`, { slot: slots[++used]!.id });
    const moved = expectStatus(move, 200, "move").body as { slot: { start: string } };
    const update = await calendarOf(await waitForMail(email, /^Meeting with .* moved$/));
    expect(update).toMatchObject({ method: "REQUEST", uid: invite.uid, sequence: 1, start: icsTime(moved.slot.start) });

    expectStatus(await vendor.post(`/api/meetings/${booked.id}/cancel`, { note: "" }), 200, "cancel");
    const cancel = await calendarOf(await waitForMail(email, /^Meeting with .* cancelled$/));
    expect(cancel).toMatchObject({ method: "CANCEL", uid: invite.uid, sequence: 2 });
    expect(cancel.text).toContain("STATUS:CANCELLED");
  });
});
