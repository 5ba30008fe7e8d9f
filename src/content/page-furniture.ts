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
/**
 * What marks content inside an aside: not an `<article>`, since a sidebar
 * lists other stories as articles ("latest", "most read"); only the main
 * content or the page's title would make an aside more than a sidebar.
 */
const ASIDE_CONTENT = 'main, [role="main"], h1, [itemprop="articleBody"]';
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
    return this.within(container) || isLinkListItem(container, text) || isLinkRow(container) || isTeaser(container, text);
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
  if (name === 'aside' || role === 'complementary') return (!insideContent(el) || listsStories(el)) && !holdsContent(el, ASIDE_CONTENT);
  if (SITE_LANDMARK_TAGS.has(name) || (role !== null && SITE_LANDMARK_ROLES.has(role))) return !insideContent(el) && !holdsContent(el);
  return hasFurnitureWord(el) && !holdsContent(el);
}

/** Share of an aside's text in links that makes it a list of other pages. */
const STORY_LIST_LINK_SHARE = 0.5;

/**
 * Whether an aside lists other stories ("latest", "most read"): two or more
 * articles, or mostly links. Such a sidebar is furniture even inside the main
 * content, where an aside is otherwise the article's own box (an explainer,
 * a pull quote).
 */
function listsStories(aside: Element): boolean {
  if (aside.querySelectorAll('article').length >= 2) return true;
  const total = visibleLength(aside.textContent);
  return total > 0 && linkedLength(aside) / total >= STORY_LIST_LINK_SHARE;
}

function holdsContent(el: Element, content = CONTENT): boolean {
  for (const found of el.querySelectorAll(content)) if (!isLinkedCard(found)) return true;
  return false;
}

/**
 * A "related stories" card: an `<article>` (or heading) that is a link to
 * another page, or nearly all link text. Lists of them are marked up as
 * articles, and must not make their wrapper count as the page's content.
 */
function isLinkedCard(content: Element): boolean {
  if (content.localName.toLowerCase() === 'main' || content.getAttribute('role') === 'main') return false;
  if (linkTo(content)) return true;
  const total = visibleLength(content.textContent);
  return total > 0 && linkedLength(content) / total >= LINK_DENSITY;
}

/** The link to another page that `el` sits inside, if any (links within the page, "#…", do not count). */
function linkTo(el: Element): Element | null {
  const link = el.closest('a[href]');
  return link && !(link.getAttribute('href') ?? '').startsWith('#') ? link : null;
}

/** Characters that say something: no spaces or separators between links. */
function visibleLength(text: string | null): number {
  return (text ?? '').replace(/[\s,;|·•/]+/g, '').length;
}

function linkedLength(el: Element): number {
  let linked = 0;
  for (const link of el.querySelectorAll('a')) linked += visibleLength(link.textContent);
  return linked;
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

/** Share of a row's text inside three or more links that makes it a link row (a label such as "Tags:" may lead). */
const LINK_ROW_DENSITY = 0.75;

/**
 * A row of links that is not a list: tags ("Tags: gadgets, gaming,
 * microsoft"), "more from" lines, a link bar. Short links make nearly all of
 * its text; an article's sentence with links in it has words between them.
 */
function isLinkRow(container: Element): boolean {
  const links = container.querySelectorAll('a');
  if (links.length < 2) return false;
  const total = visibleLength(container.textContent);
  const linked = linkedLength(container);
  const density = links.length >= 3 ? LINK_ROW_DENSITY : LINK_DENSITY;
  return total > 0 && linked / total >= density && linked / links.length <= LINK_ITEM_CHARS;
}

/** Headline-length blocks of a teaser: a headline or caption inside a link to another page. */
const TEASER_CHARS = 200;
const TEASER_CHARS_HAN = 80;

/**
 * A block inside a link to another page: the headline of a teaser card
 * ("related", "more stories"), which a site wraps whole in a link. Not the
 * page's own title (an `h1`), which some blogs link to its permalink.
 */
function isTeaser(container: Element, text: string): boolean {
  if (container.closest('h1') || !linkTo(container)) return false;
  return text.trim().length <= (HAN.test(text) ? TEASER_CHARS_HAN : TEASER_CHARS);
}
