import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  label: string;
  cell(row: Row): ReactNode;
  /** Right-aligned, tabular figures. */
  num?: boolean;
}

/** A plain table of the recap: one row per item, cells rendered as text (never HTML). */
export function RecapTable<Row>({ columns, rows, rowKey, testId, rowTestId }: { columns: readonly Column<Row>[]; rows: readonly Row[]; rowKey(row: Row, index: number): string; testId?: string; rowTestId?: string }) {
  return (
    <div className="recap__scroll">
      <table className="recap__table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} data-testid={rowTestId}>
              {columns.map((c) => (
                <td key={c.key} className={c.num ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
