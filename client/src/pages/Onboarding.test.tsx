/** @jest-environment jsdom */
import "../lib/testing/jsdom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { CompanyProfileUpdateSchema } from "@ketnoi/contracts";
import { answerFetch, renderWithApp, startI18n } from "../lib/testing/render";
import { termLabel, termsOf } from "../lib/labels";
import { Wizard } from "./Onboarding";

const [p1, p2, p3] = termsOf("process").map((t) => t.code);
const [c1, c2] = termsOf("certification").map((t) => t.code);
const tech = termsOf("technology")[0]!.code;
const sector = termsOf("sector")[0]!.code;
const company = {
  id: "c1",
  kind: "domestic" as const,
  legalName: "Cơ khí Đông Anh",
  participation: "onsite" as const,
  sectors: [sector],
  processes: [{ code: p1! }, { code: p2! }],
  certifications: [{ code: c1! }],
  needs: [],
  offers: [],
  languages: ["vi"],
  description: { vi: "Gia công cơ khí chính xác." },
};
const label = (code: string) => termLabel(code, "en");
const tick = (name: string) => fireEvent.click(screen.getByLabelText(name, { exact: true }));
const next = () => fireEvent.click(screen.getByRole("button", { name: "Next" }));
const messageFor = (name: string) => screen.getByLabelText(name).closest(".field")!.querySelector(".field-error")?.textContent ?? null;

beforeEach(() => startI18n("en"));

describe("the profile wizard's lists", () => {
  test("processes and certifications ticked on and off (useFieldArray) are the body's items; buyers are sought for the processes kept", async () => {
    const api = answerFetch({ status: 200, body: {} });
    renderWithApp(<Wizard company={company} />);
    fireEvent.change(screen.getByLabelText("Employees"), { target: { value: "120" } });
    next();
    tick(label(p1!)); // off
    tick(label(p3!)); // on
    next();
    tick(label(c1!)); // off
    tick(label(c2!)); // on
    next();
    tick(label(tech));
    tick("Find buyers for our capabilities");
    next();
    expect(screen.getByText(`${label(p2!)}, ${label(p3!)}`)).toBeTruthy();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Save the profile" })));
    expect((await screen.findByRole("status")).textContent).toMatch(/^Profile saved\./);

    expect(api.sent.map((s) => `${s.method} ${s.url}`)).toEqual(["PATCH /api/companies/c1"]);
    const body = api.sent[0]!.body;
    expect(body).toEqual({
      sectors: [sector],
      participation: "onsite",
      languages: ["vi"],
      employees: 120,
      certifications: [{ code: c2 }],
      processes: [
        { code: p2, materials: [] },
        { code: p3, materials: [] },
      ],
      needs: [
        { kind: "technology", codes: [tech], priority: 2 },
        { kind: "buyer", codes: [p2, p3], priority: 2 },
      ],
    });
    expect(CompanyProfileUpdateSchema.parse(body)).toEqual(body);
  });

  test("the api's message for a field lands on it, kept while the wizard moves between steps", async () => {
    const api = answerFetch({
      status: 400,
      body: {
        error: { code: "validation_failed", message: "Some fields are not valid.", fields: { employees: "More than the firm's registration says." } },
      },
    });
    renderWithApp(<Wizard company={company} />);
    for (let i = 0; i < 4; i++) next();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Save the profile" })));
    await screen.findByRole("alert");
    expect(api.sent).toHaveLength(1);
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(messageFor("Employees")).toBe("More than the firm's registration says.");
    expect(screen.getByLabelText("Employees").getAttribute("aria-invalid")).toBe("true");
  });

  test("a head count below one is refused as it is typed, in the reader's language (Japanese), and saving sends nothing", async () => {
    await startI18n("ja");
    const api = answerFetch();
    renderWithApp(<Wizard company={company} />);
    fireEvent.change(screen.getByLabelText("従業員数"), { target: { value: "-3" } });
    await waitFor(() => expect(messageFor("従業員数")).toMatch(/^小さすぎる値/));
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole("button", { name: "次へ" }));
    act(() => fireEvent.click(screen.getByRole("button", { name: "プロフィールを保存" })));
    await act(async () => {});
    expect(api.sent).toHaveLength(0);
  });
});
