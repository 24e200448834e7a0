export * from "./locales";
export * from "./errors";
export * from "./health";
export * from "./taxonomy";
export * from "./text";
export * from "./fair";
export * from "./company";
export * from "./realtime";
