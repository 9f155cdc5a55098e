import { useRef } from 'react';
import { describeKeys, KEYMAP, SCOPE_TITLES, type KeyBinding, type KeyScope } from './keymap';
import { Modal } from './Modal';

/** The keymap grouped by where its shortcuts work, in the order the help shows the groups. */
function byScope(): [KeyScope, KeyBinding[]][] {
  const groups = new Map<KeyScope, KeyBinding[]>(Object.keys(SCOPE_TITLES).map((scope) => [scope as KeyScope, []]));
  for (const binding of KEYMAP) groups.get(binding.scope)!.push(binding);
  return [...groups].filter(([, bindings]) => bindings.length > 0);
}

/** The list of keyboard shortcuts, opened with "?": exactly the keymap. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  return (
    <Modal className="overlay-card shortcut-help" label="Keyboard shortcuts" initialFocus={closeButton} onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      {byScope().map(([scope, bindings]) => (
        <div key={scope} className="shortcut-group">
          <h3>{SCOPE_TITLES[scope]}</h3>
          <dl className="shortcut-list">
            {bindings.map((binding) => (
              <div key={binding.id} className="shortcut-row" data-shortcut={binding.id}>
                <dt>
                  <kbd>{describeKeys(binding)}</kbd>
                </dt>
                <dd>{binding.label}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <button ref={closeButton} type="button" className="button" onClick={onClose}>
        Close
      </button>
    </Modal>
  );
}
