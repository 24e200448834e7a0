import { useEffect, useRef, type RefObject } from "react";
import { useLocation } from "react-router";

/** How long a page may take to show its heading (its data read first) before focus stays where it is. */
const WAIT_MS = 10_000;

/**
 * After moving to another page (not on the first page load), focus goes to the new page's main
 * heading, so a screen reader announces the page, as a full page load would. A heading shown
 * after the page's data arrives is awaited. Focus is never taken from a field the reader is
 * already in on the new page.
 */
export function useHeadingFocus(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const firstPage = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies(pathname): the effect runs on each move to another page, which pathname signals
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    const focusHeading = () => {
      const heading = root.querySelector("h1");
      if (!heading) return false;
      const active = document.activeElement;
      if (active && active !== document.body && root.contains(active)) return true; // the reader chose a place already
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, main]);
}
