import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { stack } from "../support/stack";

// Every socket of every process of the running test stack (FerretDB, LiveKit, Redis, api, realtime,
// nginx) is bound to loopback and talks only to loopback: nothing leaves 127.0.0.1.

function descendants(pid: number, seen = new Set<number>()): Set<number> {
  if (seen.has(pid)) return seen;
  seen.add(pid);
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const child of children ? children.split(" ") : []) descendants(Number(child), seen);
    }
  } catch {
    // the process ended meanwhile
  }
  return seen;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const target = (() => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return "";
        }
      })();
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m) inodes.add(m[1]!);
    }
  } catch {
    // the process ended meanwhile
  }
  return inodes;
}

/** "0100007F:1F90" (little-endian IPv4) or a 32-hex IPv6 address -> whether it is loopback/unspecified. */
function isLocal(hexAddress: string): { loopback: boolean; unspecified: boolean } {
  const [ip] = hexAddress.split(":");
  if (ip!.length === 8) {
    const firstOctet = parseInt(ip!.slice(6, 8), 16);
    return { loopback: firstOctet === 127, unspecified: /^0+$/.test(ip!) };
  }
  const v6 = ip!.toUpperCase();
  return {
    loopback:
      v6 === "00000000000000000000000001000000" ||
      /^0000000000000000FFFF00000[0-9A-F]{2}00007F$/.test(v6) ||
      /^0000000000000000FFFF0000[0-9A-F]{6}7F$/.test(v6),
    unspecified: /^0+$/.test(v6),
  };
}

describe("network isolation", () => {
  test("the stack's processes bind and connect on loopback only", () => {
    const pids = new Set<number>();
    for (const pid of stack.pids()) for (const p of descendants(pid)) pids.add(p);
    const inodes = new Set<string>();
    for (const pid of pids) for (const inode of socketInodes(pid)) inodes.add(inode);
    expect(pids.size).toBeGreaterThanOrEqual(6);

    const offending: string[] = [];
    let checked = 0;
    for (const table of ["tcp", "tcp6", "udp", "udp6"]) {
      const rows = readFileSync(`/proc/net/${table}`, "utf8").trim().split("\n").slice(1);
      for (const row of rows) {
        const cols = row.trim().split(/\s+/);
        const [local, remote, inode] = [cols[1]!, cols[2]!, cols[9]!];
        if (!inodes.has(inode)) continue;
        checked++;
        const l = isLocal(local);
        const r = isLocal(remote);
        if (!l.loopback) offending.push(`${table} bound to ${local}`);
        if (!r.loopback && !r.unspecified) offending.push(`${table} ${local} -> ${remote}`);
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(offending).toEqual([]);
  });
});
