import express, { type Router } from "express";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { getAbsoluteFSPath } from "swagger-ui-dist";

export function createOpenApiRegistry() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "ketnoi_session",
    description: "Session cookie set by /api/auth/login. Writes also need the X-CSRF-Token header from the session.",
  });
  return registry;
}

export function generateOpenApiDocument(registry: OpenAPIRegistry) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Ketnoi API",
      version: "0.1.0",
      description: "Hybrid B2B matchmaking for trade fairs. Errors are `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: "/" }],
  });
}

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ketnoi API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs" });`;

/** GET /api/openapi.json and a Swagger UI page at /api/docs (assets served locally, nothing fetched). */
export function mountOpenApi(router: Router, registry: OpenAPIRegistry) {
  let document: ReturnType<typeof generateOpenApiDocument> | undefined;
  router.get("/openapi.json", (_req, res) => {
    document ??= generateOpenApiDocument(registry);
    res.json(document);
  });
  router.get("/docs", (_req, res) => res.type("html").send(DOCS_HTML));
  router.get("/docs/init.js", (_req, res) => res.type("js").send(DOCS_INIT));
  router.use("/docs/assets", express.static(getAbsoluteFSPath(), { index: false, maxAge: "1d" }));
}
