import { expressTrustProxy, parseTrustProxy, TRUST_LOOPBACK_GATEWAY } from "./trustProxy";

describe("TRUST_PROXY", () => {
  test("defaults to the gateway on loopback", () => {
    expect(parseTrustProxy(undefined)).toEqual(TRUST_LOOPBACK_GATEWAY);
    expect(parseTrustProxy("  ")).toEqual(TRUST_LOOPBACK_GATEWAY);
  });

  test("reads a hop count or the gateway's addresses, and names each bad entry", () => {
    expect(parseTrustProxy("1")).toEqual({ hops: 1 });
    expect(parseTrustProxy("0")).toEqual({ hops: 0 });
    expect(parseTrustProxy("10.0.3.7, 172.18.0.0/16,fd00::/8, uniquelocal")).toEqual({
      addresses: ["10.0.3.7", "172.18.0.0/16", "fd00::/8", "uniquelocal"],
    });
    const bad = parseTrustProxy("10.0.0.1, true, 10.0.0.0/33, 300.1.1.1, ::1/129");
    expect("problems" in bad && bad.problems).toEqual([
      expect.stringContaining('"true"'),
      expect.stringContaining('"10.0.0.0/33"'),
      expect.stringContaining('"300.1.1.1"'),
      expect.stringContaining('"::1/129"'),
    ]);
  });

  test("an address list trusts exactly one hop, and only from those addresses", () => {
    const trust = expressTrustProxy(TRUST_LOOPBACK_GATEWAY) as (addr: string, hop: number) => boolean;
    expect(trust("127.0.0.1", 0)).toBe(true);
    expect(trust("::ffff:127.0.0.1", 0)).toBe(true);
    expect(trust("::1", 0)).toBe(true);
    // A loopback address a client wrote into X-Forwarded-For is one hop further: not believed.
    expect(trust("127.0.0.1", 1)).toBe(false);
    expect(trust("10.0.0.5", 0)).toBe(false);
    expect(trust("not-an-ip", 0)).toBe(false);
    const docker = expressTrustProxy({ addresses: ["172.18.0.0/16"] }) as (addr: string, hop: number) => boolean;
    expect(docker("172.18.0.3", 0)).toBe(true);
    expect(docker("172.19.0.3", 0)).toBe(false);
    expect(expressTrustProxy({ hops: 2 })).toBe(2);
  });
});
