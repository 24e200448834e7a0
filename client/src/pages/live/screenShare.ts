/** What the browser says about itself, as far as screen sharing goes. */
export interface ShareEnvironment {
  /** navigator.mediaDevices.getDisplayMedia (missing on phones, and outside secure contexts). */
  getDisplayMedia?: unknown;
  /** The primary pointer is a finger: a phone or tablet. */
  coarsePointer: boolean;
  userAgent: string;
}

/**
 * Whether to offer "Share screen": only where the browser can capture a screen and not on a phone or
 * tablet, where the button would fail or share a screen nobody needs to see.
 */
export function canShareScreen(env: ShareEnvironment): boolean {
  if (typeof env.getDisplayMedia !== "function") return false;
  return !env.coarsePointer && !/Android|iPhone|iPad|iPod|Mobile/i.test(env.userAgent);
}

/** The same question asked of this browser. */
export const browserCanShareScreen = () =>
  canShareScreen({
    getDisplayMedia: typeof navigator !== "undefined" ? navigator.mediaDevices?.getDisplayMedia : undefined,
    coarsePointer: typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches,
    userAgent: typeof navigator !== "undefined" ? navigator.userAgent : "",
  });
