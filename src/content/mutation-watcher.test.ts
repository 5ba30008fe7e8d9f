// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MutationWatcher, type PageChanges } from './mutation-watcher';

/** A watcher on the body that hands each flush to the returned list, with no delay. */
function watch(ignore: (el: Element) => boolean = () => false) {
  const flushed: PageChanges[] = [];
  const watcher = new MutationWatcher(ignore, (changes) => flushed.push(changes), 0);
  watcher.start(document.body);
  return { watcher, flushed };
}

/** Lets the observer deliver its records and the flush timer run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('MutationWatcher', () => {
  it('hands on appended blocks as roots, only the outermost of nested ones, in one flush', async () => {
    const { watcher, flushed } = watch();
    const list = document.createElement('div');
    document.body.append(list);
    for (let i = 0; i < 50; i++) list.append(Object.assign(document.createElement('p'), { textContent: `item ${i}` }));
    const outer = document.createElement('section');
    const inner = document.createElement('div');
    outer.append(inner);
    document.body.append(outer);
    inner.append(document.createElement('p'));
    await settle();
    expect(flushed).toHaveLength(1);
    // The list holds the 50 paragraphs: it alone is read again; the section likewise holds its inner blocks.
    expect(flushed[0]!.roots).toEqual([list, outer]);
    watcher.stop();
  });

  it('marks the block whose text changed, including through inline markup, and hands it on', async () => {
    document.body.innerHTML = '<p id="a">Hua<b>wei</b></p><p id="b">NVIDIA</p>';
    const { watcher, flushed } = watch();
    document.querySelector('b')!.firstChild!.textContent = 'WEI';
    document.getElementById('b')!.append(' H20');
    await settle();
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    expect(flushed[0]!.changedBlocks.sort((x, y) => x.id.localeCompare(y.id))).toEqual([a, b]);
    expect(flushed[0]!.roots).toHaveLength(2);
    watcher.stop();
  });

  it('reports removed blocks, but not one moved elsewhere (it is read again there)', async () => {
    document.body.innerHTML = '<div id="from"><p id="gone">Huawei</p><p id="moved">NVIDIA</p></div><div id="to"></div>';
    const { watcher, flushed } = watch();
    const gone = document.getElementById('gone')!;
    const moved = document.getElementById('moved')!;
    gone.remove();
    document.getElementById('to')!.append(moved);
    await settle();
    expect(flushed[0]!.removed).toEqual([gone]);
    expect(flushed[0]!.roots).toEqual([moved]);
    watcher.stop();
  });

  it("passes over changes inside ChipLens's own elements", async () => {
    const own = document.createElement('chiplens-tooltip');
    document.body.append(own);
    const { watcher, flushed } = watch((el) => el.localName === 'chiplens-tooltip');
    own.append(document.createElement('p'));
    own.textContent = 'changed';
    await settle();
    expect(flushed).toEqual([]);
    watcher.stop();
  });

  it('sorts thousands of changes in work proportional to them, not to their square', async () => {
    const { watcher, flushed } = watch();
    const contains = vi.spyOn(Node.prototype, 'contains');
    for (let i = 0; i < 2000; i++) document.body.append(document.createElement('p'));
    await settle();
    expect(flushed[0]!.roots).toHaveLength(2000);
    // Comparing each root with every other took 2000 × 2000 `contains` calls.
    expect(contains.mock.calls.length).toBeLessThan(2000);
    watcher.stop();
  });
});
