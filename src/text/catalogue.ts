// The words Roundup itself writes (email template, plain-text part, confirmation mails, web pages), in the
// digest's `locale`: English, Ukrainian, German or Arabic; any other language reads English. Counts go through
// Intl.PluralRules, so "2 історії" and "5 історій".
// Strings are plain text; callers escape them. `{name}` marks a value filled in by fill().

import { quoteWithin } from './nested-quotes.js';

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Messages {
  // email
  inThisIssue: string;
  /** what screen readers call the email as a whole (aria-roledescription) */
  emailRole: string;
  /** "{n} stories" */
  stories: Plural;
  /** "{n} stories from {m} sources": the sources half, "from {m} sources" */
  fromSources: Plural;
  readInBrowser: string;
  viewInBrowser: string;
  readMore: string;
  /** "+{n} more" after the sources that were named */
  moreSources: Plural;
  /** "Read {n} more stories in this section: {section}" */
  moreInSection: Plural;
  /** "Read the {n} stories in this section: {section}", under a heading that shows none of them (a long edition) */
  allInSection: Plural;
  untitled: string;
  /** the title of the section for stories that fit no theme, when the config's `other:` gives none */
  otherNews: string;
  leadStory: string;
  /** "{title}" is the digest, "{email}" the reader's address */
  receiving: string;
  chooseSections: string;
  unsubscribeFrom: string;
  /** the archive copy's footer */
  webCopy: string;
  subscribeTo: string;
  // plain-text part
  textReadInBrowser: string;
  textReceiving: string;
  textChooseSections: string;
  textUnsubscribe: string;
  // confirmation mails
  confirmSubject: string;
  confirmLines: string[];
  alreadySubject: string;
  alreadyLines: string[];
  /** an "unsubscribe" mailed from the reader's address that nothing vouches for: the link does it */
  leaveSubject: string;
  leaveLines: string[];
  // web pages
  unsubscribeQuestion: string;
  unsubscribeWillStop: string;
  unsubscribeButton: string;
  unsubscribedHeading: string;
  unsubscribedText: string;
  badLinkHeading: string;
  badLinkText: string;
  /** a genuine confirmation link whose subscription is gone (not confirmed within 7 days, or removed) */
  linkExpiredHeading: string;
  linkExpiredText: string;
  /** a genuine link of an address that unsubscribed or bounced */
  notReceivingHeading: string;
  notReceivingText: string;
  changedMind: string;
  subscribeAgain: string;
  /** on the preferences page: the way out */
  unsubscribeInstead: string;
  notFoundHeading: string;
  notFoundText: string;
  methodNotAllowedHeading: string;
  methodNotAllowedText: string;
  /** above the reason a request was refused (in English: "request body too large: …") */
  badRequestHeading: string;
  serverErrorHeading: string;
  serverErrorText: string;
  landingText: string;
  /** landingText followed by ", in these sections: {list}" */
  landingSections: string;
  subscribeHeading: string;
  pastEditions: string;
  atomFeed: string;
  forbiddenHeading: string;
  forbiddenText: string;
  checkInboxHeading: string;
  checkInboxText: string;
  badEmailHeading: string;
  badEmailText: string;
  tryAgain: string;
  tooManyHeading: string;
  tooManyText: string;
  unavailableHeading: string;
  unavailableText: string;
  /** the page a confirmation link opens: a button, so a mail scanner's visit confirms nothing */
  confirmQuestion: string;
  confirmWillStart: string;
  /** above the list of sections a confirmation link subscribes to */
  confirmSections: string;
  confirmButton: string;
  confirmedHeading: string;
  confirmedText: string;
  sectionsHeading: string;
  sectionsLegend: string;
  saveButton: string;
  saved: string;
  emailLabel: string;
  honeypotLabel: string;
  sectionsLabel: string;
  subscribeButton: string;
  // the archive
  archiveHeading: string;
  noEditions: string;
  notSent: string;
  noEditionHere: string;
  seeArchive: string;
}

