import { defineEndpoint } from "../../http/endpoint";
import type { Repositories } from "../../repositories";
import { TaxonomyListResponse, TaxonomyListSchema } from "./schema";

export function taxonomyEndpoints(repos: Repositories) {
  return [
    defineEndpoint({
      method: "get",
      path: "/taxonomy",
      summary: "Sectors, processes, materials, certifications and technology categories, labelled in five languages",
      tags: ["taxonomy"],
      access: "public",
      request: TaxonomyListSchema,
      responses: { 200: { description: "Terms by code", schema: TaxonomyListResponse } },
      handler: async ({ query }) => {
        const terms = await repos.taxonomy.list();
        return { body: { data: query.kind ? terms.filter((t) => t.kind === query.kind) : terms } };
      },
    }),
  ];
}
