import type { Request, RequestHandler, Response, Router } from "express";
import type { z, ZodType } from "zod";
import type { OpenAPIRegistry, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { ErrorBodySchema, errorMapFor, type Locale, type UserRole } from "@ketnoi/contracts";
import { AppError } from "../errors";
import type { AuthContext } from "../auth/context";
import { validationFailed } from "../errors";
import { requestEvent, requestLocale } from "./context";
import type { PreparedJson } from "./preparedJson";

type Schema = ZodType | undefined;
type Out<S extends Schema> = S extends ZodType ? z.output<S> : undefined;

export interface EndpointInput<P extends Schema, Q extends Schema, B extends Schema> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  req: Request;
  res: Response;
  locale: Locale;
  /** The event the page acts in, when it names one (see requestEvent). */
  event: string | undefined;
  /** Set whenever access is not "public" (and for public endpoints when signed in). */
  auth: AuthContext | undefined;
}

/** Who may call an endpoint at all; finer checks (whose company?) are policies in the command. */
export type Access = "public" | "signedIn" | readonly UserRole[];

/** One endpoint: its schemas (validation and OpenAPI alike), who may call it, and its handler. */
export interface Endpoint<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Express path below /api, e.g. "/fairs/:slug". */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  request?: { params?: P; query?: Q; body?: B };
  responses: Record<number, { description: string; schema?: ZodType }>;
  /** Extra middleware run after the access check and before validation (rate limits). */
  before?: RequestHandler[];
  handler: (input: EndpointInput<P, Q, B>) => Promise<{
    status?: number;
    body?: unknown;
    csv?: { filename: string; text: string };
    /** A JSON answer already serialized (see preparedJson.ts), sent as `body` would be. */
    json?: PreparedJson;
    /** Another media type (a calendar, an image): sent as is, with no caching by shared caches. */
    raw?: { contentType: string; data: string | Buffer; filename?: string };
  }>;
}

export function defineEndpoint<P extends Schema, Q extends Schema, B extends Schema>(e: Endpoint<P, Q, B>) {
  return e as unknown as Endpoint;
}

/**
 * Validates one part of the request; on failure records a message per field (named by its path,
 * the part's own name for the part as a whole) and reports the failure, whatever the field names.
 */
function parsePart(schema: ZodType | undefined, value: unknown, part: string, locale: Locale, fields: Record<string, string>) {
  if (!schema) return { ok: true, data: undefined };
  const result = schema.safeParse(value, { error: errorMapFor(locale) });
  if (result.success) return { ok: true, data: result.data };
  for (const issue of result.error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) {
      const name = path.map(String).join(".") || part;
      if (!Object.hasOwn(fields, name)) fields[name] = issue.message;
    }
  }
  return { ok: false, data: undefined };
}

/** Where successful changes made by organisers are recorded (the audit trail). */
export type AuditSink = (entry: {
  actorUserId: string;
  actorEmail: string;
  action: string;
  target: Record<string, string>;
  fields: string[];
  status: number;
  requestId?: string;
}) => Promise<void>;

/**
 * Mounts endpoints on a router and registers each in the OpenAPI registry. Every change an organiser
 * makes successfully (any method but GET) goes to the audit sink: one place, so no command can forget.
 */
export function mountEndpoints(router: Router, registry: OpenAPIRegistry, endpoints: Endpoint[], audit?: AuditSink) {
  for (const e of endpoints) {
    const access: RequestHandler = (req, _res, next) => {
      try {
        checkAccess(e.access, req.auth);
        next();
      } catch (err) {
        next(err);
      }
    };
    router[e.method](e.path, access, ...(e.before ?? []), async (req, res, next) => {
      try {
        const locale = requestLocale(req);
        const event = requestEvent(req);
        // No prototype: a field named "constructor" or "__proto__" is just a field.
        const fields: Record<string, string> = Object.create(null);
        const params = parsePart(e.request?.params, req.params, "params", locale, fields);
        const query = parsePart(e.request?.query, req.query, "query", locale, fields);
        const body = parsePart(e.request?.body, req.body ?? {}, "body", locale, fields);
        if (!params.ok || !query.ok || !body.ok) throw validationFailed({ ...fields });
        const result = await e.handler({
          params: params.data,
          query: query.data,
          body: body.data,
          req,
          res,
          locale,
          event,
          auth: req.auth,
        } as EndpointInput<Schema, Schema, Schema>);
        const status = result.csv || result.raw || result.json ? 200 : (result.status ?? (result.body === undefined ? 204 : 200));
        // Recorded before the answer goes out, so whoever reads the trail next sees it.
        if (audit && e.method !== "get" && req.auth?.user.role === "organiser") {
          await audit({
            actorUserId: req.auth.user.id,
            actorEmail: req.auth.user.email,
            action: `${e.method.toUpperCase()} ${e.path}`,
            target: { ...(params.data as Record<string, string> | undefined) },
            fields: body.data && typeof body.data === "object" ? Object.keys(body.data) : [],
            status,
            ...(typeof req.id === "string" ? { requestId: req.id } : {}),
          }).catch((err: unknown) => req.log?.error({ err }, "audit entry not recorded"));
        }
        if (result.csv) res.status(200).type("text/csv; charset=utf-8").attachment(result.csv.filename).send(result.csv.text);
        else if (result.raw) {
          res.status(200).type(result.raw.contentType).set("Cache-Control", "private, no-store");
          if (result.raw.filename) res.attachment(result.raw.filename);
          res.send(result.raw.data);
        } else if (result.json) sendPrepared(req, res, result.json);
        else if (result.body === undefined) res.status(status).end();
        else res.status(status).json(result.body);
      } catch (err) {
        next(err);
      }
    });
    registry.registerPath(toRouteConfig(e));
  }
}

/** Express's entity tag function (the app's "etag" setting compiled), or undefined when turned off. */
type EtagFn = (body: Buffer, encoding?: BufferEncoding) => string | undefined;

/** As `res.json` sends: its type, its entity tag (computed on the first send), 304 for a fresh request. */
function sendPrepared(req: Request, res: Response, json: PreparedJson) {
  json.etag ??= (req.app.get("etag fn") as EtagFn | undefined)?.(json.bytes, "utf8");
  res.status(200).type("application/json; charset=utf-8");
  if (json.etag) res.set("ETag", json.etag);
  res.send(json.bytes);
}

function checkAccess(access: Access, auth: AuthContext | undefined) {
  if (access === "public") return;
  if (!auth) throw new AppError("unauthenticated");
  if (access !== "signedIn" && !access.includes(auth.user.role)) throw new AppError("forbidden");
}

function toRouteConfig(e: Endpoint): RouteConfig {
  const responses: RouteConfig["responses"] = {};
  for (const [status, r] of Object.entries(e.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { "application/json": { schema: r.schema } } }
      : { description: r.description };
  }
  responses.default = { description: "Error", content: { "application/json": { schema: ErrorBodySchema } } };
  return {
    method: e.method,
    path: `/api${e.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`,
    summary: e.summary,
    description: e.access === "public" ? "Public." : e.access === "signedIn" ? "Any signed-in user." : `Roles: ${e.access.join(", ")}.`,
    tags: e.tags,
    ...(e.access === "public" ? {} : { security: [{ session: [] }] }),
    request: {
      ...(e.request?.params ? { params: e.request.params as never } : {}),
      ...(e.request?.query ? { query: e.request.query as never } : {}),
      ...(e.request?.body ? { body: { content: { "application/json": { schema: e.request.body } }, required: true } } : {}),
    },
    responses,
  };
}