const en: Messages = {
  inThisIssue: 'In this issue',
  emailRole: 'email',
  stories: { one: '{n} story', other: '{n} stories' },
  fromSources: { one: 'from {n} source', other: 'from {n} sources' },
  readInBrowser: 'Read this edition in your browser',
  viewInBrowser: 'View this edition in your browser',
  readMore: 'Read more',
  moreSources: { other: '+{n} more' },
  moreInSection: { one: 'Read {n} more story in this section: {section}', other: 'Read {n} more stories in this section: {section}' },
  allInSection: { one: 'Read the story in this section: {section}', other: 'Read the {n} stories in this section: {section}' },
  untitled: 'Untitled story',
  otherNews: 'Other news',
  leadStory: 'Top story',
  receiving: 'You are receiving {title} because {email} subscribed to it.',
  chooseSections: 'Choose which sections you get',
  unsubscribeFrom: 'Unsubscribe from {title}',
  webCopy: 'This is the web copy of {title}, a digest sent by email.',
  subscribeTo: 'Subscribe to {title}',
  textReadInBrowser: 'Read this edition in your browser:',
  textReceiving: 'You are receiving {title} because you subscribed as:',
  textChooseSections: 'Choose which sections you get:',
  textUnsubscribe: 'Unsubscribe from {title}:',
  confirmSubject: 'Confirm your subscription to {title}',
  confirmLines: ['Someone (hopefully you) asked to receive {title} at this address.', 'To confirm, open this link:', '{link}', 'If it was not you, ignore this message: nothing will be sent.'],
  alreadySubject: 'You are already subscribed to {title}',
  alreadyLines: ['This address already receives {title}.', 'To choose your sections, open this link:', '{link}', 'If you did not ask, ignore this message.'],
  leaveSubject: 'Unsubscribe from {title}?',
  leaveLines: ['We received a request by mail to stop sending {title} to this address.', 'To unsubscribe, open this link:', '{link}', 'If you did not ask, ignore this message: you stay subscribed.'],
  unsubscribeQuestion: 'Unsubscribe?',
  unsubscribeWillStop: 'You will stop receiving {title}.',
  unsubscribeButton: 'Unsubscribe',
  unsubscribedHeading: 'You are unsubscribed',
  unsubscribedText: 'You will not receive {title} any more. Sorry to see you go.',
  badLinkHeading: 'This link does not work',
  badLinkText: 'The link is incomplete or was changed. Please use the link exactly as it appears in the email.',
  linkExpiredHeading: 'This link has expired',
  linkExpiredText: 'This subscription was not confirmed in time, or the address was taken off the list.',
  notReceivingHeading: 'Not subscribed',
  notReceivingText: 'This address does not receive {title} now: it unsubscribed, or mail to it bounced.',
  changedMind: 'Changed your mind?',
  subscribeAgain: 'Subscribe again',
  unsubscribeInstead: 'Or stop receiving {title}:',
  notFoundHeading: 'Not found',
  notFoundText: 'There is nothing at this address.',
  methodNotAllowedHeading: 'Not allowed here',
  methodNotAllowedText: 'This address does not take that kind of request.',
  badRequestHeading: 'This request could not be handled',
  serverErrorHeading: 'Something went wrong',
  serverErrorText: 'Something went wrong on our side. Please try again later.',
  landingText: "A digest of the week's news in one email: each event once, with every outlet that covered it.",
  landingSections: "A digest of the week's news in one email: each event once, with every outlet that covered it, in these sections: {list}.",
  subscribeHeading: 'Subscribe',
  pastEditions: 'Past editions',
  atomFeed: 'Atom feed',
  forbiddenHeading: 'Not allowed',
  forbiddenText: 'Please use the form on this site to subscribe.',
  checkInboxHeading: 'Check your inbox',
  checkInboxText: 'If the address can receive this digest, a message is on its way. Follow the link in it to confirm your subscription.',
  badEmailHeading: 'Please check the address',
  badEmailText: 'That address does not look right: {reason}.',
  tryAgain: 'Try again',
  tooManyHeading: 'Too many requests',
  tooManyText: 'Please wait a few minutes and try again.',
  unavailableHeading: 'Not available right now',
  unavailableText: 'Subscribing is not possible at the moment. Please try again later.',
  confirmQuestion: 'Confirm your subscription',
  confirmWillStart: 'Press the button to start receiving {title} at this address.',
  confirmSections: 'The sections you will receive:',
  confirmButton: 'Confirm subscription',
  confirmedHeading: 'Subscription confirmed',
  confirmedText: 'Welcome! The next edition of {title} will be in your inbox.',
  sectionsHeading: 'Your sections',
  sectionsLegend: 'Send me these sections (none ticked = all)',
  saveButton: 'Save',
  saved: 'Saved.',
  emailLabel: 'Email address',
  honeypotLabel: 'Leave this empty',
  sectionsLabel: 'Sections (none ticked = all)',
  subscribeButton: 'Subscribe',
  archiveHeading: 'Archive',
  noEditions: 'No editions have been published yet.',
  notSent: 'not sent',
  noEditionHere: 'There is no published edition at this address.',
  seeArchive: 'See the archive',
};

