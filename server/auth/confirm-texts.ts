/**
 * Texts of the confirmation pages (`confirm-page.ts`) in every language the library ships. `{portal}` is the
 * portal's name.
 */
export type ConfirmPurpose = 'sign-in' | 'register' | 'sso';

interface PageTexts { title: string; lead: string; button: string }
type LanguageTexts = Record<'sign-in' | 'register', PageTexts> & { sso: PageTexts & { note: string } };

const texts = (signIn: [string, string, string], register: [string, string, string], ssoNote: string): LanguageTexts => {
  const [title, lead, button] = signIn;
  return {
    'sign-in': { title, lead, button },
    register: { title: register[0], lead: register[1], button: register[2] },
    sso: { title, lead, button, note: ssoNote },
  };
};

export const CONFIRM_TEXTS = {
  en: texts(['Sign in', 'Continue to sign in to {portal}.', 'Sign in'],
    ['Confirm your email address', 'Confirm your address to finish registering at {portal}.', 'Confirm and sign in'],
    'Continue only if you started this sign-in yourself.'),
  de: texts(['Anmelden', 'Weiter zur Anmeldung bei {portal}.', 'Anmelden'],
    ['E-Mail-Adresse bestätigen', 'Bestätigen Sie Ihre Adresse, um die Registrierung bei {portal} abzuschließen.', 'Bestätigen und anmelden'],
    'Fahren Sie nur fort, wenn Sie diese Anmeldung selbst gestartet haben.'),
  sv: texts(['Logga in', 'Fortsätt för att logga in på {portal}.', 'Logga in'],
    ['Bekräfta din e-postadress', 'Bekräfta din adress för att slutföra registreringen på {portal}.', 'Bekräfta och logga in'],
    'Fortsätt bara om du själv har startat den här inloggningen.'),
  da: texts(['Log ind', 'Fortsæt for at logge ind på {portal}.', 'Log ind'],
    ['Bekræft din e-mailadresse', 'Bekræft din adresse for at fuldføre registreringen på {portal}.', 'Bekræft og log ind'],
    'Fortsæt kun, hvis du selv har startet dette login.'),
  fr: texts(['Se connecter', 'Continuez pour vous connecter à {portal}.', 'Se connecter'],
    ['Confirmez votre adresse e-mail', 'Confirmez votre adresse pour terminer votre inscription à {portal}.', 'Confirmer et se connecter'],
    'Ne continuez que si vous avez lancé cette connexion vous-même.'),
  es: texts(['Iniciar sesión', 'Continúe para iniciar sesión en {portal}.', 'Iniciar sesión'],
    ['Confirme su dirección de correo', 'Confirme su dirección para completar el registro en {portal}.', 'Confirmar e iniciar sesión'],
    'Continúe solo si usted mismo inició este inicio de sesión.'),
  nl: texts(['Inloggen', 'Ga verder om in te loggen bij {portal}.', 'Inloggen'],
    ['Bevestig uw e-mailadres', 'Bevestig uw adres om uw registratie bij {portal} af te ronden.', 'Bevestigen en inloggen'],
    'Ga alleen verder als u deze aanmelding zelf bent gestart.'),
  it: texts(['Accedi', 'Continua per accedere a {portal}.', 'Accedi'],
    ['Conferma il tuo indirizzo email', 'Conferma il tuo indirizzo per completare la registrazione a {portal}.', 'Conferma e accedi'],
    'Continua solo se hai avviato tu stesso questo accesso.'),
  pt: texts(['Iniciar sessão', 'Continue para iniciar sessão em {portal}.', 'Iniciar sessão'],
    ['Confirme o seu endereço de email', 'Confirme o seu endereço para concluir o registo em {portal}.', 'Confirmar e iniciar sessão'],
    'Continue apenas se foi você que iniciou esta sessão.'),
  pl: texts(['Zaloguj się', 'Kontynuuj, aby zalogować się do {portal}.', 'Zaloguj się'],
    ['Potwierdź adres e-mail', 'Potwierdź adres, aby dokończyć rejestrację w {portal}.', 'Potwierdź i zaloguj się'],
    'Kontynuuj tylko wtedy, gdy to Ty rozpocząłeś to logowanie.'),
  ja: texts(['サインイン', '{portal} へのサインインを続けます。', 'サインイン'],
    ['メールアドレスの確認', '{portal} への登録を完了するには、アドレスを確認してください。', '確認してサインイン'],
    'このサインインをご自身で開始した場合のみ続行してください。'),
  ar: texts(['تسجيل الدخول', 'تابع لتسجيل الدخول إلى {portal}.', 'تسجيل الدخول'],
    ['تأكيد عنوان بريدك الإلكتروني', 'أكّد عنوانك لإكمال التسجيل في {portal}.', 'التأكيد وتسجيل الدخول'],
    'تابع فقط إذا كنت أنت من بدأ تسجيل الدخول هذا.'),
} satisfies Record<string, LanguageTexts>;

export type ConfirmLanguage = keyof typeof CONFIRM_TEXTS;
