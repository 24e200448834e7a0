import { z } from "zod";

/** The scheduling file format, version 1 (../shared/formats/schedule-instance.md). */
const id = z.string().min(1).max(200);
export const InstanceSchema = z.object({
  version: z.literal(1),
  slots: z.array(z.object({ id, start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })).min(1),
  onsiteTables: z.number().int().min(0),
  onlineRooms: z.number().int().min(0),
  interpreters: z.array(z.object({ id, languages: z.array(z.string()), available: z.array(id) })).default([]),
  participants: z.array(z.object({ id, available: z.array(id), onsite: z.boolean(), maxMeetings: z.number().int().min(0).optional() })),
  meetings: z.array(
    z.object({
      id,
      a: id,
      b: id,
      value: z.number().positive(),
      mode: z.enum(["onsite", "online", "either"]),
      languages: z.tuple([z.string(), z.string()]).nullable().optional(),
      slots: z.array(id).optional(),
    }),
  ),
});
export type Instance = z.infer<typeof InstanceSchema>;

export const SolutionSchema = z.object({
  version: z.literal(1),
  assignments: z.array(z.object({ meeting: id, slot: id, mode: z.enum(["onsite", "online"]), interpreter: id.nullable().optional() })),
  unscheduled: z.array(id),
  value: z.number(),
  upperBound: z.number(),
});
export type Solution = z.infer<typeof SolutionSchema>;
export type Assignment = Solution["assignments"][number];