const uk: Messages = {
  inThisIssue: 'У цьому випуску',
  emailRole: 'електронний лист',
  stories: { one: '{n} історія', few: '{n} історії', many: '{n} історій', other: '{n} історії' },
  fromSources: { one: 'з {n} джерела', few: 'з {n} джерел', many: 'з {n} джерел', other: 'з {n} джерела' },
  readInBrowser: 'Читати цей випуск у браузері',
  viewInBrowser: 'Відкрити цей випуск у браузері',
  readMore: 'Читати далі',
  moreSources: { other: 'ще {n}' },
  moreInSection: {
    one: 'Ще {n} історія в розділі «{section}»',
    few: 'Ще {n} історії в розділі «{section}»',
    many: 'Ще {n} історій у розділі «{section}»',
    other: 'Ще {n} історії в розділі «{section}»',
  },
  allInSection: {
    one: 'Читати {n} історію в розділі «{section}»',
    few: 'Читати {n} історії в розділі «{section}»',
    many: 'Читати {n} історій у розділі «{section}»',
    other: 'Читати {n} історії в розділі «{section}»',
  },
  untitled: 'Історія без заголовка',
  otherNews: 'Інші новини',
  leadStory: 'Головне',
  receiving: 'Ви отримуєте «{title}», бо адресу {email} підписано на цю розсилку.',
  chooseSections: 'Вибрати розділи',
  unsubscribeFrom: 'Відписатися від «{title}»',
  webCopy: 'Це вебверсія «{title}», дайджесту, що надходить електронною поштою.',
  subscribeTo: 'Підписатися на «{title}»',
  textReadInBrowser: 'Читати цей випуск у браузері:',
  textReceiving: 'Ви отримуєте «{title}», бо підписали адресу:',
  textChooseSections: 'Вибрати розділи:',
  textUnsubscribe: 'Відписатися від «{title}»:',
  confirmSubject: 'Підтвердьте підписку на «{title}»',
  confirmLines: [
    'Хтось (сподіваємося, ви) попросив надсилати «{title}» на цю адресу.',
    'Щоб підтвердити, відкрийте це посилання:',
    '{link}',
    'Якщо це були не ви, просто проігноруйте цей лист: нічого не надсилатиметься.',
  ],
  alreadySubject: 'Ви вже підписані на «{title}»',
  alreadyLines: ['Ця адреса вже отримує «{title}».', 'Щоб вибрати розділи, відкрийте це посилання:', '{link}', 'Якщо ви цього не просили, проігноруйте цей лист.'],
  leaveSubject: 'Відписатися від «{title}»?',
  leaveLines: ['Ми отримали листа з проханням більше не надсилати «{title}» на цю адресу.', 'Щоб відписатися, відкрийте це посилання:', '{link}', 'Якщо ви цього не просили, проігноруйте цей лист: підписка залишиться.'],
  unsubscribeQuestion: 'Відписатися?',
  unsubscribeWillStop: 'Ви більше не отримуватимете «{title}».',
  unsubscribeButton: 'Відписатися',
  unsubscribedHeading: 'Ви відписалися',
  unsubscribedText: 'Ви більше не отримуватимете «{title}». Шкода, що ви йдете.',
  badLinkHeading: 'Це посилання не працює',
  badLinkText: 'Посилання неповне або змінене. Скористайтеся посиланням точно так, як воно є в листі.',
  linkExpiredHeading: 'Посилання застаріло',
  linkExpiredText: 'Цю підписку не підтвердили вчасно, або адресу вилучили зі списку.',
  notReceivingHeading: 'Підписки немає',
  notReceivingText: 'Ця адреса зараз не отримує «{title}»: від розсилки відписалися, або листи на неї не доходили.',
  changedMind: 'Передумали?',
  subscribeAgain: 'Підписатися знову',
  unsubscribeInstead: 'Або більше не отримувати «{title}»:',
  notFoundHeading: 'Не знайдено',
  notFoundText: 'За цією адресою нічого немає.',
  methodNotAllowedHeading: 'Тут так не можна',
  methodNotAllowedText: 'Ця адреса не приймає такого запиту.',
  badRequestHeading: 'Цей запит не вдалося обробити',
  serverErrorHeading: 'Щось пішло не так',
  serverErrorText: 'Щось пішло не так з нашого боку. Спробуйте пізніше.',
  landingText: 'Новини тижня в одному листі: кожна подія один раз, з усіма виданнями, що про неї писали.',
  landingSections: 'Новини тижня в одному листі: кожна подія один раз, з усіма виданнями, що про неї писали, у таких розділах: {list}.',
  subscribeHeading: 'Підписатися',
  pastEditions: 'Попередні випуски',
  atomFeed: 'Стрічка Atom',
  forbiddenHeading: 'Не дозволено',
  forbiddenText: 'Щоб підписатися, скористайтеся формою на цьому сайті.',
  checkInboxHeading: 'Перевірте пошту',
  checkInboxText: 'Якщо на цю адресу можна надсилати дайджест, лист уже в дорозі. Перейдіть за посиланням у ньому, щоб підтвердити підписку.',
  badEmailHeading: 'Перевірте адресу',
  badEmailText: 'Ця адреса виглядає неправильною: {reason}.',
  tryAgain: 'Спробувати ще раз',
  tooManyHeading: 'Забагато запитів',
  tooManyText: 'Зачекайте кілька хвилин і спробуйте ще раз.',
  unavailableHeading: 'Зараз недоступно',
  unavailableText: 'Підписатися зараз неможливо. Спробуйте пізніше.',
  confirmQuestion: 'Підтвердьте підписку',
  confirmWillStart: 'Натисніть кнопку, щоб отримувати «{title}» на цю адресу.',
  confirmSections: 'Розділи, які ви отримуватимете:',
  confirmButton: 'Підтвердити підписку',
  confirmedHeading: 'Підписку підтверджено',
  confirmedText: 'Вітаємо! Наступний випуск «{title}» прийде вам на пошту.',
  sectionsHeading: 'Ваші розділи',
  sectionsLegend: 'Надсилати мені ці розділи (нічого не позначено = усі)',
  saveButton: 'Зберегти',
  saved: 'Збережено.',
  emailLabel: 'Адреса електронної пошти',
  honeypotLabel: 'Залиште порожнім',
  sectionsLabel: 'Розділи (нічого не позначено = усі)',
  subscribeButton: 'Підписатися',
  archiveHeading: 'Архів',
  noEditions: 'Ще не опубліковано жодного випуску.',
  notSent: 'не надіслано',
  noEditionHere: 'За цією адресою немає опублікованого випуску.',
  seeArchive: 'Перейти до архіву',
};

