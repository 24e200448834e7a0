import { ConfigError, loadConfig } from "./env";

const valid = {
  MONGODB_URI: "mongodb://127.0.0.1:27017/ketnoi",
  LIVEKIT_URL: "http://127.0.0.1:7880",
  LIVEKIT_API_KEY: "key",
  LIVEKIT_API_SECRET: "s".repeat(32),
  REALTIME_SECRET: "r".repeat(32),
};

describe("loadConfig", () => {
  test("accepts a complete environment and applies defaults", () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ port: 3001, host: "127.0.0.1", publicOrigin: "http://localhost:8080", redisUrl: undefined, solverNice: 10 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  test("names every missing or bad variable at once", () => {
    try {
      loadConfig({ LIVEKIT_URL: "ftp://x", API_PORT: "99999", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "short", SOLVER_NICE: "20" });
      throw new Error("expected a ConfigError");
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join("\n");
      for (const name of ["MONGODB_URI", "LIVEKIT_URL", "API_PORT", "LIVEKIT_API_SECRET", "SOLVER_NICE"]) expect(text).toContain(name);
    }
  });

  test("TRUST_PROXY: the loopback gateway by default, a hop count or the gateway's addresses; a bad entry is named", () => {
    expect(loadConfig(valid).trustProxy).toEqual({ addresses: ["loopback"] });
    expect(loadConfig({ ...valid, TRUST_PROXY: "1" }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ ...valid, TRUST_PROXY: "172.18.0.0/16" }).trustProxy).toEqual({ addresses: ["172.18.0.0/16"] });
    expect(() => loadConfig({ ...valid, TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: "true" is not an IP address/);
  });

  test("never echoes a secret's value in its message", () => {
    expect(() => loadConfig({ ...valid, LIVEKIT_API_SECRET: "tooshort-secret" })).toThrow(ConfigError);
    try {
      loadConfig({ ...valid, LIVEKIT_API_SECRET: "tooshort-secret" });
    } catch (err) {
      expect((err as Error).message).not.toContain("tooshort-secret");
    }
  });
});
