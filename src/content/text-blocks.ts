// Reads a page's text the way a reader sees it: text inside one block is
// joined across inline elements, so "<b>Hua</b>wei" is one word, while
// separate paragraphs, table cells and line breaks stay apart.

/** Elements whose text is code, input or otherwise not prose to annotate. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'MATH', 'HEAD', 'TITLE',
]);

/** Elements that flow inside a line; anything else starts a new block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK',
  'Q', 'RUBY', 'RB', 'RP', 'RT', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT',
  'U', 'VAR', 'WBR', 'INS', 'DEL', 'LABEL', 'NOBR',
]);

export interface TextBlock {
  /** The nearest non-inline ancestor: the unit that gets re-read on change. */
  container: Element;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  offsets: number[];
  text: string;
}

export function isSkipped(element: Element, ignore: (el: Element) => boolean): boolean {
  return SKIP.has(element.tagName.toUpperCase()) || (element as HTMLElement).isContentEditable === true || ignore(element);
}

export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.tagName.toUpperCase());
}

/** The block an added or changed node belongs to (itself, if it is one). */
export function containerOf(node: Node): Element | null {
  if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) return node as Element;
  return blockContainer(node);
}

export function blockContainer(node: Node): Element | null {
  let element = node.parentElement;
  while (element && INLINE.has(element.tagName.toUpperCase()) && element.parentElement) element = element.parentElement;
  return element;
}

/**
 * The text blocks under `root` (itself included). `ignore` marks elements of
 * our own, such as the tooltip host, whose subtrees are never read.
 */
export function collectBlocks(root: Node, ignore: (el: Element) => boolean = () => false): TextBlock[] {
  return [...iterateBlocks(root, ignore)];
}

/**
 * The same blocks, one at a time in document order, so that a caller can
 * read a huge page in slices, starting with what is on screen.
 */
export function* iterateBlocks(root: Node, ignore: (el: Element) => boolean = () => false): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  const top = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
  if (top && hasSkippedAncestor(top, ignore)) return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkipped(node as Element, ignore) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let current: TextBlock | undefined;
  const hasWords = (block: TextBlock | undefined): block is TextBlock => !!block && /[\p{L}\p{N}]/u.test(block.text);
  for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      // A line break or a nested block ends the running block.
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'BR' || !INLINE.has(tag)) {
        if (hasWords(current)) yield current;
        current = undefined;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (data.length === 0) continue;
    const container = blockContainer(text);
    if (!container) continue;
    if (current && current.container !== container) {
      if (hasWords(current)) yield current;
      current = undefined;
    }
    current ??= { container, nodes: [], offsets: [], text: '' };
    current.nodes.push(text);
    current.offsets.push(current.text.length);
    current.text += data;
  }
  if (hasWords(current)) yield current;
}

function hasSkippedAncestor(element: Element, ignore: (el: Element) => boolean): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) if (isSkipped(el, ignore)) return true;
  return false;
}

/** The text node and offset inside it for an offset in the block's text. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
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
  const node = block.nodes[lo]!;
  return { node, offset: offset - block.offsets[lo]! };
}
