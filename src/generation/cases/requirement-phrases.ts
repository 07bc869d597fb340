// The words of requirement-based cases in the language the requirement was written in, so a
// Russian specification gets Russian cases. The Arrange/Act/Assert markers stay English: they
// are the Allure TestOps format, not prose.

export type Language = 'en' | 'ru';

export function languageOf(text: string): Language {
  const cyrillic = (text.match(/[а-яё]/gi) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  return cyrillic > latin ? 'ru' : 'en';
}

export interface RequirementPhrases {
  /** `undefined`: the requirement names no section to go to, so the tester starts at the start page. */
  open(place: string | undefined): string;
  opened(place: string | undefined): string;
  role(role: string): string;
  mobileViewport: string;
  freshSession: string;
  checkResult: string;
  done: string;
  lookFor: string;
  present: string;
  click(control: string): string;
  opens(target: string): string;
  trigger(condition: string): string;
  works(text: string): string;
  setValue(subject: string, value: string): string;
  choose(value: string): string;
  accepted(value: string): string;
  rejected(value: string): string;
  keeps(value: string): string;
  stays: string;
  boundaryTitle(
    subject: string,
    verdict: 'min' | 'max' | 'below' | 'above',
    value: string,
    limit: number,
  ): string;
  first(action: string): string;
  again(action: string): string;
  succeeds: string;
  refusedAgain: string;
  onlyOnce: string;
  onceTitle(short: string): string;
  outside(scope: string): string;
  unavailable: string;
  notOutside(scope: string): string;
  scopeTitle(short: string): string;
  and: string;
}

const en: RequirementPhrases = {
  open: (place) => (place ? `Open “${place}”` : 'Open the start page of the application'),
  opened: (place) =>
    place ? `“${place}” is displayed without errors` : 'the start page is displayed without errors',
  role: (role) => `Signed in as ${role}`,
  mobileViewport: 'Switch the browser to a phone-sized viewport (390×844)',
  freshSession: 'Start a fresh browser session with no saved data',
  checkResult: 'Check the result',
  done: 'the action completes without an error',
  lookFor: 'Find the behaviour the requirement describes',
  present: 'it is there and works as described',
  click: (control) => `Click ${control}`,
  opens: (target) => `${target} opens`,
  trigger: (condition) => `Make it happen: ${condition}`,
  works: (text) => `Works as required: ${text}`,
  setValue: (subject, value) => `Set ${subject} to ${value}`,
  choose: (value) => `Choose ${value}`,
  accepted: (value) => `${value} is accepted: no validation message is shown`,
  rejected: (value) => `${value} is rejected: a validation message is shown and the value is not applied`,
  keeps: (value) => `the result is calculated for ${value}`,
  stays: 'the last valid value stays in effect and nothing is calculated for the rejected one',
  boundaryTitle: (subject, verdict, value, limit) =>
    ({
      min: `${subject}: ${value} is accepted (minimum)`,
      max: `${subject}: ${value} is accepted (maximum)`,
      below: `${subject}: ${value} is rejected (below the minimum ${limit})`,
      above: `${subject}: ${value} is rejected (above the maximum ${limit})`,
    })[verdict],
  first: (action) => `${action} for the first time`,
  again: (action) => `${action} a second time`,
  succeeds: 'it succeeds',
  refusedAgain: 'the second attempt is refused with a message and nothing changes',
  onlyOnce: 'the result contains it exactly once',
  onceTitle: (short) => `${short} — a second attempt is refused`,
  outside: (scope) => `Try the same outside “${scope}”`,
  unavailable: 'it is unavailable or refused',
  notOutside: (scope) => `outside “${scope}” the behaviour does not happen`,
  scopeTitle: (short) => `${short} — refused elsewhere`,
  and: 'and',
};

const ru: RequirementPhrases = {
  open: (place) => (place ? `Открыть «${place}»` : 'Открыть стартовую страницу приложения'),
  opened: (place) =>
    place ? `«${place}» отображается без ошибок` : 'стартовая страница отображается без ошибок',
  role: (role) => `Вход выполнен как ${role}`,
  mobileViewport: 'Переключить браузер на размер экрана телефона (390×844)',
  freshSession: 'Начать новую сессию браузера без сохранённых данных',
  checkResult: 'Проверить результат',
  done: 'действие выполняется без ошибок',
  lookFor: 'Найти поведение, описанное в требовании',
  present: 'оно есть и работает, как описано',
  click: (control) => `Нажать ${control}`,
  opens: (target) => `открывается ${target}`,
  trigger: (condition) => `Выполнить условие: ${condition}`,
  works: (text) => `Работает согласно требованию: ${text}`,
  setValue: (subject, value) => `Установить «${subject}» = ${value}`,
  choose: (value) => `Выбрать ${value}`,
  accepted: (value) => `${value} принимается: сообщения об ошибке нет`,
  rejected: (value) => `${value} отклоняется: показано сообщение об ошибке, значение не применяется`,
  keeps: (value) => `результат рассчитан для ${value}`,
  stays: 'действует последнее допустимое значение, для отклонённого ничего не рассчитывается',
  boundaryTitle: (subject, verdict, value, limit) =>
    ({
      min: `${subject}: ${value} принимается (минимум)`,
      max: `${subject}: ${value} принимается (максимум)`,
      below: `${subject}: ${value} отклоняется (меньше минимума ${limit})`,
      above: `${subject}: ${value} отклоняется (больше максимума ${limit})`,
    })[verdict],
  first: (action) => `${action} первый раз`,
  again: (action) => `${action} повторно`,
  succeeds: 'выполняется успешно',
  refusedAgain: 'повторная попытка отклоняется с сообщением, ничего не меняется',
  onlyOnce: 'результат содержит его ровно один раз',
  onceTitle: (short) => `${short} — повторная попытка отклоняется`,
  outside: (scope) => `Повторить то же вне условия «${scope}»`,
  unavailable: 'недоступно или отклоняется',
  notOutside: (scope) => `вне «${scope}» поведение не проявляется`,
  scopeTitle: (short) => `${short} — вне условия недоступно`,
  and: 'и',
};

export function phrasesFor(language: Language): RequirementPhrases {
  return language === 'ru' ? ru : en;
}
