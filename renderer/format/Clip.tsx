// Text in a list cell that may be longer than its column: cut with an ellipsis, whole on hover.
// The cell is a flex box, where text-overflow does not apply to bare text, so the text needs its own box.
const STYLE = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

export function Clip({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <span style={STYLE} title={text}>
      {text}
    </span>
  );
}
