import type { FairSetup, Locale } from "@ketnoi/contracts";
import { createRandom } from "../../domain/random";
import { generateDirectory } from "../../seed/demoFair";
import { demoFairSetup, INTERPRETERS } from "../../seed/data/programme";

/** The labelled fair's days: data of the evaluation (nothing compares them with the clock), fixed so runs compare. */
const FAIR = demoFairSetup(["2026-12-10", "2026-12-11"]);
import type { MatchParticipant } from "../../domain/matching/participant";
import { baseBuyer, baseVendor, foreignLocale, type Origin } from "./foreign";
import { buyerCluster, CLUSTER, freeTechnologyPairs, nearMissSuppliers, nearMissVendors, sourcingFor, vendorCluster, type Writers } from "./plant";
import { textAbout } from "./texts";

/**
 * A labelled evaluation fair: Hanoi firms from the demo-data generator, foreign vendors and buyers,
 * planted complementary clusters (plant.ts) among them, free text in mixed languages. `relevant`
 * holds, for every planted participant, the partners planted for it; natural matches among the
 * rest are not labelled, so precision measured against it is a lower bound.
 */
export interface EvalSet {
  fair: FairSetup;
  interpreters: { languages: string[] }[];
  participants: MatchParticipant[];
  relevant: Map<string, Set<string>>;
}

export interface EvalOptions {
  domestic?: number;
  foreign?: number;
  seed?: number;
  /** Write every free text in this language (default: mixed, as firms do). Never changes the structure. */
  textLocale?: Locale;
}

export function generateEvalSet(options: EvalOptions = {}): EvalSet {
  const { domestic: domesticCount = 1000, foreign: foreignCount = 300, seed = 2026 } = options;
  const random = createRandom(seed);
  // Languages are drawn from their own stream so that the structure is the same in every language.
  const words = createRandom(seed ^ 0x7e47);
  const locales = new Map<string, Locale>();
  const writers: Writers = {
    of: (id) => locales.get(id) ?? "en",
    foreign: (origin, id) => {
      const write = options.textLocale ?? foreignLocale(origin, words);
      locales.set(id, write);
      return write;
    },
  };
  const domesticLocale = (): Locale =>
    options.textLocale ?? (words.chance(0.7) ? "vi" : words.chance(0.6) ? "en" : words.pick(["ja", "ko", "zh-Hant"] as const));

  const domestic = generateDirectory(domesticCount + 60, FAIR.days as [string, string], seed)
    .filter((c) => c.kind === "domestic")
    .map((c): MatchParticipant => {
      const write = domesticLocale();
      locales.set(c.registrationKey, write);
      return {
        id: c.registrationKey,
        name: c.englishName ?? c.legalName,
        kind: "domestic",
        country: c.country,
        timeZone: c.timeZone,
        participation: c.participation,
        sectors: c.sectors,
        processes: c.processes,
        certifications: c.certifications,
        needs: c.needs.map((n) => ({ ...n, text: textAbout(n.kind === "buyer" ? "buyers" : "need", n.codes[0]!, write) })),
        offers: c.offers,
        requirements: c.requirements,
        languages: c.languages,
        description: textAbout("profile", c.processes[0]?.code ?? c.sectors[0]!, write),
      };
    });

  let foreignSerial = 0;
  const nextId = () => `F${String(++foreignSerial).padStart(4, "0")}`;
  const fairEnd = new Date(`${FAIR.days.at(-1)}T00:00:00Z`);
  const vendorClusters = Math.min(Math.floor((foreignCount * 0.4) / CLUSTER), Math.floor(domesticCount / (4 * CLUSTER)));
  const buyerClusters = Math.min(Math.floor((foreignCount * 0.2) / CLUSTER), Math.floor(domesticCount / (8 * CLUSTER)));
  const pairs = random.sample(freeTechnologyPairs(domestic), vendorClusters);
  const pool = random.sample(domestic, domestic.length);
  const take = (n: number) => pool.splice(0, n);
  const relevant = new Map<string, Set<string>>();
  const relate = (a: MatchParticipant[], b: MatchParticipant[]) => {
    for (const x of a)
      for (const y of b)
        for (const [p, q] of [
          [x, y],
          [y, x],
        ] as const)
          relevant.set(p.id, (relevant.get(p.id) ?? new Set()).add(q.id));
  };

  const planted: MatchParticipant[] = [];
  for (const pair of pairs) {
    const firms = take(CLUSTER);
    const vendors = vendorCluster(random, pair, firms, nextId, writers);
    relate(firms, vendors);
    planted.push(...vendors);
  }
  const taken = new Set<string>();
  for (let c = 0; c < buyerClusters; c++) {
    const sourcing = sourcingFor(random, c, taken);
    const suppliers = take(CLUSTER);
    const buyers = buyerCluster(random, sourcing, suppliers, fairEnd, nextId, writers);
    relate(suppliers, buyers);
    planted.push(...buyers);
    nearMissSuppliers(sourcing, take(3), fairEnd);
  }

  const base: MatchParticipant[] = [];
  while (planted.length + base.length < foreignCount) {
    const id = nextId();
    const localeOf = (origin: Origin) => writers.foreign(origin, id);
    base.push(random.chance(0.75) ? baseVendor(random, id, localeOf) : baseBuyer(random, id, localeOf));
  }
  const vendors = base.filter((f) => f.offers.length);
  pairs.forEach((pair, i) => {
    nearMissVendors(pair, vendors.slice(2 * i, 2 * i + 2), writers);
  });

  return { fair: FAIR, interpreters: INTERPRETERS, participants: [...domestic, ...planted, ...base], relevant };
}
