// Mentions are kept as StaticRanges (they cost the page nothing while the
// text stays put), but only a live Range can measure itself. One place turns
// the one into the other, and takes a range the text changed under as gone.

/** A live Range over `range`, or undefined when its nodes no longer hold those offsets. */
export function liveRange(range: AbstractRange): Range | undefined {
  const live = document.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return undefined;
  }
  return live;
}

/** The first line box of `range`, where a tooltip anchors; undefined when it is gone. */
export function firstBox(range: AbstractRange): DOMRect | undefined {
  const live = liveRange(range);
  return live ? (live.getClientRects()[0] ?? live.getBoundingClientRect()) : undefined;
}
