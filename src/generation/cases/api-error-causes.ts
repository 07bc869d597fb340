// Error responses often list their causes in the description ("Запрос не выполнен:\n- Не удалось
// найти проект с указанным идентификатором.\n- …"). A cause that names a missing thing by id or
// name points at the field that triggers it; "already …" causes are triggered by repeating the
// request. Generic descriptions ("Validation Error", "Ошибка сервера") name no cause.

export type Cause =
  | { kind: 'missing'; text: string; stem: string; by: 'id' | 'name'; words: string }
  | { kind: 'repeat'; text: string }
  | { kind: 'other'; text: string };

const GENERIC =
  /^(successful response|validation error|bad request|not found|unauthori[sz]ed|forbidden|internal server error|ошибка сервера|ошибка аутентификации|доступ запрещен|не удалось выполнить запрос|запрос не выполнен|ресурс не найден)\.?:?$/i;

// Most specific first: "тип диска" before "диск", "группа размещения" before anything with "групп".
const ENTITIES: [RegExp, string, string][] = [
  [/зон\p{L}* доступности|availability zone/iu, 'availability_zone', 'availability zone'],
  [/тип\p{L}* диска|disk type/iu, 'disk_type', 'disk type'],
  [/групп\p{L}* размещения|placement group/iu, 'placement_group', 'placement group'],
  [/групп\p{L}* безопасности|security group/iu, 'security_group', 'security group'],
  [/публичн\p{L}* IP|floating ip|public ip/iu, 'floating_ip', 'public IP'],
  [/виртуальн\p{L}* машин\p{L}*|virtual machine|\bvm\b/iu, 'vm', 'VM'],
  [/проект\p{L}*|project/iu, 'project', 'project'],
  [/флейвор\p{L}*|flavou?r/iu, 'flavor', 'flavor'],
  [/подсет\p{L}*|subnet/iu, 'subnet', 'subnet'],
  [/образ\p{L}*|image/iu, 'image', 'image'],
  [/тег\p{L}*|\btag/iu, 'tag', 'tag'],
  [/диск\p{L}*|disk/iu, 'disk', 'disk'],
];

const MISSING =
  /не удалось найти|не найден|could not find|cannot find|not found|does not exist|не существует/iu;
const REPEAT = /уже|already/iu;

export function causesOf(description: string): Cause[] {
  const lines = description
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*[-*•]\s*/, '')
        .trim()
        .replace(/\.$/, ''),
    )
    .filter((line) => line !== '' && !GENERIC.test(line));
  return lines.map(classify);
}

function classify(text: string): Cause {
  if (MISSING.test(text)) {
    const entity = ENTITIES.find(([pattern]) => pattern.test(text));
    if (entity) {
      const by = /названи|имен|\bname\b/iu.test(text) ? 'name' : 'id';
      return { kind: 'missing', text, stem: entity[1], by, words: entity[2] };
    }
  }
  if (REPEAT.test(text)) return { kind: 'repeat', text };
  return { kind: 'other', text };
}
