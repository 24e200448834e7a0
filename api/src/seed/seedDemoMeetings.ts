import { pino } from "pino";
import { AppError } from "../errors";
import type { Repositories } from "../repositories";
import { createMeetingContext } from "../composition";
import { requestMeeting, type RequestMeetingInput } from "../commands/meetings/requestMeeting";

/**
 * Meetings for the demo logins, so their agenda and inbox are not empty: the Hanoi firm has booked
 * meetings with Japanese and Korean vendors (onsite, online, and one with a Korean buyer through the
 * demo interpreter) and open
 * requests, one of them to the demo Japanese vendor, whose inbox so has one to answer. Idempotent:
 * a pair that already meets is skipped (one live meeting per pair).
 */
export async function seedDemoMeetings(repos: Repositories, now = () => new Date()) {
  const ctx = createMeetingContext(repos, pino({ level: "silent" }), "http://localhost:8080", { now });
  const domesticUser = await repos.users.findByEmail("domestic@ketnoi.demo");
  const vendorUser = await repos.users.findByEmail("vendor@ketnoi.demo");
  if (!domesticUser?.companyId || !vendorUser?.companyId) return 0;
  const companies = (await repos.companies.listAll()).filter((c) => c.status !== "pending" && c.listed);
  const foreign = (country: string, n: number) =>
    companies.filter((c) => c.kind === "foreign" && c.country === country && c.id !== vendorUser.companyId).slice(0, n);

  let created = 0;
  const attempt = async (user: NonNullable<typeof domesticUser>, input: RequestMeetingInput) => {
    try {
      await requestMeeting(ctx, user, undefined, input);
      created++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err; // already meeting, or the slot is taken: the demo has it
    }
  };
  const [jp1, jp2] = foreign("JP", 2);
  const [kr1] = foreign("KR", 1);
  const [tw1] = foreign("TW", 1);
  if (jp1) await attempt(domesticUser, { with: jp1.id, message: "Chúng tôi cần máy dập servo 200 tấn.", mode: "onsite", slot: "d1s03" });
  if (kr1) await attempt(domesticUser, { with: kr1.id, message: "Khuôn đúc nhôm cho linh kiện ô tô.", mode: "online", slot: "d1s10" });
  if (jp2) await attempt(domesticUser, { with: jp2.id, message: "Tìm hiểu công nghệ gia công CNC 5 trục.", mode: "either" });
  if (tw1) await attempt(domesticUser, { with: tw1.id, message: "", mode: "either", dayPart: "afternoon" });
  // A Korean buyer who speaks only Korean: the meeting needs an interpreter, the demo interpreter.
  const own = companies.find((c) => c.id === domesticUser.companyId);
  const koreanOnly = companies.find(
    (c) =>
      c.kind === "foreign" &&
      c.participation === "onsite" &&
      c.languages.length > 0 &&
      c.languages.every((l) => l === "ko") &&
      !own?.languages.includes("ko"),
  );
  const interpreterUser = await repos.users.findByEmail("interpreter@ketnoi.demo");
  const demoInterpreter = interpreterUser ? await repos.interpreters.findByUserId(interpreterUser.id) : null;
  if (koreanOnly && demoInterpreter)
    await attempt(domesticUser, {
      with: koreanOnly.id,
      message: "Linh kiện dập cho dây chuyền lắp ráp.",
      mode: "onsite",
      slot: "d2s03",
      preferInterpreter: demoInterpreter.id,
    });
  await attempt(domesticUser, { with: vendorUser.companyId, message: "Xin gặp để trao đổi về máy ép servo.", mode: "either" });
  return created;
}
