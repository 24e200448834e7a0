import { slotAt } from "../../domain/fairSlots";
import type { FairRecord } from "../../repositories/fairRepository";
import type { Instance } from "../../domain/scheduling/format";

/** The fair's slot a plan's assignment names (the plan's slots are labelled, and held by their start); none when the fair's hours changed since. */
export function plannedSlot(fair: FairRecord, instance: Instance, label: string) {
  const planned = instance.slots.find((s) => s.id === label);
  return planned && slotAt(fair, new Date(planned.start));
}
