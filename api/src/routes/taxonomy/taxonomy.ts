import { defineEndpoint } from "../../http/endpoint";
import type { CommandContext } from "../../commands/context";
import { listTaxonomyTerms } from "../../commands/taxonomy/listTerms";
import { TaxonomyListResponse, TaxonomyListSchema } from "./schema";

export function taxonomyEndpoints(ctx: CommandContext) {
  return [
    defineEndpoint({
      method: "get",
      path: "/taxonomy",
      summary: "Sectors, processes, materials, certifications and technology categories, labelled in five languages",
      tags: ["taxonomy"],
      access: "public",
      request: TaxonomyListSchema,
      responses: { 200: { description: "Terms by code", schema: TaxonomyListResponse } },
      handler: async ({ query }) => ({ body: { data: await listTaxonomyTerms(ctx, query.kind) } }),
    }),
  ];
}
