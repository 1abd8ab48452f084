/**
 * True when a round's (or its analyses') title only repeats its number, as the default titles do
 * ("Analys 3" in round 3): then headings and mails show the number alone, never "Analys 3: Analys 3".
 */
export function isDefaultRoundTitle(title: string, roundNumber: number): boolean {
  const generic = new RegExp(
    `^\\s*(analys|analysis|analysomgång|analysis round|round|omgång)\\s*${roundNumber}\\s*$`,
    'i',
  );
  return title.trim() === '' || generic.test(title);
}

/** The title to show beside a round's number, or null when it would only repeat the number. */
export function roundTitleBesideNumber(title: string, roundNumber: number): string | null {
  return isDefaultRoundTitle(title, roundNumber) ? null : title.trim();
}
