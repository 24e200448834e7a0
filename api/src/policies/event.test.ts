import type { UserRecord } from "../repositories/userRepository";
import { eventPolicy } from "./event";

const user = (role: UserRecord["role"], id: string, eventScopes?: string[]): UserRecord => ({
  id,
  email: `${id}@example.vn`,
  name: id,
  role,
  locale: "vi",
  timeZone: "Asia/Ho_Chi_Minh",
  consents: [],
  ...(eventScopes ? { eventScopes } : {}),
});

describe("eventPolicy", () => {
  const department = user("organiser", "dept");
  const emptyList = user("organiser", "empty", []);
  const desk = user("organiser", "desk", ["delegation"]);
  const firm = user("domestic", "firm");

  test("an organiser with no events, or an empty list, organises every event and the programme", () => {
    for (const u of [department, emptyList]) {
      expect([eventPolicy.canOrganise(u, { id: "fair" }), eventPolicy.canOrganiseProgramme(u), eventPolicy.isScoped(u)]).toEqual([true, true, false]);
    }
  });

  test("a scoped organiser organises their events only, and not the programme", () => {
    expect([eventPolicy.canOrganise(desk, { id: "delegation" }), eventPolicy.canOrganise(desk, { id: "fair" })]).toEqual([true, false]);
    expect(eventPolicy.canOrganiseProgramme(desk)).toBe(false);
  });

  test("firms organise nothing; scopes are set by the whole programme's organisers, for other organisers", () => {
    expect([eventPolicy.canOrganise(firm, { id: "fair" }), eventPolicy.canOrganiseProgramme(firm)]).toEqual([false, false]);
    expect(eventPolicy.canSetScopes(department, desk)).toBe(true);
    expect(eventPolicy.canSetScopes(department, department)).toBe(false);
    expect(eventPolicy.canSetScopes(department, firm)).toBe(false);
    expect(eventPolicy.canSetScopes(desk, department)).toBe(false);
  });
});