const de: Messages = {
  inThisIssue: 'In dieser Ausgabe',
  emailRole: 'E-Mail',
  stories: { one: '{n} Meldung', other: '{n} Meldungen' },
  fromSources: { one: 'aus {n} Quelle', other: 'aus {n} Quellen' },
  readInBrowser: 'Diese Ausgabe im Browser lesen',
  viewInBrowser: 'Diese Ausgabe im Browser ansehen',
  readMore: 'Weiterlesen',
  moreSources: { other: '+{n} weitere' },
  moreInSection: { one: '{n} weitere Meldung in der Rubrik „{section}“ lesen', other: '{n} weitere Meldungen in der Rubrik „{section}“ lesen' },
  allInSection: { one: 'Die Meldung der Rubrik „{section}“ lesen', other: 'Die {n} Meldungen der Rubrik „{section}“ lesen' },
  untitled: 'Meldung ohne Titel',
  otherNews: 'Weitere Meldungen',
  leadStory: 'Top-Meldung',
  receiving: 'Sie erhalten „{title}“, weil {email} dafür angemeldet wurde.',
  chooseSections: 'Rubriken auswählen',
  unsubscribeFrom: '„{title}“ abbestellen',
  webCopy: 'Dies ist die Webversion von „{title}“, einem Digest, der per E-Mail verschickt wird.',
  subscribeTo: '„{title}“ abonnieren',
  textReadInBrowser: 'Diese Ausgabe im Browser lesen:',
  textReceiving: 'Sie erhalten „{title}“, weil Sie diese Adresse angemeldet haben:',
  textChooseSections: 'Rubriken auswählen:',
  textUnsubscribe: '„{title}“ abbestellen:',
  confirmSubject: 'Bitte bestätigen Sie Ihr Abonnement von „{title}“',
  confirmLines: [
    'Jemand (hoffentlich Sie) möchte „{title}“ an diese Adresse erhalten.',
    'Zur Bestätigung öffnen Sie bitte diesen Link:',
    '{link}',
    'Falls Sie das nicht waren, ignorieren Sie diese Nachricht einfach: Es wird nichts verschickt.',
  ],
  alreadySubject: 'Sie haben „{title}“ bereits abonniert',
  alreadyLines: ['Diese Adresse erhält „{title}“ bereits.', 'Um Ihre Rubriken auszuwählen, öffnen Sie diesen Link:', '{link}', 'Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.'],
  leaveSubject: '„{title}“ abbestellen?',
  leaveLines: ['Per E-Mail wurde darum gebeten, „{title}“ nicht mehr an diese Adresse zu senden.', 'Zum Abbestellen öffnen Sie bitte diesen Link:', '{link}', 'Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Abonnement bleibt bestehen.'],
  unsubscribeQuestion: 'Abbestellen?',
  unsubscribeWillStop: 'Sie erhalten „{title}“ dann nicht mehr.',
  unsubscribeButton: 'Abbestellen',
  unsubscribedHeading: 'Sie haben abbestellt',
  unsubscribedText: 'Sie erhalten „{title}“ nicht mehr. Schade, dass Sie gehen.',
  badLinkHeading: 'Dieser Link funktioniert nicht',
  badLinkText: 'Der Link ist unvollständig oder wurde verändert. Bitte verwenden Sie den Link genau so, wie er in der E-Mail steht.',
  linkExpiredHeading: 'Dieser Link ist abgelaufen',
  linkExpiredText: 'Dieses Abonnement wurde nicht rechtzeitig bestätigt, oder die Adresse wurde von der Liste genommen.',
  notReceivingHeading: 'Nicht abonniert',
  notReceivingText: 'Diese Adresse erhält „{title}“ derzeit nicht: Sie wurde abbestellt, oder E-Mails an sie kamen nicht an.',
  changedMind: 'Haben Sie es sich anders überlegt?',
  subscribeAgain: 'Erneut abonnieren',
  unsubscribeInstead: 'Oder „{title}“ nicht mehr erhalten:',
  notFoundHeading: 'Nicht gefunden',
  notFoundText: 'Unter dieser Adresse gibt es nichts.',
  methodNotAllowedHeading: 'Hier nicht erlaubt',
  methodNotAllowedText: 'Diese Adresse nimmt diese Art von Anfrage nicht an.',
  badRequestHeading: 'Diese Anfrage konnte nicht bearbeitet werden',
  serverErrorHeading: 'Etwas ist schiefgelaufen',
  serverErrorText: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später noch einmal.',
  landingText: 'Die Nachrichten der Woche in einer E-Mail: jedes Ereignis einmal, mit allen Medien, die darüber berichtet haben.',
  landingSections: 'Die Nachrichten der Woche in einer E-Mail: jedes Ereignis einmal, mit allen Medien, die darüber berichtet haben, in diesen Rubriken: {list}.',
  subscribeHeading: 'Abonnieren',
  pastEditions: 'Frühere Ausgaben',
  atomFeed: 'Atom-Feed',
  forbiddenHeading: 'Nicht erlaubt',
  forbiddenText: 'Bitte nutzen Sie zum Abonnieren das Formular auf dieser Website.',
  checkInboxHeading: 'Bitte sehen Sie in Ihr Postfach',
  checkInboxText: 'Wenn diese Adresse den Digest erhalten kann, ist eine Nachricht unterwegs. Folgen Sie dem Link darin, um Ihr Abonnement zu bestätigen.',
  badEmailHeading: 'Bitte prüfen Sie die Adresse',
  badEmailText: 'Diese Adresse scheint nicht zu stimmen: {reason}.',
  tryAgain: 'Erneut versuchen',
  tooManyHeading: 'Zu viele Anfragen',
  tooManyText: 'Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  unavailableHeading: 'Derzeit nicht verfügbar',
  unavailableText: 'Ein Abonnement ist im Moment nicht möglich. Bitte versuchen Sie es später noch einmal.',
  confirmQuestion: 'Abonnement bestätigen',
  confirmWillStart: 'Drücken Sie die Schaltfläche, um „{title}“ an diese Adresse zu erhalten.',
  confirmSections: 'Die Rubriken, die Sie erhalten:',
  confirmButton: 'Abonnement bestätigen',
  confirmedHeading: 'Abonnement bestätigt',
  confirmedText: 'Willkommen! Die nächste Ausgabe von „{title}“ kommt in Ihr Postfach.',
  sectionsHeading: 'Ihre Rubriken',
  sectionsLegend: 'Diese Rubriken an mich senden (keine angekreuzt = alle)',
  saveButton: 'Speichern',
  saved: 'Gespeichert.',
  emailLabel: 'E-Mail-Adresse',
  honeypotLabel: 'Dieses Feld leer lassen',
  sectionsLabel: 'Rubriken (keine angekreuzt = alle)',
  subscribeButton: 'Abonnieren',
  archiveHeading: 'Archiv',
  noEditions: 'Es wurden noch keine Ausgaben veröffentlicht.',
  notSent: 'nicht verschickt',
  noEditionHere: 'Unter dieser Adresse gibt es keine veröffentlichte Ausgabe.',
  seeArchive: 'Zum Archiv',
};

