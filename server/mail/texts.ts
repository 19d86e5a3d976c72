/**
 * The texts of every email, per kind and language (en, de, sv, da). `{portal}`, `{name}` and the request's `values`
 * (`{agent}`, `{label}`, `{id}`, `{subject}`, …) are filled in. Order: `lead`, the quoted message (if any), `body`,
 * the link as a button (HTML) or on its own line (text), then the note.
 */
export interface MailTexts {
  subject: string;
  /** Paragraphs before a quoted message (kinds that quote one). */
  lead?: string[];
  /** Paragraphs before the link. */
  body: string[];
  /** Label of the link's button. */
  action: string;
  /** Paragraph after the link. */
  note: string;
}

export type MailLocale = 'en' | 'de' | 'sv' | 'da';
export const MAIL_LOCALES: readonly MailLocale[] = ['en', 'de', 'sv', 'da'];

export const MAIL_TEXTS: Record<string, Record<MailLocale, MailTexts>> = {
  invitation: {
    en: { subject: 'You are invited to {portal}', body: ['Hello {name},', 'you have been invited to {portal}. Choose your password to sign in.'], action: 'Choose a password', note: 'The link is valid for 7 days.' },
    de: { subject: 'Einladung zu {portal}', body: ['Hallo {name},', 'Sie wurden zu {portal} eingeladen. Wählen Sie Ihr Passwort, um sich anzumelden.'], action: 'Passwort wählen', note: 'Der Link ist 7 Tage lang gültig.' },
    sv: { subject: 'Du är inbjuden till {portal}', body: ['Hej {name},', 'du har bjudits in till {portal}. Välj ditt lösenord för att logga in.'], action: 'Välj lösenord', note: 'Länken gäller i 7 dagar.' },
    da: { subject: 'Du er inviteret til {portal}', body: ['Hej {name},', 'du er blevet inviteret til {portal}. Vælg din adgangskode for at logge ind.'], action: 'Vælg adgangskode', note: 'Linket er gyldigt i 7 dage.' },
  },
  reset: {
    en: { subject: 'Reset your {portal} password', body: ['Someone asked to reset the password of your {portal} account.', 'Choose a new password here:'], action: 'Choose a new password', note: 'The link is valid for 30 minutes and works once. If it was not you, ignore this email: your password stays as it is.' },
    de: { subject: 'Passwort für {portal} zurücksetzen', body: ['Jemand hat angefragt, das Passwort Ihres Kontos bei {portal} zurückzusetzen.', 'Wählen Sie hier ein neues Passwort:'], action: 'Neues Passwort wählen', note: 'Der Link ist 30 Minuten gültig und funktioniert einmal. Waren Sie das nicht, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.' },
    sv: { subject: 'Återställ ditt lösenord för {portal}', body: ['Någon har bett om att återställa lösenordet för ditt konto på {portal}.', 'Välj ett nytt lösenord här:'], action: 'Välj nytt lösenord', note: 'Länken gäller i 30 minuter och fungerar en gång. Var det inte du kan du strunta i det här mejlet: ditt lösenord förblir detsamma.' },
    da: { subject: 'Nulstil din adgangskode til {portal}', body: ['Nogen har bedt om at nulstille adgangskoden til din konto på {portal}.', 'Vælg en ny adgangskode her:'], action: 'Vælg ny adgangskode', note: 'Linket er gyldigt i 30 minutter og virker én gang. Var det ikke dig, kan du se bort fra denne e-mail: din adgangskode forbliver den samme.' },
  },
  'account-exists': {
    en: { subject: 'You already have an account at {portal}', body: ['Someone tried to register at {portal} with this address, but you already have an account.', 'Sign in with your password, or choose a new one here:'], action: 'Choose a new password', note: 'The link is valid for 30 minutes. If it was not you, ignore this email: nothing has changed.' },
    de: { subject: 'Sie haben bereits ein Konto bei {portal}', body: ['Jemand wollte sich mit dieser Adresse bei {portal} registrieren, aber Sie haben bereits ein Konto.', 'Melden Sie sich mit Ihrem Passwort an oder wählen Sie hier ein neues:'], action: 'Neues Passwort wählen', note: 'Der Link ist 30 Minuten gültig. Waren Sie das nicht, ignorieren Sie diese E-Mail: Es hat sich nichts geändert.' },
    sv: { subject: 'Du har redan ett konto på {portal}', body: ['Någon försökte registrera sig på {portal} med den här adressen, men du har redan ett konto.', 'Logga in med ditt lösenord eller välj ett nytt här:'], action: 'Välj nytt lösenord', note: 'Länken gäller i 30 minuter. Var det inte du kan du strunta i det här mejlet: ingenting har ändrats.' },
    da: { subject: 'Du har allerede en konto på {portal}', body: ['Nogen forsøgte at registrere sig på {portal} med denne adresse, men du har allerede en konto.', 'Log ind med din adgangskode, eller vælg en ny her:'], action: 'Vælg ny adgangskode', note: 'Linket er gyldigt i 30 minutter. Var det ikke dig, kan du se bort fra denne e-mail: intet er ændret.' },
  },
  'confirm-registration': {
    en: { subject: 'Confirm your email address for {portal}', body: ['Hello {name},', 'thank you for registering at {portal}. Confirm your email address to finish your registration and sign in:'], action: 'Confirm my address', note: 'The link is valid for 24 hours and works once. If you did not register, ignore this email: no account is created.' },
    de: { subject: 'Bestätigen Sie Ihre E-Mail-Adresse für {portal}', body: ['Hallo {name},', 'danke für Ihre Registrierung bei {portal}. Bestätigen Sie Ihre E-Mail-Adresse, um die Registrierung abzuschließen und sich anzumelden:'], action: 'Adresse bestätigen', note: 'Der Link ist 24 Stunden gültig und funktioniert einmal. Haben Sie sich nicht registriert, ignorieren Sie diese E-Mail: Es wird kein Konto angelegt.' },
    sv: { subject: 'Bekräfta din e-postadress för {portal}', body: ['Hej {name},', 'tack för att du registrerade dig på {portal}. Bekräfta din e-postadress för att slutföra registreringen och logga in:'], action: 'Bekräfta min adress', note: 'Länken gäller i 24 timmar och fungerar en gång. Om du inte har registrerat dig kan du strunta i det här mejlet: inget konto skapas.' },
    da: { subject: 'Bekræft din e-mailadresse til {portal}', body: ['Hej {name},', 'tak for din registrering på {portal}. Bekræft din e-mailadresse for at fuldføre registreringen og logge ind:'], action: 'Bekræft min adresse', note: 'Linket er gyldigt i 24 timer og virker én gang. Har du ikke registreret dig, kan du se bort fra denne e-mail: der oprettes ingen konto.' },
  },
  'sign-in-link': {
    en: { subject: 'Your sign-in link for {portal}', body: ['Sign in to {portal} with this link:'], action: 'Sign in', note: 'The link is valid for 15 minutes and works once. If you did not ask for it, ignore this email.' },
    de: { subject: 'Ihr Anmeldelink für {portal}', body: ['Melden Sie sich mit diesem Link bei {portal} an:'], action: 'Anmelden', note: 'Der Link ist 15 Minuten gültig und funktioniert einmal. Haben Sie ihn nicht angefordert, ignorieren Sie diese E-Mail.' },
    sv: { subject: 'Din inloggningslänk till {portal}', body: ['Logga in på {portal} med den här länken:'], action: 'Logga in', note: 'Länken gäller i 15 minuter och fungerar en gång. Om du inte bad om den kan du strunta i det här mejlet.' },
    da: { subject: 'Dit login-link til {portal}', body: ['Log ind på {portal} med dette link:'], action: 'Log ind', note: 'Linket er gyldigt i 15 minutter og virker én gang. Har du ikke bedt om det, kan du se bort fra denne e-mail.' },
  },
  'agent-reply': {
    en: { subject: 'New reply to your {label} #{id}: {subject}', lead: ['{agent} answered your {label} at {portal}:'], body: ['Read and answer the {label} here:'], action: 'Open {label} #{id}', note: 'You can turn these emails off in the portal under "Email notifications".' },
    de: { subject: 'Neue Antwort zu Ihrem {label} #{id}: {subject}', lead: ['{agent} hat auf Ihr {label} bei {portal} geantwortet:'], body: ['{label} ansehen und antworten:'], action: '{label} #{id} öffnen', note: 'Sie können diese E-Mails im Portal unter „E-Mail-Benachrichtigungen“ abschalten.' },
    sv: { subject: 'Nytt svar på ditt {label} #{id}: {subject}', lead: ['{agent} har svarat på ditt {label} hos {portal}:'], body: ['Läs och svara på ditt {label} här:'], action: 'Öppna {label} #{id}', note: 'Du kan stänga av de här e-postmeddelandena i portalen under ”E-postaviseringar”.' },
    da: { subject: 'Nyt svar på din {label} #{id}: {subject}', lead: ['{agent} har svaret på din {label} hos {portal}:'], body: ['Læs og svar på din {label} her:'], action: 'Åbn {label} #{id}', note: 'Du kan slå disse e-mails fra i portalen under "E-mailnotifikationer".' },
  },
};
