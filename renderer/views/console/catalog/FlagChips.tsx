import type { ComplianceFlag } from '../../../../shared/copilot/compliance.js';
import { useI18n } from '../../app-context.js';

/** The words of a line that fired the 真诚经营 check, one chip each. */
export function FlagChips({ flags }: { flags: ComplianceFlag[] }) {
  const { t } = useI18n();
  return (
    <>
      {flags.map((flag) => (
        <span key={`${flag.kind}:${flag.term}`} className="bp-flag" data-testid="bp-flag">
          {t(`catalog.flag.${flag.kind}`, { term: flag.term })}
        </span>
      ))}
    </>
  );
}
