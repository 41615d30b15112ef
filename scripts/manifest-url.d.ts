// Types for scripts/manifest-url.js (plain CommonJS so webpack.config.js can require it without a build step).
export declare const DEV_ORIGIN: "https://localhost:3000";
export declare function normalizePublicUrl(publicUrl: string): string;
export declare function rewriteManifestUrls(xml: string, publicUrl: string): string;
export declare const CATALOG_PLACEHOLDER: "https://templates.yesan.example";
export declare function rewriteCatalogDomain(xml: string, catalogUrl: string): string;
