// The funding sources a template names (국비, 시비 …), shared by the plan layout's schema and the book's.
import { z } from "zod";
import type { SourceKey } from "../layout/labels";

export const SOURCE_KEYS = ["national", "city", "province", "district", "county", "fund", "private", "own"] as const satisfies readonly SourceKey[];
// Compile-time proof that SOURCE_KEYS lists every SourceKey (labels.ts owns the union).
type Missing = Exclude<SourceKey, (typeof SOURCE_KEYS)[number]>;
const _allSources: Missing extends never ? true : never = true;
void _allSources;

export const SourceKeySchema = z.enum(SOURCE_KEYS);
