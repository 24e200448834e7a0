import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, Service } from "../support/processes";
import { buildTestApp } from "../support/app";
import { freshDatabase } from "../support/stack";
import { rateLimitOf } from "../support/rateLimit";

const NGINX = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createTcpServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * The local gateway (infra/nginx/local.conf.template, rendered as infra/stack.sh does) in front of
 * the api: it is the edge, so it sets X-Forwarded-For to the address it sees, and a client's own
 * X-Forwarded-For never reaches the api's limits per address.
 */
describe("the gateway sets X-Forwarded-For; a client cannot choose its address", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let upstream: Server;
  let gateway: Service;
  let base = "";
  const dir = mkdtempSync(join(tmpdir(), "ketnoi-gateway-"));

  beforeAll(async () => {
    db = await freshDatabase("gateway");
    const { app } = buildTestApp(db);
    // The api, and (at /echo under both proxied paths) what the gateway passed on.
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.endsWith("/echo"))
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ forwardedFor: req.headers["x-forwarded-for"] ?? null }));
      app(req as never, res as never);
    };
    upstream = createServer(handle);
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const api = (upstream.address() as { port: number }).port;
    const port = await freePort();
    mkdirSync(join(dir, "tmp"), { recursive: true });
    const conf = readFileSync(join(ROOT, "infra/nginx/local.conf.template"), "utf8")
      .replaceAll("@PORT@", String(port))
      .replaceAll("@API@", `127.0.0.1:${api}`)
      .replaceAll("@REALTIME@", `127.0.0.1:${api}`)
      .replaceAll("@VIDEO@", "ws://127.0.0.1:1")
      .replaceAll("@CLIENT_DIST@", dir)
      .replaceAll("@PREFIX@", dir);
    writeFileSync(join(dir, "nginx.conf"), conf);
    gateway = new Service(
      "gateway",
      port,
      NGINX,
      ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log"), "-g", "daemon off;"],
      process.env,
      join(dir, "gateway.log"),
    );
    await gateway.start(20_000);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => upstream?.close(resolve));
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("whatever a client writes in X-Forwarded-For, the api and realtime get only the address the gateway saw", async () => {
    for (const path of ["/api/echo", "/socket.io/echo"]) {
      const res = await fetch(`${base}${path}`, { headers: { "X-Forwarded-For": "198.51.100.7, 10.0.0.1" } });
      expect(await res.json()).toEqual({ forwardedFor: "127.0.0.1" });
    }
  });

  test("two sign-ins with different forged X-Forwarded-For values count against the same address", async () => {
    const login = (forged: string) =>
      fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": forged },
        body: JSON.stringify({ email: `nobody-${randomBytes(4).toString("hex")}@example.vn`, password: "not the password" }),
      });
    const headersOf = (res: Response) => ({
      headers: { ratelimit: res.headers.get("ratelimit") ?? undefined, "ratelimit-policy": res.headers.get("ratelimit-policy") ?? undefined },
    });
    const [first, second] = [await login("198.51.100.7"), await login("203.0.113.9")];
    expect([first.status, second.status]).toEqual([401, 401]);
    const [a, b] = [rateLimitOf(headersOf(first), "login-address"), rateLimitOf(headersOf(second), "login-address")];
    expect(b.partition).toBe(a.partition);
    expect(b.remaining).toBe(a.remaining - 1);
  });
});
