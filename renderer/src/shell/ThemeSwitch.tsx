import type { ThemePreference } from './theme';

const options: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark, or follow the system; Ctrl+Shift+D flips between light and dark. */
export function ThemeSwitch({ preference, onChoose }: { preference: ThemePreference; onChoose: (next: ThemePreference) => void }) {
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme (Ctrl+Shift+D to toggle)">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={preference === option.value}
          className={`theme-option${preference === option.value ? ' selected' : ''}`}
          onClick={() => onChoose(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
