import { canShareScreen } from "./screenShare";

// Issue #18: phones were offered a screen share they cannot do.
describe("offering screen sharing", () => {
  const desktop = {
    getDisplayMedia: () => undefined,
    coarsePointer: false,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36",
  };

  test("a desktop browser that can capture a screen is offered it", () => {
    expect(canShareScreen(desktop)).toBe(true);
  });

  test("not where getDisplayMedia is missing", () => {
    expect(canShareScreen({ ...desktop, getDisplayMedia: undefined })).toBe(false);
  });

  test("not on a touch screen or a phone, even where the browser has getDisplayMedia", () => {
    expect(canShareScreen({ ...desktop, coarsePointer: true })).toBe(false);
    expect(
      canShareScreen({ ...desktop, userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36" }),
    ).toBe(false);
    expect(
      canShareScreen({ ...desktop, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148" }),
    ).toBe(false);
  });
});
