import { describe, expect, it } from 'vitest';
import { formOrigin, signupForm } from '../../src/lib/newsletter.ts';

describe('signupForm', () => {
  it("posts to Buttondown's embed address for the username", () => {
    expect(signupForm({ provider: 'buttondown', username: 'studio_news' })).toEqual({
      service: 'Buttondown',
      action: 'https://buttondown.com/api/emails/embed-subscribe/studio_news',
      emailField: 'email',
      hidden: [],
    });
  });

  it("uses each service's own field name", () => {
    expect(signupForm({ provider: 'mailchimp', action: 'https://x.us1.list-manage.com/subscribe/post?u=1&id=2' }).emailField).toBe('EMAIL');
    expect(signupForm({ provider: 'mailerlite', action: 'https://assets.mailerlite.com/jsonp/1/forms/2/subscribe' }).emailField).toBe(
      'fields[email]',
    );
    expect(
      signupForm({ provider: 'other', name: 'Listmonk', action: 'https://lists.example.com/subscription/form', emailField: 'mail' }),
    ).toMatchObject({
      service: 'Listmonk',
      emailField: 'mail',
    });
  });

  it('names the one origin forms may post to, or none', () => {
    expect(formOrigin({ provider: 'buttondown', username: 'x' })).toBe('https://buttondown.com');
    expect(formOrigin(undefined)).toBeUndefined();
  });
});
