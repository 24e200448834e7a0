import { LOCALES, TAXONOMY, companyName, pickText, type Locale } from "@ketnoi/contracts";
import { t, type MessageKey } from "../i18n";
import type { PublicFirm } from "../domain/openData/publicFirms";
import { firmPath, OPEN_DATA_LICENCE, SIZE_LABEL } from "./openData";

/**
 * The public firm pages, written on the server as plain HTML: readable with no JavaScript, by search
 * engines and by screen readers, in the reader's language (?lang=, else Accept-Language). They link
 * to each other, to the statistics page (/data, the client's) and to the open data.
 */
const LABELS = new Map(TAXONOMY.terms.map((term) => [term.code, term.labels]));
const label = (code: string, locale: Locale) => pickText(LABELS.get(code), locale) || code;
const LANGUAGE_NAMES: Record<Locale, string> = { vi: "Tiếng Việt", en: "English", ja: "日本語", ko: "한국어", "zh-Hant": "繁體中文" };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2433;background:#f7f8fa}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}header{display:flex;flex-wrap:wrap;gap:1rem;align-items:baseline}
header nav,footer nav{display:flex;flex-wrap:wrap;gap:1rem}main{background:#fff;border-radius:.5rem}
a{color:#0b5cad}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
ul.firms{columns:18rem}`;

interface PageParts {
  locale: Locale;
  origin: string;
  /** The page's own path (its canonical address, and the language links'). */
  path: string;
  title: string;
  description: string;
  body: string;
}

function page({ locale, origin, path, title, description, body }: PageParts): string {
  const site = t(locale, "openData:siteName");
  const other = LOCALES.filter((l) => l !== locale);
  const alternates = LOCALES.map((l) => `<link rel="alternate" hreflang="${l}" href="${escapeHtml(`${origin}${path}?lang=${l}`)}">`).join("");
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title} – ${site}`)}</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="canonical" href="${escapeHtml(origin + path)}">${alternates}
<style>${STYLE}</style>
</head>
<body>
<header><a href="/cnht/firms?lang=${locale}"><b>${escapeHtml(site)}</b></a>
<nav aria-label="${escapeHtml(site)}"><a href="/cnht/firms?lang=${locale}">${escapeHtml(t(locale, "openData:page.allFirms"))}</a>
<a href="/data">${escapeHtml(t(locale, "openData:page.dataLink"))}</a></nav></header>
<main>
${body}
</main>
<footer><p>${escapeHtml(t(locale, "openData:page.licence", { licence: OPEN_DATA_LICENCE.name }))}
<a href="${OPEN_DATA_LICENCE.url}" rel="license">${OPEN_DATA_LICENCE.name}</a> ·
<a href="/api/open-data/dictionary.json">${escapeHtml(t(locale, "openData:dictionary.title"))}</a></p>
<nav aria-label="${escapeHtml(t(locale, "openData:page.otherLanguages"))}">${other
    .map((l) => `<a href="${escapeHtml(`${path}?lang=${l}`)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`)
    .join("\n")}</nav></footer>
