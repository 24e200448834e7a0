/** @jest-environment jsdom */
import { act, render, screen, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Async } from "../../components/States";
import { useFairSummary } from "./fair";
import { useInterpreters } from "./organiser";
import { useWrite } from "./write";
import { keys } from "./keys";

// The network is the boundary: fetch answers as the api would, path by path, and counts the reads.
let routes: Record<string, { status: number; body?: unknown; delayMs?: number }> = {};
const reads: string[] = [];
beforeEach(() => {
  routes = {};
  reads.length = 0;
  global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = String(url);
    if ((init?.method ?? "GET") === "GET") reads.push(path);
    const answer = routes[`${init?.method ?? "GET"} ${path}`];
    if (!answer) throw new Error(`no answer for ${path}`);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    return { ok: answer.status < 400, status: answer.status, json: async () => answer.body ?? null } as Response;
  }) as typeof fetch;
});

const fresh = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const fair = { slug: "cnht", timeZone: "Asia/Tokyo", name: { en: "The fair" } };

/** The interpreters and a write that makes them out of date, handed to the test through `expose`. */
function Interpreters({ expose }: { expose: (add: () => Promise<unknown>) => void }) {
  const list = useInterpreters();
  const create = useWrite(() => fetch("/api/interpreters", { method: "POST" }), [keys.interpreters]);
  expose(() => create.mutateAsync(undefined));
  return <p>{list.data ? `${list.data.data.length} interpreters` : "loading"}</p>;
}

function FairName() {
  return (
    <Async query={useFairSummary()} empty="No fair">
      {(f) => <p>{f.name.en}</p>}
    </Async>
  );
}

describe("api data through the query cache", () => {
  test("several pages and components showing the current fair read it once", async () => {
    routes["GET /api/fairs/current"] = { status: 200, body: fair };
    render(
      <QueryClientProvider client={fresh()}>
        <FairName />
        <FairName />
        <FairName />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getAllByText("The fair")).toHaveLength(3));
    expect(reads).toEqual(["/api/fairs/current"]);
  });

  test("a 404 is the empty state; a 503 is an error that offers to try again, and trying again reads again", async () => {
    routes["GET /api/fairs/current"] = { status: 404, body: { error: { code: "not_found", message: "Not found." } } };
    const { unmount } = render(
      <QueryClientProvider client={fresh()}>
        <FairName />
      </QueryClientProvider>,
    );
    await screen.findByText("No fair");
    unmount();
    routes["GET /api/fairs/current"] = { status: 503, body: { error: { code: "unavailable", message: "Unavailable." } } };
    render(
      <QueryClientProvider client={fresh()}>
        <FairName />
      </QueryClientProvider>,
    );
    const retry = await screen.findByRole("button", { name: "common.state.retry" });
    routes["GET /api/fairs/current"] = { status: 200, body: fair };
    act(() => retry.click());
    await screen.findByText("The fair");
  });

  test("a write reads again what it made out of date", async () => {
    routes["GET /api/interpreters"] = { status: 200, body: { data: [] } };
    routes["POST /api/interpreters"] = { status: 201, body: { id: "i1" } };
    let add: () => Promise<unknown> = async () => undefined;
    const client = fresh();
    render(
      <QueryClientProvider client={client}>
        <Interpreters
          expose={(write) => {
            add = write;
          }}
        />
      </QueryClientProvider>,
    );
    await screen.findByText("0 interpreters");
    // The re-read takes a while: the write must wait for it, not only start it.
    routes["GET /api/interpreters"] = { status: 200, body: { data: [{ id: "i1" }] }, delayMs: 50 };
    await act(() => add());
    // The write's promise settles once the list has been read again: the cache holds the new list then.
    expect(reads).toEqual(["/api/interpreters", "/api/interpreters"]);
    expect(client.getQueryData(keys.interpreters)).toEqual({ data: [{ id: "i1" }] });
    // The component shows it on its next render: TanStack Query tells observers in a later task
    // (notifyManager schedules with setTimeout), after act has returned, so the page is awaited.
    await screen.findByText("1 interpreters");
  });
});
