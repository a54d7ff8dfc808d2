import { useI18n } from '../../app-context.js';

/** One horizontal bar split into parts (CSS, no canvas), `scale` being the value of a full-width bar; the parts are also named in text for screen readers. */
export function StackedBar({ parts, scale, label }: { parts: readonly { key: string; value: number; name: string }[]; scale: number; label: string }) {
  const { fmt } = useI18n();
  const shown = parts.filter((p) => p.value > 0);
  return (
    <div className="recap__bar" role="img" aria-label={`${label}: ${shown.map((p) => `${p.name} ${fmt.count(p.value)}`).join(', ')}`}>
      {shown.map((p) => (
        <span key={p.key} className={`recap__bar-part recap__layer--${p.key}`} style={{ width: `${scale > 0 ? (p.value / scale) * 100 : 0}%` }} title={`${p.name} ${fmt.count(p.value)}`} />
      ))}
    </div>
  );
}
