/**
 * Runs `work` at once, then at most once per `windowMs` however often it is asked for: asks that come
 * within a window are answered by one run at its end, so the last state is always sent. A crowd
 * arriving makes one count per window instead of one per socket (N arrivals told to N sockets would
 * be N² messages, and with several nodes each count asks every node for its sockets).
 */
export function coalesce(work: () => Promise<void>, windowMs: number, onError: (err: unknown) => void): () => void {
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let askedAgain = false;
  const run = () => void work().catch(onError);
  const endOfWindow = () => {
    if (!askedAgain) {
      waiting = undefined;
      return;
    }
    askedAgain = false;
    run();
    waiting = setTimeout(endOfWindow, windowMs);
    waiting.unref();
  };
  return () => {
    if (waiting) {
      askedAgain = true;
      return;
    }
    run();
    waiting = setTimeout(endOfWindow, windowMs);
    waiting.unref();
  };
}
