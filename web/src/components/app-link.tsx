import type { ComponentChildren } from 'preact';
import { onLinkClick } from '../router';

/** A link inside the app (navigates without a reload). */
export function AppLink({
  href,
  children,
  class: className,
}: {
  href: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <a href={href} onClick={onLinkClick} class={className}>
      {children}
    </a>
  );
}
