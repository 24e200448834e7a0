import { BlockList, isIP } from "node:net";

/**
 * Whom the api believes about a client's address (X-Forwarded-For, X-Forwarded-Proto). Rate limits
 * per address count by it, so believing too much lets anyone choose their address: trust exactly
 * the gateway in front of the api, one hop.
 * - `{ addresses }`: the one hop in front, when it connects from one of these (IPs, CIDRs, or the
 *   presets loopback, linklocal, uniquelocal). The client is the last X-Forwarded-For entry, the one
 *   the gateway wrote; whatever a client sent before it is ignored.
 * - `{ hops }`: that many proxies in front, whoever they are (0: the socket's own address), for a
 *   deployment where the api's port is reachable only through them.
 */
export type TrustProxy = Readonly<{ addresses: readonly string[] } | { hops: number }>;

/** The default: the gateway on this machine (nginx on loopback, as `npm start` runs it). */
export const TRUST_LOOPBACK_GATEWAY: TrustProxy = Object.freeze({ addresses: Object.freeze(["loopback"]) });

const PRESETS: Record<string, [string, number, "ipv4" | "ipv6"][]> = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  linklocal: [
    ["169.254.0.0", 16, "ipv4"],
    ["fe80::", 10, "ipv6"],
  ],
  uniquelocal: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["fc00::", 7, "ipv6"],
  ],
};

const family = (ip: string) => (isIP(ip) === 6 ? "ipv6" : "ipv4");

/** One entry of TRUST_PROXY as a subnet, or why it is not one. */
function subnetOf(entry: string): [string, number, "ipv4" | "ipv6"][] | string {
  if (PRESETS[entry]) return PRESETS[entry];
  const [ip = "", prefix, extra] = entry.split("/");
  if (extra !== undefined || !isIP(ip)) return `"${entry}" is not an IP address, a CIDR range or one of ${Object.keys(PRESETS).join(", ")}`;
  const max = isIP(ip) === 6 ? 128 : 32;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= max)) return `"${entry}" has a prefix length outside 0-${max}`;
  return [[ip, bits, family(ip)]];
}

/**
 * Reads TRUST_PROXY: a number of hops (0 or more), or a comma-separated list of the gateway's
 * addresses. Returns the setting or the problems with it.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | { problems: string[] } {
  const text = (value ?? "").trim();
  if (!text) return TRUST_LOOPBACK_GATEWAY;
  if (/^\d+$/.test(text)) return Object.freeze({ hops: Number(text) });
  const entries = text
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const problems = entries.map(subnetOf).filter((s): s is string => typeof s === "string");
  return problems.length ? { problems } : Object.freeze({ addresses: Object.freeze(entries) });
}

/** IPv4 clients of a socket listening on IPv6 appear as ::ffff:a.b.c.d. */
const unmapped = (addr: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(addr) ? addr.slice(7) : addr);

/** The setting as Express's `trust proxy` takes it: a hop count, or a function of (address, hop). */
export function expressTrustProxy(trust: TrustProxy): number | ((addr: string, hop: number) => boolean) {
  if ("hops" in trust) return trust.hops;
  const gateway = new BlockList();
  for (const entry of trust.addresses) {
    for (const [ip, bits, fam] of subnetOf(entry) as [string, number, "ipv4" | "ipv6"][]) gateway.addSubnet(ip, bits, fam);
  }
  // Only hop 0 (the socket's peer): the gateway is believed, nothing a client put before it.
  return (addr, hop) => {
    const ip = unmapped(addr);
    return hop === 0 && isIP(ip) !== 0 && gateway.check(ip, family(ip));
  };
}
