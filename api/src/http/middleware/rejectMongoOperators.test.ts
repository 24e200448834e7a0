import { findOperatorKey } from "./rejectMongoOperators";

describe("findOperatorKey", () => {
  test.each([
    [{ email: { $gt: "" } }, "email.$gt"],
    [{ $where: "sleep(1)" }, "$where"],
    [{ "profile.role": "organiser" }, "profile.role"],
    [{ list: [{ ok: 1 }, { nested: { $ne: 1 } }] }, "list.1.nested.$ne"],
    [{ "kind[$ne]": "x" }, "kind[$ne]"],
  ])("finds the operator in %j", (input, path) => expect(findOperatorKey(input)).toBe(path));

  test.each([[{ name: "Cơ khí $ giá rẻ", price: "1.5" }], [null], ["$gt"], [[1, 2]]])("passes plain input %j", (input) =>
    expect(findOperatorKey(input)).toBeNull(),
  );
});
