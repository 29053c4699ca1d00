/**
 * A list of fixed-height rows that renders only the rows in view (plus a few), so lists of thousands of
 * events, log lines or failed requests cost the same as a screenful. `follow` keeps a row in view (the row at
 * the playback cursor) unless the user scrolled away from it.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

export interface VirtualListProps {
  readonly count: number
  readonly rowHeight: number
  readonly renderRow: (index: number) => ReactNode
  /** A row to keep in view as it changes (e.g. the last one at or before the cursor); null = none. */
  readonly follow?: number | null
  readonly className?: string
  readonly label: string
  readonly testId?: string
}

const OVERSCAN = 6

export function VirtualList({ count, rowHeight, renderRow, follow = null, className, label, testId }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(300)

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    setHeight(element.clientHeight)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const element = ref.current
    if (!element || follow === null || follow < 0) return
    const top = follow * rowHeight
    // Only scroll when the followed row left the view: the user may read elsewhere while it stays in sight.
    if (top < element.scrollTop || top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = Math.max(0, top - element.clientHeight / 2)
    }
  }, [follow, rowHeight])

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  const rows: ReactNode[] = []
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight }} role="listitem">
        {renderRow(i)}
      </div>,
    )
  }
  return (
    <div ref={ref} className={`vlist ${className ?? ''}`} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} role="list" aria-label={label} data-testid={testId} tabIndex={0}>
      <div className="vlist-space" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  )
}
