// Imported first by client tests that run in jsdom: jsdom has no TextEncoder, which react-router needs as it loads.
import { TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder });
