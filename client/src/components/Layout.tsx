import { Link, NavLink, Outlet, useLocation } from "react-router";
import { VerifyNotice } from "./VerifyNotice";
import { useTranslation } from "react-i18next";
import { LOCALES, isLocale, type SessionUser } from "@ketnoi/contracts";
import { setLocale } from "../i18n";
import { useSession } from "../lib/session";
import { lazy, Suspense, useRef, useState, useSyncExternalStore } from "react";
import { useHeadingFocus } from "../lib/useHeadingFocus";
import { useOnline } from "../lib/offline/useOnline";
import { OfflineMark } from "./OfflineMark";
import { SignOutButton } from "./SignOutButton";
import { EventSwitcher } from "./EventSwitcher";
import { chosenEvent, onEventChosen } from "../lib/eventInContext";
import { UpdatePrompt } from "./UpdatePrompt";

// Only signed-in users have notifications: their code loads with the first signed-in page.
const NotificationBell = lazy(() => import("./NotificationBell").then((m) => ({ default: m.NotificationBell })));

const LANGUAGE_NAMES: Record<string, string> = { vi: "Tiếng Việt", en: "English", ja: "日本語", ko: "한국어", "zh-Hant": "繁體中文" };

type NavPage =
  | "directory"
  | "hall"
  | "console"
  | "scheduler"
  | "checkIn"
  | "dashboard"
  | "assignments"
  | "recommendations"
  | "inbox"
  | "agenda"
  | "history"
  | "profile"
  | "myBooth"
  | "leads"
  | "team"
  | "data"
  | "myBadge"
  | "events";
type NavKey = `common.nav.${NavPage}`;
type MenuItem = [to: string, label: NavKey];

/** The menu for who is signed in: public pages for everyone, then what the role works with. */
function menu(user: SessionUser | null): MenuItem[] {
  const common: MenuItem[] = [
    ["/events", "common.nav.events"],
    ["/companies", "common.nav.directory"],
    ["/hall", "common.nav.hall"],
    ["/data", "common.nav.data"],
  ];
  if (!user) return common;
  // Everyone signed in takes part in person: the badge's QR code is one tap away at the venue.
  common.push(["/my-badge", "common.nav.myBadge"]);
  switch (user.role) {
    case "organiser":
      return [
        ...common,
        ["/organiser", "common.nav.console"],
        ["/organiser/scheduler", "common.nav.scheduler"],
        ["/organiser/check-in", "common.nav.checkIn"],
        ["/organiser/dashboard", "common.nav.dashboard"],
      ];
    case "interpreter":
      return [...common, ["/assignments", "common.nav.assignments"]];
    default: {
      const firm: MenuItem[] = [
        ...common,
        ["/recommendations", "common.nav.recommendations"],
        ["/inbox", "common.nav.inbox"],
        ["/agenda", "common.nav.agenda"],
        ["/history", "common.nav.history"],
        ["/profile", "common.nav.profile"],
      ];
      if (user.role === "vendor" && user.companyId) firm.push([`/booths/${user.companyId}`, "common.nav.myBooth"]);
      // Every firm exhibits: its staff scan visitors' badges at the booth (api/src/policies/lead.ts).
      if (user.companyId) firm.push(["/leads", "common.nav.leads"]);
      // Every firm's owner invites colleagues (api/src/policies/invitation.ts), domestic or vendor.
      if (user.companyId && user.companyRole === "owner") firm.push(["/team", "common.nav.team"]);
      return firm;
    }
  }
}

export function Layout() {
  const { t, i18n } = useTranslation();
  // Another event chosen: the page is drawn afresh (keyed by the event), reading that event's data.
  const event = useSyncExternalStore(onEventChosen, chosenEvent);
  const { session, unreachable } = useSession();
  const online = useOnline();
  const user = session.status === "signedIn" ? session.user : null;
  // The phone menu closes once a page is chosen from it: adjusted while rendering the new page (as React
  // advises for state that follows a changed value), so the new page never shows with the menu open.
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(main);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.nav.skip")}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t("common.app.name")}</span>
          <span className="sr-only"> – {t("common.nav.home")}</span>
        </Link>
        {/* On a phone: the brand, the bell and a menu button on one row; the rest opens below it. */}
        <div className="topbar-quick">
          {user && (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          )}
          <button
            type="button"
            className="secondary menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t("common.nav.menu")}
          </button>
        </div>
        <div id="site-menu" className={`site-menu${menuOpen ? " open" : ""}`}>
          <nav className="mainnav" aria-label={t("common.nav.main")}>
            <ul>
              {menu(user).map(([to, key]) => (
                <li key={to}>
                  <NavLink to={to} end={to === "/organiser"}>
                    {t(key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">
            {session.status === "signedOut" && (
              <>
                <NavLink to="/signin">{t("common.nav.signIn")}</NavLink>
                <NavLink to="/signup" className="button-link">
                  {t("common.nav.signUp")}
                </NavLink>
              </>
            )}
            {user && <EventSwitcher user={user} />}
            {user && (
              <>
                <Link to="/account" className="who" title={`${user.name} · ${user.email} · ${t("common.account.title")}`}>
                  <span className="who-name">{user.name}</span>&nbsp;· {t(`common.role.${user.role}`)}
                </Link>
                <SignOutButton />
              </>
            )}
            <label className="lang">
              <span>{t("common.lang.label")}</span>
              <select value={i18n.language} onChange={(e) => isLocale(e.target.value) && void setLocale(e.target.value)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <UpdatePrompt />
        <OfflineMark />
        {unreachable && online && (
          <p className="notice error" role="status" data-testid="server-unreachable">
            {t("common.session.unreachable")}
          </p>
        )}
        <VerifyNotice />
        <Outlet key={event ?? ""} />
      </main>
    </>
  );
}
