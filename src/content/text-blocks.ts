// Reads a page's text the way a reader sees it: text inside one block is
// joined across inline elements, so "<b>Hua</b>wei" is one word, while
// separate paragraphs, table cells and line breaks stay apart.

/** Elements whose text is code, input or otherwise not prose to annotate (by local name). */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'svg',
  'math',
  'head',
  'title',
]);

/** Elements that flow inside a line; anything else starts a new block. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  'ruby',
  'rb',
  'rp',
  'rt',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'ins',
  'del',
  'label',
  'nobr',
]);

export interface TextBlock {
  /** The nearest non-inline ancestor: the unit that gets re-read on change. */
  container: Element;
  /** The text nodes listed so far, in order. */
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  offsets: number[];
  text: string;
  /**
   * A block read whole through `textContent`: its nodes are listed only when
   * a mention needs them, and only as far as it needs (see `locate`).
   */
  whole?: { listed: number; done: boolean; length: number };
}

/**
 * Any descendant that is not plain inline markup, or is editable: a block
 * without one is read whole through `textContent`, one call into the browser
 * instead of one per node, and its text nodes are listed only if it has a
 * mention. (Our own elements and skipped ones are not inline, so they match.)
 */
const NOT_PLAIN = `:not(${[...INLINE].join(',')}),[contenteditable]`;

// Tag names are compared in lower case: `localName` is lower case for HTML,
// and XHTML pages write their tags that way too.
const nameOf = (element: Element) => element.localName.toLowerCase();

// isContentEditable needs up-to-date style: on a big page whose style is
// dirty it can take tens of milliseconds, so it is asked only of elements
// inside a contenteditable attribute.
function isEditable(element: Element): boolean {
  return element.closest('[contenteditable]') !== null && (element as HTMLElement).isContentEditable === true;
}

export function isInlineElement(element: Element): boolean {
  return INLINE.has(nameOf(element));
}

/** The block an added or changed node belongs to (itself, if it is one). */
export function containerOf(node: Node): Element | null {
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) return node as Element;
  return blockContainer(node);
}

export function blockContainer(node: Node): Element | null {
  let element = node.parentElement;
  while (element && INLINE.has(nameOf(element)) && element.parentElement) element = element.parentElement;
  return element;
}

const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Whether a block's text has a letter or digit. Most show a Latin, Cyrillic
 * or Chinese one within their first characters: looking for it first spares
 * the engine compiling the expression (over a millisecond of every page's
 * first moments), which then only blocks without one need.
 */
function hasWordsIn(text: string): boolean {
  const first = Math.min(text.length, 64);
  for (let i = 0; i < first; i++) {
    const code = text.charCodeAt(i);
    const lower = code | 0x20;
    if ((code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a) || (code >= 0x0410 && code <= 0x044f) || (code >= 0x4e00 && code <= 0x9fff))
      return true;
  }
  return HAS_WORDS.test(text);
}

/** Where a walk starts and stops, for reading the part of a page on screen first. */
export interface WalkBounds {
  /** Start at this element (inside the root) instead of the root. */
  from?: Element;
  /** Stop on reaching this element; may be set while the walk is under way. */
  until?: Element;
  /** Set by the walk: the last node it reached. */
  reached?: Node;
  /**
   * Set by the walk when it ends because the page removed the node it had
   * come to while it waited: the rest of the page is then unread.
   */
  lost?: boolean;
}

/**
 * The text blocks under `root` (itself included), one at a time in document
 * order, so that a caller can read a huge page in slices, starting with what
 * is on screen. `ignore` marks elements of our own, such as the tooltip
 * host, whose subtrees are never read.
 */
