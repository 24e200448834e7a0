import { useEffect, useState } from "react";
import { scanQueue, type QueueName, type Queued } from "./scanQueue";

/** The queue's items, kept current as scans are added, answered or refused. */
export function useScanQueue<T>(name: QueueName): Queued<T>[] {
  const [items, setItems] = useState<Queued<T>[]>([]);
  useEffect(() => {
    const queue = scanQueue<T>(name);
    let live = true;
    const load = () => void queue.all().then((all) => live && setItems(all));
    load();
    const unsubscribe = queue.subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [name]);
  return items;
}
