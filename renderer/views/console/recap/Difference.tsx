import { signed } from '../../../../shared/format/numbers.js';
import type { Formats } from '../../../i18n/format.js';
import type { MetricKind } from '../../../metrics/metric-kinds.js';
import { windowChange } from '../../../metrics/window-change.js';
import { useI18n } from '../../app-context.js';
import { ChangeBadge } from '../../common/ChangeBadge.js';

/** `value` against `base`: the signed difference and, beside it, the change with its arrow in the 红涨绿跌 (or flipped) colours. */
export function Difference({ kind, value, base, testId }: { kind: MetricKind; value: number | null; base: number | null; testId?: string }) {
  const { fmt } = useI18n();
  if (value === null || base === null) return <span className="change change--none">—</span>;
  const change = windowChange(kind, value, base);
  // A rate's change is already in percentage points: the badge says it all.
  if (kind === 'rate') return <ChangeBadge change={change} className="recap__diff" />;
  const diff = value - base;
  const direction = change?.direction ?? (diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat');
  return (
    <span className="recap__diff" data-testid={testId}>
      <span className={`change change--${direction}`}>{signedDifference(kind, diff, fmt)}</span>
      {change ? <ChangeBadge change={change} /> : null}
    </span>
  );
}

const signedDifference = (kind: MetricKind, diff: number, fmt: Formats) => signed(diff, kind === 'money' ? fmt.money : kind === 'seconds' ? fmt.duration : fmt.count);