export function* iterateBlocks(root: Node, ignore: (el: Element) => boolean = () => false, bounds: WalkBounds = {}): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  const top = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
  if (top && hasSkippedAncestor(top, ignore)) return;
  if (bounds.from && hasSkippedAncestor(bounds.from, ignore)) return;
  // Editable regions are found once up front, so that the walk needs no
  // per-element check for them (most pages have none).
  if (doc.designMode === 'on') return;
  const editable = editableWithin(root);
  // No filter callback: calling into script for every node makes a walk
  // about eight times slower. Skipped subtrees are stepped over instead.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: TextBlock | undefined;
  const hasWords = (block: TextBlock | undefined): block is TextBlock => !!block && hasWordsIn(block.text);
  if (bounds.from) walker.currentNode = bounds.from;
  // A caller may leave the walk waiting for long (until the reader scrolls);
  // a walker left on a node the page removed would end there, quietly.
  const lost = () => {
    if (walker.currentNode.isConnected) return false;
    bounds.lost = true;
    return true;
  };
  let node: Node | null = walker.currentNode;
  while (node) {
    if (node === bounds.until) break;
    bounds.reached = node;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      const name = nameOf(element);
      if (SKIP.has(name) || editable.has(element) || ignore(element)) {
        if (hasWords(current)) {
          yield current;
          if (lost()) return;
        }
        current = undefined;
        node = node === root ? null : stepOver(walker, root);
        continue;
      }
      // A line break or a nested block ends the running block.
      if (name === 'br' || !INLINE.has(name)) {
        if (hasWords(current)) {
          yield current;
          if (lost()) return;
        }
        current = undefined;
        if (name !== 'br' && element.querySelector(NOT_PLAIN) === null) {
          const text = element.textContent ?? '';
          const whole: TextBlock = { container: element, nodes: [], offsets: [], text, whole: { listed: 0, done: false, length: text.length } };
          if (hasWords(whole)) {
            yield whole;
            if (lost()) return;
          }
          node = node === root ? null : stepOver(walker, root);
          continue;
        }
      }
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    const data = text.data;
    node = walker.nextNode();
    if (data.length === 0) continue;
    const container = blockContainer(text);
    if (!container) continue;
    if (current && current.container !== container) {
      if (hasWords(current)) {
        yield current;
        if (lost()) return;
      }
      current = undefined;
    }
    current ??= { container, nodes: [], offsets: [], text: '' };
    current.nodes.push(text);
    current.offsets.push(current.text.length);
    current.text += data;
  }
  if (hasWords(current)) yield current;
}

/** The node after the walker's current node and everything inside it. */
function stepOver(walker: TreeWalker, root: Node): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    const parent = walker.parentNode();
    if (!parent || parent === root) return null;
  }
}

/** Elements under `root` that are editable: their subtrees are not read. */
function editableWithin(root: Node): Set<Element> {
  const found = new Set<Element>();
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return found;
  for (const element of (root as ParentNode).querySelectorAll('[contenteditable]')) {
    if ((element as HTMLElement).isContentEditable) found.add(element);
  }
  return found;
}

function hasSkippedAncestor(element: Element, ignore: (el: Element) => boolean): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) if (SKIP.has(nameOf(el)) || ignore(el)) return true;
  // Editability is inherited: the element's own answer covers its ancestors.
  return isEditable(element);
}

/**
 * Lists a block read whole until its nodes reach `offset` (go past it, for
 * a start): mentions are located in order, so no node is listed twice.
 */
function listTo(block: TextBlock, offset: number, preferEnd: boolean): void {
  const whole = block.whole;
  if (!whole || whole.done) return;
  const container = block.container;
  if (block.nodes.length === 0) {
    // Many paragraphs are one text node: no walker needed.
    const only = container.firstChild;
    if (only && only === container.lastChild && only.nodeType === Node.TEXT_NODE) {
      block.nodes.push(only as Text);
      block.offsets.push(0);
      whole.done = true;
      return;
    }
  }
  const walker = textWalker(container.ownerDocument);
  walker.currentNode = block.nodes[block.nodes.length - 1] ?? container;
  const length = whole.length;
  // The walker goes on past the block: it stops when the block's text is
  // all listed, since the block's nodes make up exactly that text.
  while (whole.listed < length && (whole.listed < offset || (!preferEnd && whole.listed === offset))) {
    const node = walker.nextNode() as Text | null;
    if (!node) break;
    const size = node.data.length;
    if (size === 0) continue;
    block.nodes.push(node);
    block.offsets.push(whole.listed);
    whole.listed += size;
  }
  if (whole.listed >= length) whole.done = true;
}

// One walker per document, moved to each block: a walker made per block
// costs an object in the browser and in script for every paragraph.
let shared: TreeWalker | undefined;
function textWalker(doc: Document): TreeWalker {
  // CDATA sections are text too: `textContent` includes them.
  if (shared?.root !== doc) shared = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
  return shared;
}

/** Whether the block's text is still in the page as it was read. */
export function isConnectedBlock(block: TextBlock): boolean {
  return block.whole ? block.container.isConnected : block.nodes.every((n) => n.isConnected);
}

/** The text node and offset inside it for an offset in the block's text. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  listTo(block, offset, preferEnd);
  const nodes = block.nodes;
  // Binary search for the last node that starts at or before `offset`.
  let lo = 0;
  let hi = block.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.offsets[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  // An end offset that falls exactly on a node boundary belongs to the node before.
  if (preferEnd && lo > 0 && block.offsets[lo] === offset) lo--;
  const node = nodes[lo]!;
  return { node, offset: offset - block.offsets[lo]! };
}
