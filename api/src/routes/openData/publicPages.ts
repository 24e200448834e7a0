import { Router, type Request, type Response } from "express";
import { isLocale, type Locale } from "@ketnoi/contracts";
import { AppError } from "../../errors";
import { requestLocale } from "../../http/context";
import type { OpenDataContext } from "../../commands/openData/context";
import { listPublicFirms, publicFirmProfile } from "../../commands/openData/publicFirmProfile";
import { firmPath } from "../../presenters/openData";
import { presentFirmIndex, presentFirmNotFound, presentFirmPage, presentRobots, presentSitemap } from "../../presenters/firmPage";

/** ?lang= first (a link to one language's page), else the browser's Accept-Language. */
const pageLocale = (req: Request): Locale => (isLocale(req.query.lang) ? req.query.lang : requestLocale(req));
const ID_AT_END = /(?:^|-)([0-9a-f]{24})$/;

function send(res: Response, status: number, type: string, text: string) {
  // Revalidated on every visit (an ETag answers 304): a firm that withdraws its consent is gone at once.
  res.status(status).type(type).set({ "Cache-Control": "no-cache", Vary: "Accept-Language" }).send(text);
}

/**
 * The pages search engines and readers without JavaScript get, outside /api (the gateway sends
 * /cnht/, /sitemap.xml and /robots.txt here): the firms' index, each public firm's page, the
 * sitemap and robots.txt. A firm that is not public is 404, as an id that does not exist.
 */
export function publicPages(ctx: OpenDataContext, origin: string): Router {
  const router = Router();
  router.get("/cnht/firms", async (req, res) => send(res, 200, "html", presentFirmIndex(await listPublicFirms(ctx), pageLocale(req), origin)));
  router.get("/cnht/firms/:slug", async (req, res) => {
    const locale = pageLocale(req);
    const id = ID_AT_END.exec(req.params.slug)?.[1];
    try {
      if (!id) throw new AppError("not_found");
      const profile = await publicFirmProfile(ctx, id);
      // One address per firm: an old or mistyped name in the slug leads to the page's own.
      const path = firmPath(profile.firm);
      if (req.path !== path) return res.redirect(301, `${path}${req.query.lang ? `?lang=${locale}` : ""}`);
      send(res, 200, "html", presentFirmPage(profile, locale, origin));
    } catch (err) {
      if (err instanceof AppError && err.code === "not_found") return send(res, 404, "html", presentFirmNotFound(locale, origin));
      throw err;
    }
  });
  router.get("/sitemap.xml", async (_req, res) => send(res, 200, "application/xml", presentSitemap(await listPublicFirms(ctx), origin)));
  router.get("/robots.txt", (_req, res) => send(res, 200, "text/plain", presentRobots(origin)));
  return router;
}
