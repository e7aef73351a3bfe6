/**
 * The preview pane for posts: the post page's markup (header, hero picture,
 * text, Sources) built from the entry as it is being edited. The CMS renders it
 * with its own React (`window.h`), so nothing else is bundled for it.
 */
import type { CustomPreviewTemplateProps } from '@sveltia/cms';
import { previewHeaderHtml, previewSourcesHtml, type PreviewContext } from '../lib/editor/preview.ts';

type H = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

export function postPreview(ctx: PreviewContext) {
  return function PostPreview({ entry, widgetFor, getAsset }: CustomPreviewTemplateProps) {
    const h = (window as unknown as { h: H }).h;
    const data = ((entry.getIn(['data']) as { toJS?: () => unknown } | undefined)?.toJS?.() ?? {}) as Record<string, unknown>;
    const image = (data.image ?? {}) as { src?: string; alt?: string };
    const picture = image.src ? (getAsset(image.src)?.url ?? image.src) : undefined;
    return h(
      'article',
      { className: 'post wrap-narrow' },
      h('div', { dangerouslySetInnerHTML: { __html: previewHeaderHtml(data, ctx) } }),
      picture ? h('figure', { className: 'hero' }, h('img', { src: picture, alt: image.alt ?? '' })) : null,
      h('div', { className: 'prose' }, widgetFor('body')),
      h('div', { dangerouslySetInnerHTML: { __html: previewSourcesHtml(data.citations) } }),
    );
  };
}
