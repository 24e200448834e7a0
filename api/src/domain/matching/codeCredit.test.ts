import { TAXONOMY } from "@ketnoi/contracts";
import { codeCredit, CREDIT } from "./codeCredit";

const { credit, related, lineage } = codeCredit(TAXONOMY.terms);

describe("partial credit through the taxonomy", () => {
  test.each([
    ["the same code", "tech.press.servo", "tech.press.servo", CREDIT.exact],
    ["a more specific offer for a general need", "tech.press", "tech.press.servo", CREDIT.exact],
    ["a more general offer for a specific need", "tech.press.servo", "tech.press", CREDIT.perLevelUp],
    ["siblings", "proc.cnc.milling3", "proc.cnc.milling5", CREDIT.related],
    ["unrelated codes", "tech.press.servo", "tech.robot", 0],
    ["a code outside the taxonomy, against itself", "tech.future", "tech.future", CREDIT.exact],
  ])("%s", (_name, wanted, have, expected) => expect(credit(wanted, have)).toBe(expected));

  test("related codes are exactly those earning credit, both ways", () => {
    expect([...related("proc.cnc.milling3")].sort()).toEqual(["proc.cnc", "proc.cnc.milling3", "proc.cnc.milling5", "proc.cnc.turning"]);
    for (const t of TAXONOMY.terms) for (const r of related(t.code)) expect(credit(r, t.code)).toBeGreaterThan(0);
  });

  test("lineage runs from the code up to its root", () => {
    expect(lineage("proc.diecasting.aluminium")).toEqual(["proc.diecasting.aluminium", "proc.diecasting"]);
  });
});
