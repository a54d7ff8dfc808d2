import { useState } from 'react';
import type { SettingsUpdate } from '../../../../shared/api/settings.js';
import { useActions } from '../../app-context.js';

/** Saving one part of the settings: whether a save is running, and the host's validation message if it refused (also what `save` resolves with). */
export function useSave() {
  const actions = useActions();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (update: SettingsUpdate) => {
    setSaving(true);
    const refused = await actions.updateSettings(update);
    setSaving(false);
    setError(refused);
    return refused;
  };
  return { save, saving, error };
}