// Arabic counts take six forms (zero, one, two, few 3–10, many 11–99, other); one and two name no number.
const ar: Messages = {
  inThisIssue: 'في هذا العدد',
  emailRole: 'رسالة بريد إلكتروني',
  stories: { zero: '{n} خبر', one: 'خبر واحد', two: 'خبران', few: '{n} أخبار', many: '{n} خبرًا', other: '{n} خبر' },
  fromSources: { zero: 'من {n} مصدر', one: 'من مصدر واحد', two: 'من مصدرين', few: 'من {n} مصادر', many: 'من {n} مصدرًا', other: 'من {n} مصدر' },
  readInBrowser: 'اقرأ هذا العدد في المتصفح',
  viewInBrowser: 'اعرض هذا العدد في المتصفح',
  readMore: 'اقرأ المزيد',
  moreSources: { other: '+{n} غيرها' },
  moreInSection: {
    one: 'اقرأ خبرًا آخر في قسم «{section}»',
    two: 'اقرأ خبرين آخرين في قسم «{section}»',
    few: 'اقرأ {n} أخبار أخرى في قسم «{section}»',
    many: 'اقرأ {n} خبرًا آخر في قسم «{section}»',
    other: 'اقرأ {n} خبر آخر في قسم «{section}»',
  },
  allInSection: {
    one: 'اقرأ خبر قسم «{section}»',
    two: 'اقرأ خبرَي قسم «{section}»',
    other: 'اقرأ أخبار قسم «{section}» ({n})',
  },
  untitled: 'خبر بلا عنوان',
  otherNews: 'أخبار أخرى',
  leadStory: 'أبرز خبر',
  receiving: 'تصلك «{title}» لأن العنوان {email} مشترك فيها.',
  chooseSections: 'اختر الأقسام',
  unsubscribeFrom: 'إلغاء الاشتراك في «{title}»',
  webCopy: 'هذه نسخة الويب من «{title}»، وهي نشرة تُرسَل بالبريد الإلكتروني.',
  subscribeTo: 'اشترك في «{title}»',
  textReadInBrowser: 'اقرأ هذا العدد في المتصفح:',
  textReceiving: 'تصلك «{title}» لأنك اشتركت بهذا العنوان:',
  textChooseSections: 'اختر الأقسام:',
  textUnsubscribe: 'إلغاء الاشتراك في «{title}»:',
  confirmSubject: 'أكّد اشتراكك في «{title}»',
  confirmLines: [
    'طلب أحدهم (نأمل أن تكون أنت) أن تصل «{title}» إلى هذا العنوان.',
    'للتأكيد، افتح هذا الرابط:',
    '{link}',
    'إن لم تكن أنت، فتجاهل هذه الرسالة: لن يُرسَل شيء.',
  ],
  alreadySubject: 'أنت مشترك بالفعل في «{title}»',
  alreadyLines: ['هذا العنوان تصله «{title}» بالفعل.', 'لاختيار أقسامك، افتح هذا الرابط:', '{link}', 'إن لم تطلب ذلك، فتجاهل هذه الرسالة.'],
  leaveSubject: 'إلغاء الاشتراك في «{title}»؟',
  leaveLines: ['وصلنا طلب بالبريد لإيقاف إرسال «{title}» إلى هذا العنوان.', 'لإلغاء الاشتراك، افتح هذا الرابط:', '{link}', 'إن لم تطلب ذلك، فتجاهل هذه الرسالة: سيبقى اشتراكك.'],
  unsubscribeQuestion: 'إلغاء الاشتراك؟',
  unsubscribeWillStop: 'لن تصلك «{title}» بعد الآن.',
  unsubscribeButton: 'إلغاء الاشتراك',
  unsubscribedHeading: 'أُلغي اشتراكك',
  unsubscribedText: 'لن تصلك «{title}» بعد الآن. يؤسفنا رحيلك.',
  badLinkHeading: 'هذا الرابط لا يعمل',
  badLinkText: 'الرابط ناقص أو تغيّر. يرجى استخدام الرابط كما يظهر في الرسالة تمامًا.',
  linkExpiredHeading: 'انتهت صلاحية هذا الرابط',
  linkExpiredText: 'لم يُؤكَّد هذا الاشتراك في الوقت المحدد، أو أُزيل العنوان من القائمة.',
  notReceivingHeading: 'غير مشترك',
  notReceivingText: 'لا يتلقى هذا العنوان «{title}» الآن: أُلغي اشتراكه، أو ارتدّت الرسائل إليه.',
  changedMind: 'هل غيّرت رأيك؟',
  subscribeAgain: 'اشترك من جديد',
  unsubscribeInstead: 'أو أوقف تلقي «{title}»:',
  notFoundHeading: 'غير موجود',
  notFoundText: 'لا شيء على هذا العنوان.',
  methodNotAllowedHeading: 'غير مسموح هنا',
  methodNotAllowedText: 'هذا العنوان لا يقبل هذا النوع من الطلبات.',
  badRequestHeading: 'تعذّرت معالجة هذا الطلب',
  serverErrorHeading: 'حدث خطأ ما',
  serverErrorText: 'حدث خطأ ما من جهتنا. يرجى المحاولة لاحقًا.',
  landingText: 'أخبار الأسبوع في رسالة واحدة: كل حدث مرة واحدة، مع كل وسيلة إعلام غطّته.',
  landingSections: 'أخبار الأسبوع في رسالة واحدة: كل حدث مرة واحدة، مع كل وسيلة إعلام غطّته، في هذه الأقسام: {list}.',
  subscribeHeading: 'اشترك',
  pastEditions: 'الأعداد السابقة',
  atomFeed: 'موجز Atom',
  forbiddenHeading: 'غير مسموح',
  forbiddenText: 'يرجى استخدام النموذج في هذا الموقع للاشتراك.',
  checkInboxHeading: 'تحقّق من بريدك الوارد',
  checkInboxText: 'إن كان بإمكان هذا العنوان تلقّي النشرة، فهناك رسالة في طريقها إليك. اتبع الرابط فيها لتأكيد اشتراكك.',
  badEmailHeading: 'يرجى التحقق من العنوان',
  badEmailText: 'يبدو أن هذا العنوان غير صحيح: {reason}.',
  tryAgain: 'حاول مرة أخرى',
  tooManyHeading: 'طلبات كثيرة جدًا',
  tooManyText: 'يرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.',
  unavailableHeading: 'غير متاح الآن',
  unavailableText: 'لا يمكن الاشتراك في الوقت الحالي. يرجى المحاولة لاحقًا.',
  confirmQuestion: 'أكّد اشتراكك',
  confirmWillStart: 'اضغط الزر لتصلك «{title}» على هذا العنوان.',
  confirmSections: 'الأقسام التي ستصلك:',
  confirmButton: 'تأكيد الاشتراك',
  confirmedHeading: 'تأكّد الاشتراك',
  confirmedText: 'أهلًا بك! سيصل العدد القادم من «{title}» إلى بريدك الوارد.',
  sectionsHeading: 'أقسامك',
  sectionsLegend: 'أرسل إليّ هذه الأقسام (عدم اختيار أي قسم = كل الأقسام)',
  saveButton: 'حفظ',
  saved: 'حُفظ.',
  emailLabel: 'عنوان البريد الإلكتروني',
  honeypotLabel: 'اترك هذا الحقل فارغًا',
  sectionsLabel: 'الأقسام (عدم اختيار أي قسم = كل الأقسام)',
  subscribeButton: 'اشترك',
  archiveHeading: 'الأرشيف',
  noEditions: 'لم يُنشر أي عدد بعد.',
  notSent: 'لم يُرسَل',
  noEditionHere: 'لا يوجد عدد منشور على هذا العنوان.',
  seeArchive: 'إلى الأرشيف',
};

