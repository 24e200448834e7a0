import { LRUCache } from "lru-cache";

/**
 * A JSON answer serialized once, for the many requests that get the same one (a directory page every
 * visitor opens). Serializing it, turning it to bytes and hashing them for the entity tag were most of
 * the api's time on such a request: now once per answer.
 */
export interface PreparedJson {
  bytes: Buffer;
  /** Express's entity tag of the bytes, set when first sent (it follows the app's "etag" setting). */
  etag?: string;
}

const prepare = (body: unknown): PreparedJson => ({ bytes: Buffer.from(JSON.stringify(body)) });

/**
 * The answers of recent requests by a key that changes whenever the answer would (what a request asks
 * and the version of the data it is answered from): the least recently used go first.
 */
export function preparedJsonCache(max: number) {
  const answers = new LRUCache<string, PreparedJson>({ max });
  return (key: string, body: () => unknown): PreparedJson => {
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = prepare(body())));
    return answer;
  };
}

/**
 * Answers kept with the object they are made from (a ranking a service keeps until anything it rests on
 * changes, when it makes a new one), in each variant asked (the reader's language): gone with it.
 */
export function preparedJsonOf<Source extends object>() {
  const answers = new WeakMap<Source, Map<string, PreparedJson>>();
  return (source: Source, variant: string, body: () => unknown): PreparedJson => {
    let variants = answers.get(source);
    if (!variants) answers.set(source, (variants = new Map()));
    let answer = variants.get(variant);
    if (!answer) variants.set(variant, (answer = prepare(body())));
    return answer;
  };
}
