import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

/** A write that makes the given keys (and everything under them) out of date. */
export function useWrite<Body, Result = unknown>(write: (body: Body) => Promise<Result>, stale: QueryKey[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all(stale.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
