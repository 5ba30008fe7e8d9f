import { describe, expect, it } from 'vitest';
import { buildAliasTable } from '../core/alias-table';
import { Matcher } from '../core/matcher';
import { validateDataset } from '../core/validate-dataset';
import { loadBundledDatasetJson } from '../../dataset/index-node';
import { matchPiece, piecesOf, WINDOW_CHARS, type Piece } from './block-pieces';
import type { TextBlock } from './text-blocks';

const bundled = validateDataset(loadBundledDatasetJson());
if (!bundled.ok) throw new Error(bundled.errors.join('; '));
const matcher = new Matcher(buildAliasTable(bundled.dataset));
const block = (text: string) => ({ container: {} as Element, nodes: [], offsets: [], text }) as TextBlock;
const pieces = (b: TextBlock): Piece[] => [...piecesOf([b][Symbol.iterator]())];

describe('block pieces', () => {
  it('keeps a short block whole and cuts a long one into windows that cover it end to end', () => {
    expect(pieces(block('Huawei'))).toEqual([{ block: expect.anything(), from: 0, to: 6 }]);
    const long = block('x'.repeat(WINDOW_CHARS * 2 + 5));
    expect(pieces(long).map(({ from, to }) => [from, to])).toEqual([
      [0, WINDOW_CHARS],
      [WINDOW_CHARS, WINDOW_CHARS * 2],
      [WINDOW_CHARS * 2, WINDOW_CHARS * 2 + 5],
    ]);
  });

  it("finds every name of a long block once, at its offset in the block, those across a window's edge included", () => {
    const sentence = 'Huawei said its Ascend 910B ships while the NVIDIA H20 waits. ';
    const text = sentence.repeat(Math.ceil((WINDOW_CHARS * 3) / sentence.length));
    const whole = matcher.match(text).mentions;
    const long = block(text);
    const byPiece = pieces(long).flatMap((piece) => matchPiece(piece, (t) => matcher.match(t)).mentions);
    expect(pieces(long).length).toBeGreaterThan(2);
    // A window edge falls inside some name: the whole text's mentions are all found, once each.
    expect(byPiece).toEqual(whole);
    for (const m of byPiece.slice(0, 5)) expect(['Huawei', 'Ascend 910B', 'NVIDIA H20']).toContain(text.slice(m.start, m.end));
  });

  it("sees the word boundary at a window's edge: no name is found inside a longer word there", () => {
    // "Huaweix" is not Huawei; the edge falls right before "x".
    const text = `${'y'.repeat(WINDOW_CHARS - 7)} Huaweix and more`;
    const found = pieces(block(text)).flatMap((piece) => matchPiece(piece, (t) => matcher.match(t)).mentions);
    expect(found).toEqual([]);
  });
});
