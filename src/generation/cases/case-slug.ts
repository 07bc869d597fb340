// Case ids double as Python method names (`test_<id>`), so they are ASCII snake_case: Cyrillic
// is transliterated (a readable id beats a hash), everything else becomes underscores.

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((char) => CYRILLIC[char] ?? char).join('');
}

/** `Number of instances: 100 is rejected` → `number_of_instances_100_is_rejected`. */
export function slugOf(text: string, maxLength = 80): string {
  const slug = transliterate(text)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/_[^_]*$/, '') : slug;
  return cut === '' ? 'case' : /^\d/.test(cut) ? `case_${cut}` : cut;
}
