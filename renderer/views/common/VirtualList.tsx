import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';

/** Rows rendered beyond the visible ones on each side, so fast scrolling does not show blanks. */
const OVERSCAN = 8;

interface VirtualListProps {
  count: number;
  /** Every row has this height: it is what lets the list place row N without measuring rows 0…N−1. */
  rowHeight: number;
  /** Changes whenever the rows do (they may change in place); a following list then scrolls to the end. */
  contentVersion: number;
  renderRow(index: number): ReactNode;
  /** The label of the "jump to the newest" button shown while the user reads older rows. */
  newRowsLabel(count: number): string;
  className?: string;
  /** Marks the scrolling element for tests and benchmarks. */
  testId?: string;
}

/**
 * A list that renders only the rows in view, for streams of 100,000 rows.
 * It follows the end (newest at the bottom, like a chat) until the user
 * scrolls up, and follows again once they scroll back down.
 */
export function VirtualList({ count, rowHeight, contentVersion, renderRow, newRowsLabel, className = '', testId }: VirtualListProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [following, setFollowing] = useState(true);
  const [countWhenLeft, setCountWhenLeft] = useState(0);

  useEffect(() => {
    const viewport = viewportRef.current!;
    const observer = new ResizeObserver(([entry]) => setViewportHeight(entry?.contentRect.height ?? 0));
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (following) viewportRef.current!.scrollTop = count * rowHeight;
  }, [following, count, rowHeight, viewportHeight, contentVersion]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const viewport = event.currentTarget;
    const atEnd = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - rowHeight / 2;
    setScrollTop(viewport.scrollTop);
    if (following && !atEnd) setCountWhenLeft(count);
    setFollowing(atEnd);
  };

  const visible = Math.ceil(viewportHeight / rowHeight) + 2 * OVERSCAN;
  // While following, place the window at the end now rather than after the scroll event catches up.
  const first = following ? Math.max(0, count - visible) : Math.min(Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN), Math.max(0, count - 1));
  const last = Math.min(count, first + visible);
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    rows.push(
      <div key={index} className="virtual-list__row" style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}>
        {renderRow(index)}
      </div>,
    );
  }
  const newRows = following ? 0 : Math.max(0, count - countWhenLeft);

  return (
    <div className={`virtual-list ${className}`}>
      <div className="virtual-list__viewport" ref={viewportRef} onScroll={onScroll} data-testid={testId}>
        <div className="virtual-list__content" style={{ height: count * rowHeight }}>
          {rows}
        </div>
      </div>
      {newRows > 0 ? (
        <button type="button" className="virtual-list__jump" onClick={() => setFollowing(true)}>
          {newRowsLabel(newRows)}
        </button>
      ) : null}
    </div>
  );
}