const CATALOGUES: Record<string, Messages> = { en, uk, de, ar };

/** Scripts written right to left (by language subtag). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The language subtag of a locale: "uk" of "uk-UA". */
export function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0];
}

export function isRtl(locale: string): boolean {
  return RTL.has(language(locale));
}

/** Languages with a catalogue of their own (the rest is English). */
export const CATALOGUE_LANGUAGES = Object.keys(CATALOGUES);

/** The messages for a locale: its language's catalogue, or English. */
export function messages(locale = 'en'): Messages {
  const lang = language(locale);
  return Object.hasOwn(CATALOGUES, lang) ? CATALOGUES[lang] : en;
}

/** Fill `{name}` placeholders (values are not expanded again). */
export function fill(template: string, values: Record<string, string | number>): string {
  // a value the sentence quotes («{title}») keeps its own quotes as the inner kind (./nested-quotes.ts)
  return template.replace(/([«„]?)\{(\w+)\}([»“]?)/g, (m, open: string, key: string, close: string) => (key in values ? quoteWithin(open, String(values[key]), close) : m));
}

/** A count in words: the plural form the locale needs for n, filled. */
export function count(forms: Plural, n: number, locale = 'en', values: Record<string, string | number> = {}): string {
  const rule = new Intl.PluralRules(locale).select(n);
  return fill(forms[rule] ?? forms.other, { ...values, n });
}
