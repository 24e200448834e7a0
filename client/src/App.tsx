import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { Layout } from "./components/Layout";
import { SessionProvider } from "./lib/session";
import { queryClient } from "./lib/queries/client";
import { appCacheBackend, keepVenueQueries, persistOptions } from "./lib/offline/persistence";

// Each route is its own chunk, so the landing page loads only what it needs.
const Home = lazy(() => import("./pages/Home"));
const NotFound = lazy(() => import("./pages/NotFound"));
const SignIn = lazy(() => import("./pages/SignIn"));
const SignUp = lazy(() => import("./pages/SignUp"));
const Directory = lazy(() => import("./pages/Directory"));
const Company = lazy(() => import("./pages/Company"));
const Recommendations = lazy(() => import("./pages/Recommendations"));
const Inbox = lazy(() => import("./pages/Inbox"));
const Agenda = lazy(() => import("./pages/Agenda"));
const History = lazy(() => import("./pages/History"));
const Meeting = lazy(() => import("./pages/Meeting"));
const CheckInLink = lazy(() => import("./pages/CheckInLink"));
const Onboarding = lazy(() => import("./pages/Onboarding"));
const Assignments = lazy(() => import("./pages/Assignments"));
const Hall = lazy(() => import("./pages/Hall"));
const Team = lazy(() => import("./pages/Team"));
const Account = lazy(() => import("./pages/Account"));
const MyBadge = lazy(() => import("./pages/MyBadge"));
// The CNHT data website's public statistics page.
const OpenData = lazy(() => import("./pages/OpenData"));
// The pages mailed links open.
const VerifyEmail = lazy(() => import("./pages/account/VerifyEmail"));
const ForgotPassword = lazy(() => import("./pages/account/ForgotPassword"));
const ResetPassword = lazy(() => import("./pages/account/ResetPassword"));
const AcceptInvitation = lazy(() => import("./pages/account/AcceptInvitation"));
const ConfirmRegistration = lazy(() => import("./pages/account/ConfirmRegistration"));
const Console = lazy(() => import("./pages/organiser/Console"));
const Scheduler = lazy(() => import("./pages/organiser/Scheduler"));
const CheckInDesk = lazy(() => import("./pages/organiser/CheckInDesk"));
const Dashboard = lazy(() => import("./pages/organiser/Dashboard"));
const OrganiserCompanies = lazy(() => import("./pages/organiser/Companies"));
const FairSetup = lazy(() => import("./pages/organiser/FairSetup"));
const Programme = lazy(() => import("./pages/organiser/Programme"));
const Interpreters = lazy(() => import("./pages/organiser/Interpreters"));
const Events = lazy(() => import("./pages/Events"));
const EventAdmin = lazy(() => import("./pages/organiser/EventAdmin"));
// Video rooms pull in livekit-client: only these routes load it.
const MeetingRoom = lazy(() => import("./pages/live/MeetingRoom"));
const Booth = lazy(() => import("./pages/live/Booth"));
// A booth's lead capture, and the page a badge's QR code opens.
const Leads = lazy(() => import("./pages/leads/Leads"));
const BadgeLink = lazy(() => import("./pages/leads/BadgeLink"));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="panel" role="status">
      {t("common.state.loading")}
    </p>
  );
}

const page = (Page: LazyExoticComponent<ComponentType>) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

/** Every route with its page; path → component. */
export const ROUTES: [string, LazyExoticComponent<ComponentType>][] = [
  ["signin", SignIn],
  ["signup", SignUp],
  ["signup/confirm", ConfirmRegistration],
  ["companies", Directory],
  ["companies/:id", Company],
  ["recommendations", Recommendations],
  ["inbox", Inbox],
  ["agenda", Agenda],
  ["history", History],
  ["meetings/:id", Meeting],
  ["meetings/:id/room", MeetingRoom],
  ["booths/:companyId", Booth],
  ["check-in/:id", CheckInLink],
  ["onboarding", Onboarding],
  ["profile", Onboarding],
  ["assignments", Assignments],
  ["hall", Hall],
  ["team", Team],
  ["account", Account],
  ["my-badge", MyBadge],
  ["data", OpenData],
  ["verify-email", VerifyEmail],
  ["forgot-password", ForgotPassword],
  ["reset-password", ResetPassword],
  ["accept-invitation", AcceptInvitation],
  ["organiser", Console],
  ["organiser/scheduler", Scheduler],
  ["organiser/check-in", CheckInDesk],
  ["organiser/dashboard", Dashboard],
  ["organiser/companies", OrganiserCompanies],
  ["organiser/setup", FairSetup],
  ["organiser/programme", Programme],
  ["organiser/interpreters", Interpreters],
  ["events", Events],
  ["organiser/events/:slug", EventAdmin],
  ["leads", Leads],
  ["badge/:code", BadgeLink],
];

// What a person needs at the venue is kept on the device and read back first (lib/offline/persistence.ts).
keepVenueQueries(queryClient);
const persistence = persistOptions(appCacheBackend);

// Declarative routes, not a data router: the pages read their data with TanStack Query, and the
// data router's code would weigh on every page's initial JS for nothing.
export function App() {
  return (
    <PersistQueryClientProvider client={queryClient} persistOptions={persistence}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={page(Home)} />
              {ROUTES.map(([path, Page]) => (
                <Route key={path} path={path} element={page(Page)} />
              ))}
              <Route path="*" element={page(NotFound)} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </PersistQueryClientProvider>
  );
}
