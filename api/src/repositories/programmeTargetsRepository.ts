import { Types } from "mongoose";
import type { ProgrammeTargetsBody } from "@ketnoi/contracts";
import type { Models } from "../db/models";

/** A year's targets as organisers entered them. */
export interface ProgrammeTargetsRecord {
  year: number;
  targets: ProgrammeTargetsBody;
  updatedBy: string;
  updatedAt: Date;
}

export interface ProgrammeTargetsRepository {
  /** The year's entered targets; null when none were entered (the plans' figures apply). */
  find(year: number): Promise<ProgrammeTargetsRecord | null>;
  /** Stores the year's targets whole (a later save replaces them). */
  save(year: number, targets: ProgrammeTargetsBody, userId: string): Promise<ProgrammeTargetsRecord>;
}

type Range = { min: number; max: number };
type Doc = Record<keyof ProgrammeTargetsBody, Range> & { _id: number; updatedBy: Types.ObjectId; updatedAt: Date };

export function createProgrammeTargetsRepository({ ProgrammeTargets }: Models): ProgrammeTargetsRepository {
  const toRecord = (d: Doc): ProgrammeTargetsRecord => {
    const r = ({ min, max }: Range) => ({ min, max });
    return {
      year: d._id,
      targets: {
        domesticFirms: r(d.domesticFirms),
        certifiedFirms: r(d.certifiedFirms),
        technologyMakers: r(d.technologyMakers),
        missionFirms: r(d.missionFirms),
        keyProductFirms: r(d.keyProductFirms),
        keyProducts: r(d.keyProducts),
      },
      updatedBy: d.updatedBy.toHexString(),
      updatedAt: d.updatedAt,
    };
  };
  return {
    async find(year) {
      const doc = (await ProgrammeTargets.findById(year).lean()) as Doc | null;
      return doc ? toRecord(doc) : null;
    },
    async save(year, targets, userId) {
      const doc = (await ProgrammeTargets.findOneAndUpdate(
        { _id: year },
        { $set: { ...targets, updatedBy: new Types.ObjectId(userId) } },
        { upsert: true, returnDocument: "after", runValidators: true },
      ).lean()) as Doc;
      return toRecord(doc);
    },
  };
}
