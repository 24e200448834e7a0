import i18next from "i18next";
import { ApiError } from "./api";
import { eventHeader } from "./eventInContext";

/** The name a Content-Disposition header gives a download, if any. */
const filenameOf = (header: string | null) => /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? "")?.[1];

/**
 * Downloads a file the api makes (a PDF) in the viewer's language. Fetched first, so a refusal shows
 * as the api's message on the page rather than as a downloaded error document.
 */
export async function downloadFromApi(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/api${path}`, { headers: { "Accept-Language": i18next.language, ...eventHeader() } });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw new ApiError(res.status, (body as ConstructorParameters<typeof ApiError>[1]) ?? null);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = decodeURIComponent(filenameOf(res.headers.get("Content-Disposition")) ?? fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the address is freed after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
