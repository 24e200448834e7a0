// Type-checked only (tsc -p client), never bundled: the catalogue's keys are types. If a key outside
// the catalogue type-checked, the @ts-expect-error lines below would be unused, and tsc would fail.
import i18next from "i18next";
import type { MeetingStatus } from "@ketnoi/contracts";

const missing = "nonexistent" as const;
// @ts-expect-error a key that is not in the catalogue
i18next.t(missing);

const status: MeetingStatus = "booked";
i18next.t(`meeting.status.${status}`);
const anyText: string = "booked";
// @ts-expect-error a dynamic key built from any string, not from a union of literal types
i18next.t(`meeting.status.${anyText}`);
