import { notFound } from "../../errors";
import type { PublicFirm } from "../../domain/openData/publicFirms";
import type { LocalizedText } from "@ketnoi/contracts";
import type { OpenDataContext } from "./context";
import { openDataSnapshot } from "./openDataSnapshot";

export interface PublicFirmProfile {
  firm: PublicFirm;
  /** What the firm wrote about itself and its products (its public card shows the same). */
  description?: LocalizedText;
  products: LocalizedText[];
  website?: string;
}

/**
 * A public firm's page: a firm the public data shows, else not found (a firm that did not consent,
 * awaits approval or never took part answers exactly as an id that does not exist).
 */
export async function publicFirmProfile(ctx: OpenDataContext, id: string): Promise<PublicFirmProfile> {
  const firm = (await openDataSnapshot(ctx)).byId.get(id);
  const company = firm ? await ctx.repos.companies.findById(id) : null;
  if (!firm || !company) throw notFound();
  return {
    firm,
    ...(company.description ? { description: company.description as LocalizedText } : {}),
    products: company.products.flatMap((p) => (p.name ? [p.name as LocalizedText] : [])),
    ...(company.website ? { website: company.website } : {}),
  };
}

/** Every public firm, for the sitemap and the firms' index page. */
export async function listPublicFirms(ctx: OpenDataContext): Promise<PublicFirm[]> {
  return (await openDataSnapshot(ctx)).firms;
}
