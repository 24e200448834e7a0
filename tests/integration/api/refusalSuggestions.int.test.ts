import mongoose from "mongoose";
import { AppError } from "../../../api/src/errors";
import { createMeetingContext } from "../../../api/src/composition";
import { requestMeeting } from "../../../api/src/commands/meetings/requestMeeting";
import { cancelMeeting } from "../../../api/src/commands/meetings/changeBooking";
import { fairSlots, type Slot } from "../../../api/src/domain/fairSlots";
import { FIXED_NOW, TEST_ORIGIN, useSeededApp } from "../../support/app";
import { buildUser } from "../../support/factories";
import { silentLogger } from "../../support/stack";

/**
 * The free slots a refusal suggests come from the agendas this process read lately, with its own new
 * meetings added: in a rush for one vendor, each of its bookings no longer makes the next refusals
 * read its agenda again (on FerretDB a scan of every meeting). What this process books is never
 * suggested; a meeting it cancels makes the agenda read again.
 */
describe("a refusal's suggested slots", () => {
  const t = useSeededApp("refusalSuggestions");

  test("leave out a slot this process just booked without reading the agenda again, and come back once that meeting is cancelled", async () => {
    const ctx = createMeetingContext(t.repos, silentLogger(), TEST_ORIGIN, { now: () => FIXED_NOW });
    const firms = await t.db.models.Company.find({ kind: "domestic", status: { $ne: "pending" } })
      .limit(3)
      .lean();
    const [vendor] = await t.db.models.Company.find({ kind: "foreign", status: { $ne: "pending" } })
      .limit(1)
      .lean();
    await t.db.models.Company.updateMany(
      { _id: { $in: [...firms, vendor!].map((c) => c._id) } },
      { $set: { listed: true, blockedSlots: [], participation: "onsite", languages: ["vi", "en"] } },
    );
    const fair = (await t.repos.fairs.findCurrent(FIXED_NOW))!;
    const [first, second] = fairSlots(fair).filter((s) => s.start > FIXED_NOW && s.day === fairSlots(fair).find((x) => x.start > FIXED_NOW)!.day);
    const users = await Promise.all(firms.map((f) => buildUser(t.repos, { companyId: f._id.toHexString() })));
    const book = (who: number, slot: Slot) =>
      requestMeeting(ctx, users[who]!, undefined, { with: vendor!._id.toHexString(), message: "", mode: "onsite", slot: slot.label });
    /** The slots a refused booking suggests, and how many reads of meetings it made. */
    const refused = async (who: number, slot: Slot) => {
      let reads = 0;
      mongoose.set("debug", (collection: string, method: string) => void (collection === "meetings" && method === "find" && reads++));
      try {
        const err = await book(who, slot).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).fields).toEqual({ slot: "recipientBusy" });
        return { suggested: (err as AppError).alternatives!.map((s) => s.start), reads };
      } finally {
        mongoose.set("debug", false);
      }
    };

    await book(0, first!);
    const before = await refused(1, first!); // reads the vendor's agenda (and the firm's)
    expect(before.suggested).toContain(second!.start.toISOString());
    expect(before.reads).toBeGreaterThan(0);

    const taken = await book(2, second!); // booked through this process
    const after = await refused(1, first!);
    expect(after.suggested).not.toContain(second!.start.toISOString());
    expect(after.reads).toBe(0);

    await cancelMeeting(ctx, users[2]!, taken.meeting.id, { note: "" });
    const freed = await refused(1, first!);
    expect(freed.suggested).toContain(second!.start.toISOString());
    expect(freed.reads).toBeGreaterThan(0);
  });
});
