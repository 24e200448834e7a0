import type { TaxonomyTerm } from "@ketnoi/contracts";
import type { CommandContext } from "../context";

/** The taxonomy's terms by code, all of them or those of one kind. */
export async function listTaxonomyTerms({ repos }: CommandContext, kind?: TaxonomyTerm["kind"]): Promise<TaxonomyTerm[]> {
  const terms = await repos.taxonomy.list();
  return kind ? terms.filter((t) => t.kind === kind) : terms;
}
