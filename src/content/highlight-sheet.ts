// The styles of ChipLens's highlights, put on the page only while it paints
// there. A stylesheet in the manifest would be on every page, even where
// ChipLens is paused or off, and a page can read a `::highlight()` style
// (getComputedStyle with the pseudo-element) to learn that it is installed.
// While ChipLens is on, a page can see this sheet in adoptedStyleSheets and
// the highlights' names in CSS.highlights: the README says so.
import { highlightCss } from './kind-colours';

let sheet: CSSStyleSheet | undefined;

/**
 * The document's adopted sheets, changed in place. Firefox shows this script
 * the page's array through an Xray wrapper that refuses changes and
 * arrays from the script's own world: the page's own view of the array
 * (wrappedJSObject) is changed there, by push and splice, which only pass
 * the sheet itself across.
 */
function adoptedOf(doc: Document): CSSStyleSheet[] {
  const page = __CHIPLENS_FIREFOX__ ? ((doc as Document & { wrappedJSObject?: Document }).wrappedJSObject ?? doc) : doc;
  return page.adoptedStyleSheets;
}

function ownSheet(doc: Document): CSSStyleSheet {
  if (!sheet) {
    const view = (__CHIPLENS_FIREFOX__ ? ((doc.defaultView as Window & { wrappedJSObject?: Window }).wrappedJSObject ?? doc.defaultView) : doc.defaultView) as
      | (Window & typeof globalThis)
      | null;
    sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(highlightCss());
  }
  return sheet;
}

/** Puts the highlight styles on `doc`, unless they are there (a page may replace its adopted sheets: called again, it puts them back). */
export function adoptHighlightSheet(doc: Document = document): void {
  const own = ownSheet(doc);
  const adopted = adoptedOf(doc);
  if (!adopted.includes(own)) adopted.push(own);
}

/** Takes the highlight styles off `doc`. */
export function dropHighlightSheet(doc: Document = document): void {
  if (!sheet) return;
  const adopted = adoptedOf(doc);
  const at = adopted.indexOf(sheet);
  if (at !== -1) adopted.splice(at, 1);
}
