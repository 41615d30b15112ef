// The templates area of the core: schema and types, validation, and (layout.ts) the sheet plan of a template.
export * from "./schema";
export * from "./validate";
export { TEMPLATE_MSG } from "./messages";
export * from "./layout";
