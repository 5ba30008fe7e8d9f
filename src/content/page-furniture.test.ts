// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageFurniture } from './page-furniture';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Whether the element with id `id` is furniture, on a page of `html`. */
function furniture(html: string, id: string): boolean {
  document.body.innerHTML = html;
  const element = document.getElementById(id)!;
  return new PageFurniture().isFurniture(element, element.textContent ?? '');
}

describe('page furniture', () => {
  it('finds navigation, menus, dialogs and buttons by tag and role', () => {
    expect(furniture('<nav><p id="x">Apple Google</p></nav>', 'x')).toBe(true);
    expect(furniture('<div role="navigation"><p id="x">Apple</p></div>', 'x')).toBe(true);
    expect(furniture('<div role="button"><span><p id="x">Sign in with Google</p></span></div>', 'x')).toBe(true);
    expect(furniture('<div aria-modal="true"><p id="x">We use cookies</p></div>', 'x')).toBe(true);
    expect(furniture('<form><label><p id="x">Sign in with Google</p></label></form>', 'x')).toBe(true);
  });

  it("takes the site's header, footer and aside as furniture, not the article's own", () => {
    expect(furniture('<header><p id="x">Google</p></header><main><p>Text</p></main>', 'x')).toBe(true);
    expect(furniture('<footer><p id="x">Apple</p></footer>', 'x')).toBe(true);
    expect(furniture('<aside><p id="x">Apple</p></aside>', 'x')).toBe(true);
    expect(furniture('<article><header><p id="x">NVIDIA halts H20</p></header></article>', 'x')).toBe(false);
    expect(furniture('<main><aside><p id="x">What is the Entity List?</p></aside></main>', 'x')).toBe(false);
    // A sidebar lists other stories as articles; they do not make it the page's content.
    expect(furniture('<aside><article class="o-hit"><h2 id="x">AMD vows to fix flaws</h2></article></aside>', 'x')).toBe(true);
    expect(furniture('<aside><h1 id="x">NVIDIA halts H20</h1></aside>', 'x')).toBe(false);
    // Inside the main content too, when it lists stories rather than explains.
    const stories = '<article><h2 id="x">AMD vows to fix flaws</h2></article><article><h2>Google buys Lytro</h2></article>';
    expect(furniture(`<main><p>Text</p><aside>${stories}</aside></main>`, 'x')).toBe(true);
    expect(furniture('<main><aside><p id="x">Google said</p><a href="/a">More on Google</a> <a href="/b">Apple news</a></aside></main>', 'x')).toBe(true);
    expect(furniture('<article><aside><p id="x">The Entity List, kept by BIS, names firms that need a licence.</p></aside></article>', 'x')).toBe(false);
    expect(furniture('<div role="main"><footer><p id="x">Reporting by Reuters</p></footer></div>', 'x')).toBe(false);
  });

  it('reads class and id words, including camel case, but not words that merely contain them', () => {
    expect(furniture('<div class="site-footer"><p id="x">Apple</p></div>', 'x')).toBe(true);
    expect(furniture('<div id="cookieBanner"><p id="x">Google Analytics</p></div>', 'x')).toBe(true);
    expect(furniture('<div class="share_buttons"><p id="x">Share on Google</p></div>', 'x')).toBe(true);
    expect(furniture('<div class="download header"><p id="x">Apple</p></div>', 'x')).toBe(false);
    expect(furniture('<div class="shared-content"><p id="x">Apple</p></div>', 'x')).toBe(false);
  });

  it('never takes a wrapper of the content for furniture, whatever its class', () => {
    expect(furniture('<div class="page has-sidebar"><article><p id="x">Google TPU</p></article></div>', 'x')).toBe(false);
    expect(furniture('<form id="aspnetForm"><h1>Title</h1><p id="x">Google TPU</p></form>', 'x')).toBe(false);
    expect(furniture('<header><h1 id="x">NVIDIA halts H20 production</h1></header>', 'x')).toBe(false);
  });

  it('takes short list items of links for furniture, not list items that say something', () => {
    expect(furniture('<ul><li id="x"><a href="/a">Apple</a></li></ul>', 'x')).toBe(true);
    expect(furniture('<ul><li id="x"><a href="/a">谷歌</a></li></ul>', 'x')).toBe(true);
    expect(furniture('<ul><li id="x">Google said on <a href="/a">Tuesday</a> it would buy more chips.</li></ul>', 'x')).toBe(false);
    expect(furniture('<p id="x"><a href="/a">Google</a></p>', 'x')).toBe(false);
  });

  it('takes a row of links (tags, a link bar) for furniture, not a sentence with links in it', () => {
    expect(furniture('<div id="x">Tags: <a href="/t/gear">gear</a>, <a href="/t/microsoft">microsoft</a>, <a href="/t/amd">AMD</a></div>', 'x')).toBe(true);
    expect(furniture('<p id="x"><a href="/a">Google</a> and <a href="/b">Apple</a> said on Tuesday they would buy more chips.</p>', 'x')).toBe(false);
    expect(
      furniture('<p id="x">The <a href="/a">BIS rule</a>, <a href="/b">NVIDIA\'s filing</a> and <a href="/c">AMD\'s</a> say when H20 licences began.</p>', 'x'),
    ).toBe(false);
  });

  it('takes the headline of a teaser card (a block inside a link elsewhere) for furniture, not the title or a link within the page', () => {
    expect(furniture('<a href="/2018/google-lytro"><article><h2 id="x">Google is reportedly acquiring Lytro</h2></article></a>', 'x')).toBe(true);
    expect(furniture('<a href="/story"><div><p id="x">谷歌据报收购</p></div></a>', 'x')).toBe(true);
    expect(furniture('<article><h1><a href="/permalink"><span id="x">NVIDIA halts H20</span></a></h1></article>', 'x')).toBe(false);
    expect(furniture('<h2><a href="#h20"><span id="x">The H20</span></a></h2>', 'x')).toBe(false);
  });

  it('does not let teaser cards marked up as articles make their wrapper content', () => {
    const related = (cards: string) => `<section class="context_nav__related">${cards}</section>`;
    expect(furniture(related('<a href="/a"><article><div id="x">AMD vows to fix flaws</div></article></a>'), 'x')).toBe(true);
    expect(furniture(related('<article><h3><a href="/a" id="x">AMD vows to fix flaws</a></h3></article>'), 'x')).toBe(true);
    // An article that says something is still content, whatever its wrapper's class.
    expect(furniture(related('<article><p id="x">AMD said it would fix the flaws in its chips within weeks.</p></article>'), 'x')).toBe(false);
  });

  it('decides each element once for a run', () => {
    document.body.innerHTML = '<nav id="n"><p id="a">Apple</p><p id="b">Google</p></nav>';
    const furniture = new PageFurniture();
    const nav = document.getElementById('n')!;
    const a = document.getElementById('a')!;
    expect(furniture.isFurniture(a, 'Apple')).toBe(true);
    // Answers are kept per element: `a` keeps its answer once the nav is
    // gone, while `b`, never asked before, is decided afresh.
    nav.replaceWith(...nav.childNodes);
    expect(furniture.isFurniture(document.getElementById('b')!, 'Google')).toBe(false);
    expect(furniture.isFurniture(a, 'Apple')).toBe(true);
  });
});
