// Searching the site's text: where the lookup sends a reader when it is not
// sure, or has nothing. The lookup calls only `siteSearchLink`; a full-text
// search replaces its body and nothing else.

/**
 * The link that searches the site's text for `query`, for pages in the
 * language of `data` (lookup.json): `{ href, label }`. Until the site has a
 * full-text index, it is the index page of that language with the query,
 * where the lookup and the whole list of codes are.
 */
export function siteSearchLink(data, query) {
  const home = homeOf(data);
  return {
    href: home + "?q=" + encodeURIComponent(query.trim()),
    label: data.text.search_text.replace("{query}", query.trim()),
  };
}

/** The index page of the data's language: `/repo/ko/` from `/repo/ko/1008/`. */
export function homeOf(data) {
  const any = data.codes[0];
  return any ? any.url.replace(/[^/]+\/$/, "") : "/" + data.prefix;
}
