import { interpreterBridges, languageBridge } from "./languageBridge";

describe("language bridge", () => {
  test("sides sharing a spoken language need no interpreter, whatever the script subtag", () => {
    expect(languageBridge(["vi", "en"], ["ja", "en"])).toBeNull();
    expect(languageBridge(["zh"], ["zh-Hant", "en"])).toBeNull();
  });

  test("otherwise each side's first language, as spoken", () => {
    expect(languageBridge(["vi"], ["ja", "en"])).toEqual(["vi", "ja"]);
    expect(languageBridge(["vi"], ["zh-Hant"])).toEqual(["vi", "zh"]);
    expect(languageBridge([], ["ko"])).toEqual(["vi", "ko"]); // a firm without languages is taken to speak Vietnamese
  });

  test("an interpreter entered as zh bridges a zh-Hant side, and needs a language of each side", () => {
    expect(interpreterBridges(["vi", "zh"], ["vi"], ["zh-Hant", "en"])).toBe(true);
    expect(interpreterBridges(["vi", "zh-Hant"], ["vi"], ["zh"])).toBe(true);
    expect(interpreterBridges(["vi", "ja"], ["vi"], ["zh-Hant"])).toBe(false);
    expect(interpreterBridges(["ja", "en"], ["vi"], ["ja"])).toBe(false);
  });
});
