import { useId, type ReactNode } from 'react';

/** One part of the recap: a titled panel, with its actions (zoom, export …) beside the title. */
export function RecapSection({ title, testId, actions, children }: { title: string; testId: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel recap__section" data-testid={testId} aria-labelledby={id}>
      <div className="recap__section-head">
        <h3 className="panel__title" id={id}>
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
