/** Email: every email the server sends goes through `queueMail`; `startMailSender` delivers them over SMTP. */
export { contactMailLocale, queueMail } from './queue.js';
export { startMailSender, type MailSender, type MailSenderOptions } from './sender.js';
export { mailLocale, matchMailLocale, renderMail, type MailRequest, type RenderedMail } from './templates.js';
export { MAIL_LOCALES, MAIL_TEXTS, type MailLocale, type MailTexts } from './texts.js';
