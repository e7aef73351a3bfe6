/**
 * The e-mail sign-up form for the studio's newsletter service, as plain HTML
 * posted straight to the service: no script of theirs runs on the site. The
 * Content-Security-Policy lets forms post to that one origin (src/lib/csp.ts).
 */
import type { SiteConfig } from '../schema/site.ts';

export type NewsletterSettings = NonNullable<SiteConfig['newsletter']>;

export interface SignupForm {
  /** The service's name, shown with the form. */
  service: string;
  action: string;
  /** The field that carries the reader's address. */
  emailField: string;
  /** Fields the service's own embed code sends along. */
  hidden: { name: string; value: string }[];
}

export function signupForm(settings: NewsletterSettings): SignupForm {
  switch (settings.provider) {
    case 'buttondown':
      return {
        service: 'Buttondown',
        action: `https://buttondown.com/api/emails/embed-subscribe/${encodeURIComponent(settings.username)}`,
        emailField: 'email',
        hidden: [],
      };
    case 'mailchimp':
      return { service: 'Mailchimp', action: settings.action, emailField: 'EMAIL', hidden: [] };
    case 'mailerlite':
      return { service: 'MailerLite', action: settings.action, emailField: 'fields[email]', hidden: [{ name: 'ml-submit', value: '1' }] };
    case 'other':
      return { service: settings.name, action: settings.action, emailField: settings.emailField, hidden: [] };
  }
}

/** The origin a form posts to, for the CSP's form-action. */
export function formOrigin(settings: NewsletterSettings | undefined): string | undefined {
  return settings ? new URL(signupForm(settings).action).origin : undefined;
}
