import { OBJECT_ID_HEX, ObjectIdSchema, isObjectId } from "./objectId";

describe("database ids", () => {
  test("24 lower-case hex digits, nothing around them", () => {
    expect(isObjectId("0123456789abcdef01234567")).toBe(true);
    const bad = ["0123456789ABCDEF01234567", "0123456789abcdef0123456", "0123456789abcdef012345678", " 0123456789abcdef01234567", "x".repeat(24), ""];
    for (const id of bad) {
      expect(isObjectId(id)).toBe(false);
      expect(ObjectIdSchema.safeParse(id).success).toBe(false);
    }
    expect(ObjectIdSchema.parse("0123456789abcdef01234567")).toBe("0123456789abcdef01234567");
  });
  test("the fragment embeds in larger patterns", () => {
    const room = new RegExp(`^booth:${OBJECT_ID_HEX}$`);
    expect(room.test("booth:0123456789abcdef01234567")).toBe(true);
    expect(room.test("booth:0123456789abcdef0123456")).toBe(false);
  });
});
