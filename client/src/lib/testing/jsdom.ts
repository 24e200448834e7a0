// Imported first by client tests that run in jsdom: jsdom has no TextEncoder/TextDecoder, which
// react-router and jose (through @ketnoi/contracts) need as they load.
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
