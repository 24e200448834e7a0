import { lazy, Suspense } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { useTranslation } from "react-i18next";
import { Layout } from "./components/Layout";

// Each route is its own chunk, so the landing page loads only what it needs.
const Home = lazy(() => import("./pages/Home"));
const NotFound = lazy(() => import("./pages/NotFound"));
// Video rooms pull in livekit-client: only these routes load it.
const MeetingRoom = lazy(() => import("./pages/live/MeetingRoom"));
const Booth = lazy(() => import("./pages/live/Booth"));

function Loading() {
  const { t } = useTranslation();
  return <p className="panel" role="status">{t("state.loading")}</p>;
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Suspense fallback={<Loading />}><Home /></Suspense> },
      { path: "meetings/:id/room", element: <Suspense fallback={<Loading />}><MeetingRoom /></Suspense> },
      { path: "booths/:companyId", element: <Suspense fallback={<Loading />}><Booth /></Suspense> },
      { path: "*", element: <Suspense fallback={<Loading />}><NotFound /></Suspense> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
