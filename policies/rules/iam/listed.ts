/** A list of actions for a message: the first few, then how many more. */
export function listed(actions: readonly string[], shown = 6): string {
  if (actions.length <= shown) return actions.join(', ');
  return `${actions.slice(0, shown).join(', ')} and ${actions.length - shown} more`;
}
