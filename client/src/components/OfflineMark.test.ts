import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { keys } from "../lib/queries/keys";
import { oldestShownData } from "./OfflineMark";

describe("since when the page's data was read (the offline mark)", () => {
  test("the oldest read among the queries a page shows; what no page shows does not count", () => {
    const client = new QueryClient();
    client.setQueryData(keys.meetings.list, [], { updatedAt: 2_000 });
    client.setQueryData(keys.fair.current, {}, { updatedAt: 5_000 });
    client.setQueryData(keys.meetings.one("m1"), {}, { updatedAt: 1_000 }); // read earlier, not on screen
    expect(oldestShownData(client)).toBeNull();
    const shown = [keys.meetings.list, keys.fair.current].map((queryKey) =>
      // Fresh: the page shows them without reading again.
      new QueryObserver(client, { queryKey, queryFn: () => new Promise(() => undefined), staleTime: Number.POSITIVE_INFINITY }).subscribe(
        () => undefined,
      ),
    );
    expect(oldestShownData(client)).toBe(2_000);
    for (const stop of shown) stop();
  });
});
