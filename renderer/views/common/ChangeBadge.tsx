import { useI18n } from '../app-context.js';
import type { WindowChange } from '../../metrics/window-change.js';

const arrows = { up: '▲', down: '▼', flat: '■' } as const;

/** A window's change with its arrow, coloured by the user's up/down convention (红涨绿跌 by default). */
export function ChangeBadge({ change, className = '' }: { change: WindowChange | null; className?: string }) {
  const { fmt } = useI18n();
  if (change === null) return <span className={`change change--none ${className}`}>—</span>;
  return (
    <span className={`change change--${change.direction} ${className}`}>
      <span aria-hidden="true">{arrows[change.direction]}</span>
      {change.direction === 'flat' ? null : fmt.change(change)}
    </span>
  );
}
