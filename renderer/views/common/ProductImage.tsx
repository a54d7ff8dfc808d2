import { safeImageUrl } from './safe-image-url.js';

/** The product's picture, or a neutral tile with its first character when there is no usable URL. */
export function ProductImage({ url, title, className }: { url: string | undefined; title: string; className: string }) {
  const src = safeImageUrl(url);
  if (src === null) {
    return (
      <div className={`${className} product-image--placeholder`} aria-hidden="true">
        {Array.from(title)[0] ?? ''}
      </div>
    );
  }
  return <img className={className} src={src} alt="" referrerPolicy="no-referrer" loading="lazy" />;
}
