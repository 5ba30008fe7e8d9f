// Page furniture: navigation, site headers and footers, menus, buttons,
// login and share widgets, ads, cookie banners, link lists. A name there
// ("Sign in with Google", "Apple" in a store badge) is not something the
// reader is reading about, so its mentions are dropped.
//
// Decided with cheap structural signals only: landmarks and roles, tag
// names, class and id words, and link density. It is asked only of blocks
// that have a mention (a few per page), and each element's answer is kept,
// so a page pays for a few ancestor walks, not for every block.

/** Elements that are furniture wherever they stand. */
const FURNITURE_TAGS = new Set(['nav', 'menu', 'dialog', 'form']);
/** Landmarks that are the site's, not the article's, when outside an article or the main content. */
const SITE_LANDMARK_TAGS = new Set(['header', 'footer', 'aside']);
const FURNITURE_ROLES = new Set([
  'navigation',
  'contentinfo',
  'menu',
  'menubar',
  'menuitem',
  'toolbar',
  'tablist',
  'tab',
  'search',
  'dialog',
  'alertdialog',
  'button',
  'tooltip',
]);
/** Roles of the site's landmarks, furniture when outside an article or the main content. */
const SITE_LANDMARK_ROLES = new Set(['banner', 'complementary']);
/** Words in class names and ids that sites give their furniture. */
const FURNITURE_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'menubar',
  'megamenu',
  'breadcrumb',
  'breadcrumbs',
  'footer',
  'sidebar',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'share',
  'sharing',
  'sharebar',
  'social',
  'login',
  'signin',
  'signup',
  'newsletter',
  'subscribe',
  'advert',
  'advertisement',
  'ads',
  'ad',
  'sponsor',
  'sponsored',
  'promo',
  'paywall',
  'masthead',
  'toolbar',
  'popup',
  'modal',
  'related',
  'recommended',
  'trending',
  'outbrain',
  'taboola',
]);

/** What marks the content a wrapper holds: a wrapper of it is never furniture, whatever its class says. */
const CONTENT = 'article, main, [role="main"], h1, [itemprop="articleBody"]';
/** An article or the main content: header, footer and aside inside it are the article's own. */
const CONTENT_ROOT = 'article, main, [role="main"]';

/** A link list's items are this short or shorter (in characters; Chinese says as much in fewer). */
const LINK_ITEM_CHARS = 80;
const LINK_ITEM_CHARS_HAN = 30;
const HAN = /\p{Script=Han}/u;
/** Share of a list item's text inside links that makes it a link. */
const LINK_DENSITY = 0.9;

export class PageFurniture {
  private readonly known = new WeakMap<Element, boolean>();

  /** Whether the block at `container`, holding `text`, is page furniture. */
  isFurniture(container: Element, text: string): boolean {
    return this.within(container) || isLinkListItem(container, text);
  }

  /** Whether `element` or an ancestor is furniture; each element is decided once. */
  private within(element: Element): boolean {
    const chain: Element[] = [];
    let answer = false;
    for (let el: Element | null = element; el; el = el.parentElement) {
      const known = this.known.get(el);
      if (known !== undefined) {
        answer = known;
        break;
      }
      chain.push(el);
      if (isFurnitureElement(el)) {
        answer = true;
        break;
      }
    }
    // Every element passed on the way up shares the answer of the first decided one.
    for (const el of chain) this.known.set(el, answer);
    return answer;
  }
}

function isFurnitureElement(el: Element): boolean {
  const name = el.localName.toLowerCase();
  if (name === 'body' || name === 'html') return false;
  const role = el.getAttribute('role');
  if (FURNITURE_TAGS.has(name) || (role !== null && FURNITURE_ROLES.has(role)) || el.getAttribute('aria-modal') === 'true') return !holdsContent(el);
  if (SITE_LANDMARK_TAGS.has(name) || (role !== null && SITE_LANDMARK_ROLES.has(role))) return !insideContent(el) && !holdsContent(el);
  return hasFurnitureWord(el) && !holdsContent(el);
}

function holdsContent(el: Element): boolean {
  return el.querySelector(CONTENT) !== null;
}

function insideContent(el: Element): boolean {
  return el.parentElement?.closest(CONTENT_ROOT) != null;
}

/** Class and id words: "site-footer", "cookieBanner", "share_buttons" (not "download" or "header"). */
function hasFurnitureWord(el: Element): boolean {
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
  if (names.length <= 1) return false;
  for (const word of names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/))
    if (FURNITURE_WORDS.has(word)) return true;
  return false;
}

/**
 * A short list item that is nearly all link text: a menu entry, a tag, a
 * "related stories" headline. An article's own sentences have a link or
 * two in running text, far below this density.
 */
function isLinkListItem(container: Element, text: string): boolean {
  const item = container.localName.toLowerCase() === 'li' ? container : container.parentElement?.closest('li');
  if (!item) return false;
  const length = text.trim().length;
  if (length > (HAN.test(text) ? LINK_ITEM_CHARS_HAN : LINK_ITEM_CHARS)) return false;
  let linked = 0;
  for (const link of item.querySelectorAll('a')) linked += (link.textContent ?? '').trim().length;
  const total = (item.textContent ?? '').trim().length;
  return total > 0 && linked / total >= LINK_DENSITY;
}