</body>
</html>
`;
}

const list = (items: string[], locale: Locale) =>
  items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : `<p>${escapeHtml(t(locale, "openData:page.none"))}</p>`;

export interface FirmPageProfile {
  firm: PublicFirm;
  description?: Partial<Record<Locale, string>>;
  products: Partial<Record<Locale, string>>[];
  website?: string;
}

/** One firm's page: its name, what it does, its certifications, size and years, in the reader's language. */
export function presentFirmPage({ firm, description, products, website }: FirmPageProfile, locale: Locale, origin: string): string {
  const name = companyName(firm, locale);
  const otherName = [firm.legalName, firm.englishName].find((n) => n && n !== name);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(firm.country) ?? firm.country;
  const sectors = firm.sectors.map((c) => label(c, locale));
  const about = pickText(description, locale);
  const facts: [string, string][] = [
    [t(locale, "openData:page.country"), country],
    ...(firm.district ? ([[t(locale, "openData:page.district"), firm.district]] as [string, string][]) : []),
    [t(locale, "openData:page.size"), t(locale, SIZE_LABEL[firm.sizeBand])],
    [t(locale, "openData:page.years"), firm.years.join(", ")],
  ];
  const section = (title: MessageKey, html: string) => `<h2>${escapeHtml(t(locale, title))}</h2>${html}`;
  const validUntil = (date: string) => t(locale, "openData:page.validUntil", { date: day.format(new Date(date)) });
  const certifications = firm.certifications.map((c) =>
    c.validUntil ? `${label(c.code, locale)} (${validUntil(c.validUntil)})` : label(c.code, locale),
  );
  const productNames = products.map((p) => pickText(p, locale)).filter(Boolean);
  const link = website ? `<a href="${escapeHtml(website)}" rel="nofollow noopener">${escapeHtml(website)}</a>` : "";
  const body = `<article>
<h1>${escapeHtml(name)}</h1>
${otherName ? `<p${otherName === firm.englishName ? ' lang="en"' : ""}>${escapeHtml(otherName)}</p>` : ""}
<p>${escapeHtml(t(locale, firm.kind === "domestic" ? "openData:page.kind.domestic" : "openData:page.kind.foreign"))}</p>
<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>
<h2>${escapeHtml(t(locale, "openData:page.sectors"))}</h2>${list(sectors, locale)}
<h2>${escapeHtml(t(locale, "openData:page.processes"))}</h2>${list(
    firm.processes.map((c) => label(c, locale)),
    locale,
  )}
${section("openData:page.certifications", list(certifications, locale))}
${products.length ? section("openData:page.products", list(productNames, locale)) : ""}
${about ? section("openData:page.about", `<p>${escapeHtml(about)}</p>`) : ""}
${website ? `<p>${escapeHtml(t(locale, "openData:page.website"))}: ${link}</p>` : ""}
</article>`;
  const what = [t(locale, firm.kind === "domestic" ? "openData:page.kind.domestic" : "openData:page.kind.foreign"), ...sectors].join(", ");
  return page({ locale, origin, path: firmPath(firm), title: name, description: t(locale, "openData:page.metaDescription", { name, what }), body });
}

/** Every public firm, linked: what a crawler (or a reader without JavaScript) starts from. */
export function presentFirmIndex(firms: PublicFirm[], locale: Locale, origin: string): string {
  const title = t(locale, "openData:page.firmsTitle");
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t(locale, "openData:page.firmsIntro"))}</p>
<ul class="firms">
${firms.map((f) => `<li><a href="${escapeHtml(`${firmPath(f)}?lang=${locale}`)}">${escapeHtml(companyName(f, locale))}</a></li>`).join("\n")}
</ul>`;
  return page({ locale, origin, path: "/cnht/firms", title, description: t(locale, "openData:page.firmsIntro"), body });
}

/** The page a firm that is not public answers with (404), as a firm that does not exist. */
export function presentFirmNotFound(locale: Locale, origin: string): string {
  const text = t(locale, "openData:page.notFound");
  return page({ locale, origin, path: "/cnht/firms", title: text, description: text, body: `<h1>${escapeHtml(text)}</h1>` });
}

/** The sitemap (sitemaps.org): the statistics page, the firms' index and every public firm's page. */
export function presentSitemap(firms: PublicFirm[], origin: string): string {
  const urls = [`${origin}/data`, `${origin}/cnht/firms`, ...firms.map((f) => `${origin}${firmPath(f)}`)];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`).join("\n")}
</urlset>
`;
}

/** robots.txt: the public pages and the open data may be crawled; the rest of the api may not. */
export function presentRobots(origin: string): string {
  return `User-agent: *
Allow: /api/open-data/
Disallow: /api/
Sitemap: ${origin}/sitemap.xml
`;
}
