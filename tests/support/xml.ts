/**
 * A strict XML 1.0 parser (saxes), independent of the code that writes the
 * feeds: a document it accepts is well-formed; anything else throws with the
 * line and the reason.
 */
import { SaxesParser } from 'saxes';

export function assertWellFormedXml(xml: string, name = 'document'): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= new Error(`${name} is not well-formed XML: ${e.message}`);
  });
  parser.write(xml).close();
  if (failure) throw failure;
}
