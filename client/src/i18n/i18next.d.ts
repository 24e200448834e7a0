import "i18next";
import type en from "./locales/en.json";

// Translation keys are checked: a key outside the catalogue, literal or dynamic, fails the
// type-check (dynamic keys are built from unions of literal types). English is the reference
// catalogue (locales.test.ts checks the other four have the same keys).
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
    keySeparator: false;
  }
}
