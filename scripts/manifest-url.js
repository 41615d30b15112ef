// Rewrites the manifest's dev-server URLs for a production deployment. webpack.config.js applies it when it copies
// manifest.xml to dist/ in production with YESAN_PUBLIC_URL set; kept apart from the config (plain CommonJS, no
// webpack) so test/manifest-url.test.ts can check it in milliseconds.

/** The origin every URL in the source manifest starts with (the webpack dev server). */
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The public base URL, checked: Office loads add-ins only over https, and a typo here would ship a manifest that
 * sideloads but never opens. A trailing slash is dropped so "https://host/yesan/" and "https://host/yesan" agree.
 * @param {string} publicUrl
 * @returns {string}
 */
function normalizePublicUrl(publicUrl) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`YESAN_PUBLIC_URL is not a URL: "${publicUrl}"`);
  }
  if (url.protocol !== "https:") throw new Error(`YESAN_PUBLIC_URL must be https (Office loads add-ins only over https): "${publicUrl}"`);
  if (url.search !== "" || url.hash !== "") throw new Error(`YESAN_PUBLIC_URL must not have a query or fragment: "${publicUrl}"`);
  return url.href.replace(/\/+$/, "");
}

/**
 * Every `https://localhost:3000` URL in the manifest, with its path kept, moved under `publicUrl`. Only that exact
 * origin is replaced: placeholders such as the template catalog's AppDomain stay as written.
 * @param {string} xml the manifest's text
 * @param {string} publicUrl e.g. "https://addins.example.go.kr/yesan"
 * @returns {string}
 */
function rewriteManifestUrls(xml, publicUrl) {
  const base = normalizePublicUrl(publicUrl);
  // Followed by "/", a quote, "<" or the end: "https://localhost:30000" is not the dev origin.
  return xml.replace(/https:\/\/localhost:3000(?=[/"'<]|$)/g, base);
}

/** The AppDomain placeholder of the office's template catalog in the source manifest. */
const CATALOG_PLACEHOLDER = "https://templates.yesan.example";

/**
 * The manifest with the catalog placeholder replaced by the origin of the office's catalog address (the pane fetches
 * the catalog from there; the server must also allow the add-in's origin by CORS). https only, like the pane.
 * @param {string} xml the manifest's text
 * @param {string} catalogUrl e.g. "https://intra.example.go.kr/yesan/catalog.json"
 * @returns {string}
 */
function rewriteCatalogDomain(xml, catalogUrl) {
  let url;
  try {
    url = new URL(catalogUrl);
  } catch {
    throw new Error(`YESAN_CATALOG_URL is not a URL: "${catalogUrl}"`);
  }
  if (url.protocol !== "https:") throw new Error(`YESAN_CATALOG_URL must be https (Yesan loads catalogs only over https): "${catalogUrl}"`);
  return xml.split(CATALOG_PLACEHOLDER).join(url.origin);
}

module.exports = { DEV_ORIGIN, CATALOG_PLACEHOLDER, normalizePublicUrl, rewriteManifestUrls, rewriteCatalogDomain };
