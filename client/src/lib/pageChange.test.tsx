/** @jest-environment jsdom */
import "./testing/jsdom";
import { useRef, useState, useEffect } from "react";
import { act, render, screen } from "@testing-library/react";
import { Link, MemoryRouter, Route, Routes } from "react-router";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { useHeadingFocus } from "./useHeadingFocus";
import { usePageTitle } from "./usePageTitle";

beforeAll(() =>
  i18next.use(initReactI18next).init({ lng: "en", resources: { en: { translation: { "common.app.name": "Ketnoi" } } }, keySeparator: false }),
);

function Shell({ children }: { children: React.ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(main);
  return (
    <>
      <nav>
        <Link to="/inbox">Inbox</Link> <Link to="/agenda">Agenda</Link>
      </nav>
      <main ref={main}>{children}</main>
    </>
  );
}
function Inbox() {
  usePageTitle("Requests");
  return <h1>Requests</h1>;
}
/** A page whose heading shows once its data has arrived. */
function Agenda() {
  usePageTitle("My agenda");
  const [ready, setReady] = useState(false);
  useEffect(() => void setTimeout(() => setReady(true), 20), []);
  return ready ? <h1>My agenda</h1> : <p>Loading</p>;
}
const app = (
  <MemoryRouter initialEntries={["/inbox"]}>
    <Shell>
      <Routes>
        <Route path="/inbox" element={<Inbox />} />
        <Route path="/agenda" element={<Agenda />} />
      </Routes>
    </Shell>
  </MemoryRouter>
);

describe("moving between pages", () => {
  test("the tab's title names the page, then the app", () => {
    render(app);
    expect(document.title).toBe("Requests · Ketnoi");
  });

  test("the first page keeps focus where the browser put it; the next page's heading gets it, once it is shown", async () => {
    render(app);
    expect(document.activeElement).toBe(document.body);
    act(() => screen.getByRole("link", { name: "Agenda" }).click());
    expect(document.title).toBe("My agenda · Ketnoi");
    const heading = await screen.findByRole("heading", { name: "My agenda" });
    await act(async () => {}); // the observer's callback
    expect(document.activeElement).toBe(heading);
  });
});
