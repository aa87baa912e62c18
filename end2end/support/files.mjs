// Files for the upload tests (the visitor's attachments) and the file events they become
// on the sandbox.

/** A 2x2 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEklEQVR4nGP4z8DwHwyBNBgAAM0bE+2pqBYAAAAASUVORK5CYII=",
  "base64",
);

/** A 3,000-byte PDF. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".padEnd(3000, " "));

/** The `file` events of `customerId`'s chat in the sandbox's state `s` (/admin/state), in order. */
export function fileEvents(s, customerId) {
  const chat = s.chats.find((c) => c.customer_id === customerId);
  return (chat?.threads ?? []).flatMap((t) => t.events).filter((e) => e.type === "file");
}
