import sanitizeHtml from 'sanitize-html';
import { mediaUrl, OWN_MEDIA_PATH, proxiedImageUrl, type ExternalImages } from './external-images';

/**
 * THE allow-list for user content (forum posts and board messages). Anything not listed here is dropped:
 * no script, style, iframe, object, embed, form, svg, math or event handlers; links only to http(s) and mailto;
 * images only over https (an http image would leak readers' addresses to any host and mix content), and
 * those only through Parley's image proxy or as plain links (external-images.ts); own uploads as they are.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'b',
    'i',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    code: ['class'],
    ol: ['start'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Contents of these are dropped with the tag (never turned into text that a later step could re-parse).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes'],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow ugc noopener' },
    }),
  },
  // allowedSchemesByTag does not stop scheme-less (relative) sources, so images need an absolute https URL
  // or a path to an own upload.
  // (An image turned into a link keeps its frame's tag name `img` here, with the link's href.)
  exclusiveFilter: (frame) =>
    frame.tag === 'img' &&
    !frame.attribs.href &&
    !/^https:\/\//i.test(frame.attribs.src ?? '') &&
    !isMediaPath(frame.attribs.src),
};

/** After the image transform: an upload or a proxied image on the app's own origin. */
const isMediaPath = (src: string | undefined) => !!src && /^\/media\/[A-Za-z0-9_-]+(\/[^?#]*)?$/.test(src);

const isOwnMedia = (src: string | undefined) => !!src && OWN_MEDIA_PATH.test(src);

/** Own uploads keep their path (on MEDIA_ORIGIN when set); other images go through the proxy or become links. */
function imageTransform(mode: ExternalImages): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const src = attribs.src ?? '';
    if (isOwnMedia(src)) return { tagName, attribs: { ...attribs, src: mediaUrl(src) } };
    if (!/^https:\/\//i.test(src)) return { tagName, attribs };
    const proxied = mode === 'proxy' ? proxiedImageUrl(src) : null;
    if (proxied) return { tagName, attribs: { ...attribs, src: proxied } };
    return {
      tagName: 'a',
      attribs: { href: src, rel: 'nofollow ugc noopener' },
      text: attribs.alt || attribs.title || src,
    };
  };
}

const BY_MODE: Record<ExternalImages, sanitizeHtml.IOptions> = {
  proxy: { ...OPTIONS, transformTags: { ...OPTIONS.transformTags, img: imageTransform('proxy') } },
  links: { ...OPTIONS, transformTags: { ...OPTIONS.transformTags, img: imageTransform('links') } },
};

export function sanitizeUserHtml(html: string, externalImages: ExternalImages = 'proxy'): string {
  return sanitizeHtml(html, BY_MODE[externalImages]);
}
