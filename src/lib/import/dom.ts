/**
 * A few ways to look into a parse5 tree: find elements, read attributes and
 * text, take an element out. parse5 reads HTML as browsers do, so an old blog's
 * page or a feed's HTML comes out as readers saw it.
 */
import type { DefaultTreeAdapterTypes as T } from 'parse5';

export type Element = T.Element;
export type ParentNode = T.ParentNode;

export function isElement(node: T.Node): node is T.Element {
  return 'tagName' in node;
}

export function childrenOf(node: T.Node): T.ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Every element under `root`, in document order (templates' contents included). */
export function* elements(root: T.Node): Generator<T.Element> {
  for (const child of childrenOf(root)) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
    if (child.tagName === 'template') yield* elements((child as T.Template).content);
  }
}

export function findAll(root: T.Node, test: (el: T.Element) => boolean): T.Element[] {
  const out: T.Element[] = [];
  for (const el of elements(root)) if (test(el)) out.push(el);
  return out;
}

export function findFirst(root: T.Node, test: (el: T.Element) => boolean): T.Element | undefined {
  for (const el of elements(root)) if (test(el)) return el;
  return undefined;
}

export function hasClass(el: T.Element, name: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(name);
}

/** The text inside a node, as written (no block spacing). */
export function textContent(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return childrenOf(node).map(textContent).join('');
}

/** Take `el` out of its parent. */
export function detach(el: T.ChildNode): void {
  const parent = el.parentNode;
  if (!parent) return;
  const i = parent.childNodes.indexOf(el);
  if (i >= 0) parent.childNodes.splice(i, 1);
}
